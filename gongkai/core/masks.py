"""How lists show personal data (PI-04): enough to recognise a record, not
enough to identify the person."""

from django.conf import settings


def mask_id_number(value: str) -> str:
    """An ID number as lists show it (PI-04): the first
    ``ID_NUMBER_MASK_KEEP_START`` characters (default 3) and the last 4."""
    value = "".join(value.split())
    start = settings.ID_NUMBER_MASK_KEEP_START
    if len(value) <= start + 4:
        return "*" * len(value)
    return value[:start] + "*" * (len(value) - start - 4) + value[-4:]


def mask_phone(value: str) -> str:
    """A phone number as lists show it: 138****5678."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_address(value: str) -> str:
    """An address cut after its first six characters."""
    value = value.strip()
    return value[:6] + "****" if len(value) > 6 else "****" if value else ""


def mask_email(value: str) -> str:
    """An e-mail address with its local part hidden: z***@example.com."""
    local, at, domain = value.partition("@")
    return f"{local[:1]}***{at}{domain}" if at else "***"


def mask_name(value: str) -> str:
    """A person's name as lists show it: 张*."""
    value = value.strip()
    return value[:1] + "*" * max(len(value) - 1, 1) if value else ""


def mask_contact(value: str) -> str:
    """A phone number or an e-mail address, whichever it is."""
    value = value.strip()
    if not value:
        return ""
    return mask_email(value) if "@" in value else mask_phone(value)
