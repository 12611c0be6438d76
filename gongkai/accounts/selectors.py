"""Who may see what, for accounts and the audit log."""

from gongkai.accounts.models import User


def can_read_audit_log(user: User) -> bool:
    """The office (办公室) and superusers read the audit log."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.is_in_office
