"""What of a comment the public may read. A commenter's own text may carry
their identity number, mobile, landline or e-mail ("我的电话0533-7123456"),
and nothing a commenter writes is a published office number: all of them
are masked, on the portal and in the group labels the adoption report
prints."""

import re

from gongkai.core.masks import mask_email, mask_phone
from gongkai.review.checks.personal_data import mask_text

# 0533-7123456, (0533)7123456, 0533 7123456, 05337123456.
_LANDLINE = re.compile(r"(?<!\d)[（(]?0\d{2,3}[)）]?[-－\s]?\d{7,8}(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def public_text(text: str) -> str:
    if not text:
        return text
    text = mask_text(text)
    text = _EMAIL.sub(lambda match: mask_email(match.group()), text)
    return _LANDLINE.sub(lambda match: mask_phone(match.group()), text)
