"""Text of files as bureau staff save them."""


def decode_text(data: bytes) -> str:
    """Decode bytes that may be UTF-8 (with or without BOM) or GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
