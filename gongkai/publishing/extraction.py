"""Text out of attachments (PDF, DOCX, XLSX, TXT, HTML) for search and for the
personal-data checks. Extraction never raises: a file it cannot read yields
no text and the reason."""

import logging
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from gongkai.core.html import html_to_text

logger = logging.getLogger(__name__)

MAX_EXTRACTED_CHARACTERS = 500_000
# SEC-UP-03: refuse archives that expand beyond reason before parsing them.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 1000


@dataclass(frozen=True)
class Extraction:
    text: str
    problem: str = ""


def decode_text(data: bytes) -> str:
    """Decode bytes that may be UTF-8 (with or without BOM) or GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _check_archive(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        return "文件不是有效的 Office 文档（ZIP 结构损坏）。"
    if len(members) > MAX_ARCHIVE_ENTRIES:
        return "文件内部条目过多，已拒绝解析。"
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
        return "文件解压后过大，已拒绝解析。"
    for member in members:
        name = PurePath(member.filename)
        if name.is_absolute() or ".." in name.parts:
            return "文件内部包含非法路径，已拒绝解析。"
    return ""


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
            problem = _check_archive(data)
            if problem:
                return Extraction("", problem)
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
