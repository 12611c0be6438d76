"""Body HTML from a 正文 cell or a 正文文件 (DOCX, PDF, HTML, TXT), and the
files a row names, resolved inside the sheet's folder."""

import io
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path, PurePosixPath, PureWindowsPath

from django.utils.translation import gettext_lazy as _

from gongkai.core.html import html_to_text, sanitize_html
from gongkai.core.text import decode_text
from gongkai.publishing.extraction import extract_text

# The same list as settings.WAGTAILDOCS_EXTENSIONS: what the portal serves.
ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".ofd", ".jpg", ".jpeg", ".png")
BODY_FILE_EXTENSIONS = (".docx", ".pdf", ".html", ".htm", ".txt")

ATTACHMENT_SEPARATORS_RE = re.compile(r"[;；\r\n]+")
# Enough to tell pasted HTML from plain text; sanitize_html does the rest.
HTML_TAG_RE = re.compile(
    r"</?\s*(p|div|br|span|table|tr|td|th|h[1-6]|ul|ol|li|strong|b|em|i|a|font)\b",
    re.IGNORECASE,
)
HTML_BODY_RE = re.compile(r"<body[^>]*>(.*)</body>", re.IGNORECASE | re.DOTALL)
DOCX_HEADING_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


class SheetFileError(Exception):
    """A file named in a row cannot be used; the message says why."""


# Bodies


def text_to_html(text: str) -> str:
    """Plain text as paragraphs: one <p> per non-empty line, escaped."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


def body_html_from_text(text: str) -> str:
    """The 正文 cell: HTML pasted from the old site is sanitised, anything
    else is plain text."""
    if HTML_TAG_RE.search(text):
        return sanitize_html(text)
    return text_to_html(text)


def docx_to_html(data: bytes) -> str:
    """Paragraphs, headings and tables of a Word document, in document
    order, as the HTML body allows it."""
    from docx import Document
    from docx.table import Table

    parts = []
    for block in Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            parts.append(_docx_table_html(block))
            continue
        text = block.text.strip()
        if not text:
            continue
        tag = "p"
        heading = DOCX_HEADING_RE.match(block.style.name if block.style else "")
        if heading:
            # h1 is the page title; Word's levels 1, 2, 3+ become h2, h3, h4.
            tag = f"h{min(int(heading[1]) + 1, 4)}"
        parts.append(f"<{tag}>{escape(text)}</{tag}>")
    return "".join(parts)


def _docx_table_html(table) -> str:
    rows = []
    for row in table.rows:
        # A cell merged across columns comes once per grid column it spans.
        spans: list[list] = []
        for cell in row.cells:
            if spans and spans[-1][0]._tc is cell._tc:
                spans[-1][1] += 1
            else:
                spans.append([cell, 1])
        cells = []
        for cell, span in spans:
            text = "<br>".join(escape(paragraph.text) for paragraph in cell.paragraphs)
            colspan = f' colspan="{span}"' if span > 1 else ""
            cells.append(f"<td{colspan}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><tbody>{''.join(rows)}</tbody></table>"


def body_html_from_file(*, path: Path) -> str:
    """The content of a 正文文件 as body HTML.

    Raises SheetFileError when the file cannot be read or holds no text (a
    scanned PDF belongs among the attachments, not in the body)."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = decode_text(data)
        match = HTML_BODY_RE.search(text)
        html = sanitize_html(match[1] if match else text)
    else:
        # extract_text also refuses Office files that expand beyond reason
        # before anything parses them.
        extraction = extract_text(name=path.name, data=data)
        if extraction.problem:
            raise SheetFileError(
                _("正文文件“%(path)s”无法读取：%(problem)s")
                % {"path": path.name, "problem": extraction.problem}
            )
        html = (
            docx_to_html(data) if suffix == ".docx" else text_to_html(extraction.text)
        )
    if not html_to_text(html):
        raise SheetFileError(
            _("正文文件“%(path)s”中没有可提取的文字（扫描件请作为附件导入）。")
            % {"path": path.name}
        )
    return html


# Files named in a row


def resolve_sheet_file(
    *, base_dir: Path, relative: str, header: str, allowed: Sequence[str]
) -> Path:
    """The file ``relative`` names inside the sheet's folder.

    Raises SheetFileError for absolute paths and ``..`` (a sheet must not
    reach files elsewhere on the server), for other file types and for
    missing files."""
    text = relative.strip().replace("\\", "/")
    outside = SheetFileError(
        _(
            "%(header)s“%(path)s”必须是表格所在文件夹内的相对路径，不能使用绝对路径或“..”。"
        )
        % {"header": header, "path": relative}
    )
    relative_path = PurePosixPath(text)
    if (
        relative_path.is_absolute()
        or PureWindowsPath(text).drive
        or ".." in relative_path.parts
    ):
        raise outside
    if relative_path.suffix.lower() not in allowed:
        raise SheetFileError(
            _("%(header)s“%(path)s”的文件类型不允许，只能是：%(allowed)s。")
            % {
                "header": header,
                "path": relative,
                "allowed": "、".join(extension[1:] for extension in allowed),
            }
        )
    base = base_dir.resolve()
    candidate = (base / relative_path).resolve()
    # A symbolic link inside the folder may still point outside it.
    if not candidate.is_relative_to(base):
        raise outside
    if not candidate.is_file():
        raise SheetFileError(
            _("%(header)s“%(path)s”不存在（路径相对于表格所在文件夹）。")
            % {"header": header, "path": relative}
        )
    return candidate


def split_paths(value: str) -> list[str]:
    """附件 cells list files separated by ; or ； or line breaks."""
    return [
        part.strip() for part in ATTACHMENT_SEPARATORS_RE.split(value) if part.strip()
    ]
