"""What may no longer change once a notice went to 三审: the reviewers
approve, and the public reads, the sale and the parcels as they were sent.
A correction after that goes through 撤回修改 (while in review) or 撤稿
(once published), then 三审 again. Pure."""

from gongkai.land_market.choices import NoticeKind

SALE_FIELDS = (
    "title",
    "method",
    "sale_starts_on",
    "listing_starts_on",
    "listing_ends_on",
)
OFFER_FIELDS = (
    "announcement",
    "location",
    "township",
    "area_m2",
    "use",
    "term_years",
    "plot_ratio",
    "building_density",
    "green_ratio",
    "height_limit",
    "starting_price",
    "deposit",
    "increment",
)
RESULT_FIELDS = ("outcome", "sold_on", "buyer", "deal_price")
CONTRACT_FIELDS = ("contract_number", "contract_signed_on")
LOCKED_BY = {
    NoticeKind.ANNOUNCEMENT: (*SALE_FIELDS, *OFFER_FIELDS),
    NoticeKind.TRANSACTION: RESULT_FIELDS,
    NoticeKind.SUPPLY_RESULT: CONTRACT_FIELDS,
}


def locked_fields(sent_kinds) -> frozenset[str]:
    """The fields of a sale and its parcels that the notices of
    ``sent_kinds`` (in review or published) fix."""
    return frozenset(field for kind in sent_kinds for field in LOCKED_BY.get(kind, ()))
