"""Text out of attachments (PDF, DOCX, XLSX, TXT, HTML) for search and for the
personal-data checks. Extraction never raises: a file it cannot read yields
no text and the reason."""

import logging
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from gongkai.core.html import html_to_text
from gongkai.core.text import decode_text
from gongkai.publishing.uploads import archive_problem

logger = logging.getLogger(__name__)

MAX_EXTRACTED_CHARACTERS = 500_000


@dataclass(frozen=True)
class Extraction:
    text: str
    problem: str = ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                parts.append(" ".join(cells))
    workbook.close()
    return "\n".join(parts)


def extract_text(*, name: str, data: bytes) -> Extraction:
    """The text of a file called ``name`` with content ``data``."""
    suffix = PurePath(name).suffix.lower()
    try:
        if suffix == ".pdf":
            text = _pdf_text(data)
        elif suffix in (".docx", ".xlsx"):
            if archive_problem(data):
                return Extraction("", "文件结构异常或过大，已拒绝解析。")
            text = _docx_text(data) if suffix == ".docx" else _xlsx_text(data)
        elif suffix in (".txt", ".csv"):
            text = decode_text(data)
        elif suffix in (".html", ".htm"):
            text = html_to_text(decode_text(data))
        else:
            return Extraction("", "")
    except Exception as error:  # noqa: BLE001  # any parser failure means "no text"
        logger.warning("Text extraction failed for %s: %s", name, error)
        return Extraction("", f"无法从文件中提取文字：{error.__class__.__name__}")
    return Extraction(text[:MAX_EXTRACTED_CHARACTERS])
