"""Personal information in text that is about to be published (PI-05):
resident identity numbers, mainland mobile numbers and bank card numbers,
with the masked forms that may be published instead (PI-04).

Only numbers that pass their check digits count: an 18-digit number with a
wrong GB 11643 check character is not an identity number, and a card number
must pass Luhn. Pure functions over strings; no database.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from gongkai.accounts.validators import (
    CREDIT_CODE_ALPHABET,
    credit_code_check_character,
)
from gongkai.review.checks.findings import Finding, FindingKind, Severity

# GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date,
# 3-digit sequence, check character by ISO 7064 MOD 11-2.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"
# GB/T 2260 province codes, plus 81/82/83 of the 港澳台居民居住证.
PROVINCE_CODES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
     "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
     "61", "62", "63", "64", "65", "71", "81", "82", "83"}
)  # fmt: skip
EARLIEST_BIRTH_YEAR = 1900
LATEST_BIRTH_YEAR = 2099

# Digits or Latin letters on either side mean a longer code (不动产单元号,
# 合同编号…), not a number on its own.
_NOT_CODE_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_CODE_AFTER = r"(?![0-9A-Za-z])"
ID_RE = re.compile(_NOT_CODE_BEFORE + r"\d{17}[0-9Xx]" + _NOT_CODE_AFTER)
# 11 digits 1[3-9]…, also written 138-1234-5678 or 138 1234 5678, with an
# optional +86 in front.
MOBILE_RE = re.compile(
    _NOT_CODE_BEFORE + r"(?:\+?86[- ]?)?1[3-9]\d([- ]?)\d{4}\1\d{4}" + _NOT_CODE_AFTER
)
# Card numbers start with 3–6 or 9 (UnionPay 62…, Visa 4…, Mastercard 5…,
# older domestic debit cards 95…); a leading 1 or 2 is a date, a year or a
# serial number, e.g. a table row "2019 2020 2021 2022".
CARD_RE = re.compile(
    _NOT_CODE_BEFORE
    + r"(?:[3-69]\d{15,18}|[3-69]\d{3}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)"
    + _NOT_CODE_AFTER
)
# A mobile number right after one of these labels is usually the office's
# published contact number, not a leaked one: a warning, not an error.
CONTACT_LABEL_RE = re.compile(
    r"(联系电话|联系方式|联系人|咨询电话|监督电话|举报电话|投诉电话|办公电话|"
    r"服务电话|值班电话|报名电话|受理电话)[^\n。；;]{0,16}$"
)
CONTACT_LOOKBEHIND = 24


@dataclass(frozen=True)
class PersonalDataHit:
    kind: str
    start: int
    end: int
    text: str
    masked: str
    is_contact_number: bool = False


def id_check_character(first_17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_17, ID_WEIGHTS, strict=True)
    )
    return ID_CHECK_CHARACTERS[total % 11]


def is_valid_id_number(value: str) -> bool:
    """An 18-character resident identity number with a known province, a
    real birth date and the right check character."""
    if len(value) != 18 or not value[:17].isdigit() or value[:2] not in PROVINCE_CODES:
        return False
    year, month, day = int(value[6:10]), int(value[10:12]), int(value[12:14])
    if not EARLIEST_BIRTH_YEAR <= year <= LATEST_BIRTH_YEAR:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return id_check_character(value[:17]) == value[17].upper()


def passes_luhn(digits: str) -> bool:
    """The Luhn (ISO/IEC 7812) check of a card number."""
    total = 0
    for position, character in enumerate(reversed(digits)):
        digit = int(character)
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _is_credit_code(digits: str) -> bool:
    # An all-digit 统一社会信用代码 (GB 32100) of a company is 18 digits too;
    # its own check character makes it far likelier than a card number.
    return (
        len(digits) == 18
        and all(character in CREDIT_CODE_ALPHABET for character in digits)
        and credit_code_check_character(digits[:17]) == digits[17]
    )


def _mask(value: str, keep_start: int, keep_end: int, mask: str) -> str:
    hidden = len(value) - keep_start - keep_end
    if hidden <= 0:
        return mask * len(value)
    return value[:keep_start] + mask * hidden + value[len(value) - keep_end :]


def _digits(value: str) -> str:
    return re.sub(r"[^0-9Xx]", "", value)


def mask_id_number(
    value: str, *, keep_start: int = 6, keep_end: int = 4, mask: str = "*"
) -> str:
    """370305198001011234 → 370305********1234 (PI-04: the kept lengths are
    a parameter; 3 + 4 is also used)."""
    return _mask(_digits(value), keep_start, keep_end, mask)


def mask_mobile(
    value: str, *, keep_start: int = 3, keep_end: int = 4, mask: str = "*"
) -> str:
    """13812345678, 138-1234-5678 or +86 138… → 138****5678."""
    digits = _digits(value)
    if len(digits) > 11 and digits.startswith("86"):
        digits = digits[-11:]
    return _mask(digits, keep_start, keep_end, mask)


def mask_card(
    value: str, *, keep_start: int = 4, keep_end: int = 4, mask: str = "*"
) -> str:
    """6222021234567890123 → 6222***********0123."""
    return _mask(_digits(value), keep_start, keep_end, mask)


def _is_contact_number(text: str, start: int) -> bool:
    before = text[max(0, start - CONTACT_LOOKBEHIND) : start]
    return CONTACT_LABEL_RE.search(before) is not None


def find_personal_data(text: str) -> list[PersonalDataHit]:
    """Every identity number, mobile number and card number in ``text``, in
    order; where two overlap, an identity number wins over a card number."""
    hits: list[PersonalDataHit] = []
    for match in ID_RE.finditer(text):
        if is_valid_id_number(match.group()):
            hits.append(
                PersonalDataHit(
                    FindingKind.PERSONAL_ID,
                    match.start(),
                    match.end(),
                    match.group(),
                    mask_id_number(match.group()),
                )
            )
    for match in CARD_RE.finditer(text):
        digits = _digits(match.group())
        if (
            16 <= len(digits) <= 19
            and passes_luhn(digits)
            and not is_valid_id_number(digits)
            and not _is_credit_code(digits)
        ):
            hits.append(
                PersonalDataHit(
                    FindingKind.BANK_CARD,
                    match.start(),
                    match.end(),
                    match.group(),
                    mask_card(digits),
                )
            )
    for match in MOBILE_RE.finditer(text):
        hits.append(
            PersonalDataHit(
                FindingKind.MOBILE,
                match.start(),
                match.end(),
                match.group(),
                mask_mobile(match.group()),
                is_contact_number=_is_contact_number(text, match.start()),
            )
        )
    hits.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
    kept: list[PersonalDataHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def mask_text(text: str, *, keep_contact_numbers: bool = False) -> str:
    """``text`` with every identity, mobile and card number replaced by its
    masked form; with ``keep_contact_numbers``, a mobile right after a label
    such as 联系电话 (a published contact number) stays."""
    parts = []
    position = 0
    for hit in find_personal_data(text):
        if keep_contact_numbers and hit.is_contact_number:
            continue
        parts.append(text[position : hit.start])
        parts.append(hit.masked)
        position = hit.end
    parts.append(text[position:])
    return "".join(parts)


def _message(hit: PersonalDataHit) -> tuple[str, str]:
    if hit.kind == FindingKind.PERSONAL_ID:
        return Severity.ERROR, _(
            "发现居民身份证号码（校验位正确）。公开前应删除，或在依法可公开姓名时隐藏为建议的形式。"
        )
    if hit.kind == FindingKind.BANK_CARD:
        return Severity.ERROR, _(
            "发现银行卡号（通过Luhn校验）。银行卡号不得公开，请删除或隐藏。"
        )
    if hit.is_contact_number:
        return Severity.WARNING, _(
            "发现手机号码，位于“联系电话”等字样之后。如是单位公布的公务联系号码，请说明理由后继续；如是个人号码，请删除或隐藏。"
        )
    return Severity.ERROR, _(
        "发现手机号码。个人手机号码不得公开，请删除或隐藏为建议的形式。"
    )


def check_personal_data(text: str, *, location: str) -> list[Finding]:
    """PI-05 findings for ``text``; each suggests the masked form."""
    findings = []
    for hit in find_personal_data(text):
        severity, message = _message(hit)
        findings.append(
            Finding(
                kind=hit.kind,
                severity=severity,
                text=hit.text,
                location=location,
                offset=hit.start,
                message=message,
                suggestion=hit.masked,
            )
        )
    return findings
