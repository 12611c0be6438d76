"""自然资源市场交易: land supply plans, transfer announcements with their
parcels, transaction notices and supply results, with the statutory periods
of 国土资源部令第39号 enforced, and their import from spreadsheets."""
