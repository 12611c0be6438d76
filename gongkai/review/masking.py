"""One-click masking (一键脱敏) of the personal data the pre-review blocks:
identity numbers, bank card numbers and mobile numbers that are not a
published contact number become their masked forms (PI-04), in texts, in a
StreamField's raw data and inside DOCX and XLSX files.

Masking removes the digits from the file itself (PI-06: the extracted text
no longer holds them). A PDF cannot be rewritten that way here: the caller
asks for a masked file instead. Pure functions over strings and bytes.
"""

from collections.abc import Iterable
from io import BytesIO
from pathlib import PurePath

from gongkai.review.checks.personal_data import (
    PersonalDataHit,
    find_personal_data,
    mask_text,
)

# Attachments are PDF, DOCX, XLSX, OFD, images or video (uploads.py); of
# these, DOCX and XLSX can be rewritten with their text masked.
MASKABLE_SUFFIXES = frozenset({".docx", ".xlsx"})
# Keys of a StreamField's raw data that are not text a reader sees.
_STREAM_KEYS_NOT_TEXT = frozenset({"id", "type", "url", "embed"})


class CannotMaskFile(ValueError):
    """The file's kind cannot be rewritten with its digits masked."""


def masked_hits(text: str) -> list[PersonalDataHit]:
    """The hits one-click masking replaces: every identity and card number,
    and mobile numbers other than a published contact number (those are a
    warning the editor answers with a reason)."""
    return [hit for hit in find_personal_data(text) if not hit.is_contact_number]


def mask_personal_text(text: str) -> str:
    """``text`` with every hit of ``masked_hits`` in its masked form."""
    return mask_text(text, keep_contact_numbers=True) if text else text


def mask_stream_data(value):
    """A StreamField's raw data (lists, dicts, strings) with every string a
    reader sees masked; block ids, types and URLs are left alone."""
    if isinstance(value, str):
        return mask_personal_text(value)
    if isinstance(value, list):
        return [mask_stream_data(item) for item in value]
    if isinstance(value, dict):
        return {
            key: item if key in _STREAM_KEYS_NOT_TEXT else mask_stream_data(item)
            for key, item in value.items()
        }
    return value


def mask_split_text(pieces: list[str]) -> list[str] | None:
    """Mask a text that is stored in pieces (the runs of a DOCX paragraph,
    where one number may straddle two runs): the masked form goes into the
    piece where the number starts and its remaining digits leave the other
    pieces. ``None`` when there is nothing to mask."""
    full = "".join(pieces)
    hits = masked_hits(full)
    if not hits:
        return None
    result = []
    start = 0
    for piece in pieces:
        end = start + len(piece)
        characters = []
        for position in range(start, end):
            hit = next((h for h in hits if h.start <= position < h.end), None)
            if hit is None:
                characters.append(full[position])
            elif position == hit.start:
                characters.append(hit.masked)
        result.append("".join(characters))
        start = end
    return result


def _docx_paragraph_texts(root) -> Iterable[list]:
    """The ``w:t`` elements of each paragraph under ``root``, paragraph by
    paragraph (a paragraph in a text box is a paragraph of its own)."""
    from docx.oxml.ns import qn

    paragraph_tag = qn("w:p")
    paragraphs: dict[int, list] = {}
    for element in root.iter(qn("w:t")):
        paragraph = next(
            (a for a in element.iterancestors() if a.tag == paragraph_tag), None
        )
        paragraphs.setdefault(id(paragraph), []).append(element)
    return paragraphs.values()


def mask_docx(data: bytes) -> bytes | None:
    """The DOCX with its body, tables, text boxes, headers and footers
    masked; ``None`` when it holds nothing to mask."""
    from docx import Document

    document = Document(BytesIO(data))
    changed = False
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None:
            continue
        for elements in _docx_paragraph_texts(root):
            masked = mask_split_text([element.text or "" for element in elements])
            if masked is None:
                continue
            changed = True
            for element, text in zip(elements, masked, strict=True):
                element.text = text
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if not changed:
        return None
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cell_text(value) -> str | None:
    """A cell's text; a whole number (a phone typed as a number) as its
    digits; ``None`` for other values."""
    if isinstance(value, str):
        return value
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and float(value).is_integer():
        return str(int(value))
    return None


def mask_xlsx(data: bytes) -> bytes | None:
    """The workbook with every cell holding personal data masked (a number
    typed as a number becomes masked text); ``None`` when nothing was."""
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data))
    changed = False
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = _cell_text(cell.value)
                if value is None:
                    continue
                masked = mask_personal_text(value)
                if masked != value:
                    cell.value = masked
                    changed = True
    if not changed:
        return None
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def mask_file(*, name: str, data: bytes) -> bytes | None:
    """The file called ``name`` with its personal data masked; ``None`` when
    there is nothing to mask. Raises ``CannotMaskFile`` for kinds that
    cannot be rewritten (PDF, OFD, images, video)."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in MASKABLE_SUFFIXES:
        raise CannotMaskFile(name)
    if suffix == ".docx":
        return mask_docx(data)
    return mask_xlsx(data)
