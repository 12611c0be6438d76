"""What may no longer change once a mining-right notice went to 三审, as in
the land market (``land_market.locks``): the reviewers approve, and the
public reads, the record as it was sent. Pure."""

from gongkai.mining_rights.choices import MiningNoticeKind

OFFER_FIELDS = (
    "number",
    "right_type",
    "name",
    "mineral",
    "location",
    "township",
    "area_km2",
    "term_years",
    "method",
    "starting_price",
    "deposit",
    "sale_starts_on",
    "listing_starts_on",
    "listing_ends_on",
)
RESULT_FIELDS = ("outcome", "winner", "deal_price", "confirmed_on", "publicity_until")
APPROVAL_FIELDS = (
    "right_type",
    "kind",
    "holder",
    "name",
    "license_number",
    "mineral",
    "approved_on",
    "valid_from",
    "valid_until",
)
DISCLOSURE_FIELDS = ("year", "holder", "name", "license_number", "summary", "finding")
LOCKED_BY = {
    MiningNoticeKind.ANNOUNCEMENT: OFFER_FIELDS,
    MiningNoticeKind.RESULT: RESULT_FIELDS,
    MiningNoticeKind.APPROVAL: APPROVAL_FIELDS,
    MiningNoticeKind.DISCLOSURE: DISCLOSURE_FIELDS,
}


def locked_fields(sent_kinds) -> frozenset[str]:
    """The fields of a record that its notices of ``sent_kinds`` (in
    review or published) fix."""
    return frozenset(field for kind in sent_kinds for field in LOCKED_BY.get(kind, ()))
