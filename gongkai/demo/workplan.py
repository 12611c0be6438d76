"""Parse the bundled 2023 政务公开 work plan (plain text) into a title, safe HTML and task rows."""

from __future__ import annotations

import html
import re

__all__ = ["TASK_COLUMNS", "TASK_KEYS", "work_plan_html", "work_plan_tasks"]

# The source header row has five cells because 工作任务 spans two columns in the
# original document; each data row carries six cells (category + sub-category).
TASK_COLUMNS: tuple[str, ...] = (
    "序号",
    "工作任务",
    "工作要点",
    "工作要求",
    "责任单位",
    "时限要求",
)
TASK_KEYS: tuple[str, ...] = (
    "number",
    "task",
    "focus",
    "requirement",
    "responsible",
    "deadline",
)

_EXPECTED_HEADER = ("序号", "工作任务", "工作要求", "责任单位", "时限要求")

_ZERO_WIDTH = "\u200b\ufeff"
_INNER_SPACE = re.compile(r"(?<=[^\x00-\x7f])[ \t\u00a0\u3000]+(?=[^\x00-\x7f])")

_CHINESE_NUMERALS = "一二三四五六七八九十"
_H2 = re.compile(rf"^[{_CHINESE_NUMERALS}]+、\S")
_H3 = re.compile(rf"^（[{_CHINESE_NUMERALS}]+）\S")
_ANNEX = re.compile(r"^附件\s*\d+$")
_NUMBERED = re.compile(r"^\d+[．.]\D")
_SENTENCE_END = re.compile(r"[。；！？]")


def _clean(value: str) -> str:
    """Strip edge whitespace (ASCII, full-width, zero-width) and stray spaces between CJK characters."""
    # str.strip() with no argument removes all Unicode whitespace, U+3000 included.
    return _INNER_SPACE.sub("", value.strip().strip(_ZERO_WIDTH).strip())


def _esc(value: str) -> str:
    return html.escape(value, quote=False)


def _split(text: str) -> tuple[list[str], list[str]]:
    """Split the document into prose lines and the tab-indented annex table lines."""
    lines = text.lstrip("\ufeff").splitlines()
    for index, line in enumerate(lines):
        if line.startswith("\t"):
            return lines[:index], lines[index:]
    return lines, []


def _table_blocks(table_lines: list[str]) -> list[list[str]]:
    """Group tab-indented cells into rows; rows are separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in table_lines:
        if line.startswith("\t"):
            current.append(_clean(line))
        elif not _clean(line):
            if current:
                blocks.append(current)
            current = []
        else:  # prose after the table ends it
            break
    if current:
        blocks.append(current)
    return blocks


def _parse_rows(table_lines: list[str]) -> list[list[str]]:
    blocks = _table_blocks(table_lines)
    if not blocks:
        return []
    header, *data = blocks
    if tuple(header) != _EXPECTED_HEADER:
        raise ValueError(f"unexpected task table header: {header!r}")
    rows: list[list[str]] = []
    previous = [""] * len(TASK_COLUMNS)
    for cells in data:
        if len(cells) != len(TASK_COLUMNS):
            raise ValueError(
                f"task row should have {len(TASK_COLUMNS)} cells, got {cells!r}"
            )
        # An empty cell continues the merged cell of the row above.
        row = [cell or above for cell, above in zip(cells, previous, strict=True)]
        if not row[0].isdigit():
            raise ValueError(f"task row without a number: {cells!r}")
        rows.append(row)
        previous = row
    return rows


def work_plan_tasks(text: str) -> list[dict[str, str | int]]:
    """Return the annex task table rows as dicts keyed by TASK_KEYS, merged cells filled down."""
    _, table_lines = _split(text)
    return [
        {
            key: int(value) if key == "number" else value
            for key, value in zip(TASK_KEYS, row, strict=True)
        }
        for row in _parse_rows(table_lines)
    ]


def _numbered_paragraph(line: str) -> str:
    """Render "1．标题句。正文…" as a paragraph with the lead sentence in bold."""
    match = _SENTENCE_END.search(line)
    if match and match.end() <= 40 and match.end() < len(line):
        lead, rest = line[: match.end()], line[match.end() :]
        return f"<p><strong>{_esc(lead)}</strong>{_esc(rest)}</p>"
    return f"<p>{_esc(line)}</p>"


def _table_html(caption: str, rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{_esc(name)}</th>' for name in TASK_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    caption_html = f"<caption>{_esc(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def work_plan_html(text: str) -> tuple[str, str]:
    """Return ``(title, body_html)``: first line as title, the rest as p/h2/h3/strong/table HTML."""
    prose_lines, table_lines = _split(text)
    paragraphs = [cleaned for cleaned in map(_clean, prose_lines) if cleaned]
    if not paragraphs:
        return "", ""
    title, *paragraphs = paragraphs
    rows = _parse_rows(table_lines)
    caption = paragraphs.pop() if rows and paragraphs else ""

    parts: list[str] = []
    for line in paragraphs:
        if (_H2.match(line) or _H3.match(line)) and not _SENTENCE_END.search(line):
            tag = "h2" if _H2.match(line) else "h3"
            parts.append(f"<{tag}>{_esc(line)}</{tag}>")
        elif _ANNEX.match(line):
            parts.append(f"<h2>{_esc(line)}</h2>")
        elif _NUMBERED.match(line):
            parts.append(_numbered_paragraph(line))
        else:
            parts.append(f"<p>{_esc(line)}</p>")
    if rows:
        parts.append(_table_html(caption, rows))
    return title, "\n".join(parts)
