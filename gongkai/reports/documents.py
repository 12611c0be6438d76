"""The annual report as a document: HTML for the portal item, DOCX for
signature (python-docx) and PDF (reportlab with its built-in STSong-Light
CID font, so nothing is downloaded or embedded). Pure: plain data in,
bytes or text out."""

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.html import format_html, format_html_join
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from gongkai.reports.figures import Grid

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    text: str


@dataclass
class ReportDocument:
    """What the report says, in order: headings, paragraphs and tables,
    then the signature block (机关, date)."""

    title: str
    agency_name: str
    signed_on: dt.date
    blocks: list[Heading | Text | Grid] = field(default_factory=list)


def format_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _clean(text: str) -> str:
    return _CONTROL.sub("", text or "").strip()


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in _clean(text).splitlines() if line.strip()]


# HTML (the portal item's body; the admin preview)


def grid_html(grid: Grid) -> str:
    def row_html(index: int, row) -> str:
        return format_html(
            "<tr>{}</tr>",
            format_html_join(
                "",
                "<{} {}>{}</{}>",
                (
                    (
                        tag,
                        format_html(
                            'colspan="{}" rowspan="{}"', cell.colspan, cell.rowspan
                        ),
                        cell.text,
                        tag,
                    )
                    for cell in row
                    for tag in ["th" if cell.header else "td"]
                ),
            ),
        )

    head = format_html_join(
        "",
        "{}",
        ((row_html(i, row),) for i, row in enumerate(grid.rows[: grid.header_rows])),
    )
    body = format_html_join(
        "",
        "{}",
        ((row_html(i, row),) for i, row in enumerate(grid.rows[grid.header_rows :])),
    )
    return format_html(
        '<table class="report-table"><caption>{}</caption>{}<tbody>{}</tbody></table>',
        grid.caption,
        format_html("<thead>{}</thead>", head) if grid.header_rows else "",
        body,
    )


def render_html(document: ReportDocument) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(format_html("<h{0}>{1}</h{0}>", block.level + 1, block.text))
        elif isinstance(block, Text):
            parts.extend(format_html("<p>{}</p>", p) for p in _paragraphs(block.text))
        else:
            parts.append(grid_html(block))
    parts.append(format_html("<p>{}</p>", document.agency_name))
    parts.append(format_html("<p>{}</p>", format_date(document.signed_on)))
    return "".join(parts)


# DOCX

_TITLE_FONT = "宋体"
_HEADING_FONT = "黑体"
_BODY_FONT = "仿宋"
_TABLE_FONT = "宋体"
_TITLE_SIZE = 22
_BODY_SIZE = 16
_TABLE_SIZE = 9
_LINE = 28
_MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}


def _use_font(font, name: str, size: float, *, bold: bool | None = None) -> None:
    font.name, font.size, font.bold = name, Pt(size), bold
    # font.name sets only the Latin slots; Word takes Chinese text from
    # w:eastAsia, and a theme attribute would override both.
    fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:eastAsia"), name)


def _docx_table(document, grid: Grid) -> None:
    caption = document.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _use_font(caption.add_run(grid.caption).font, _HEADING_FONT, 12)
    placed = grid.placed()
    height = max(r + cell.rowspan for r, _c, cell in placed)
    table = document.add_table(rows=height, cols=grid.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, c, cell in placed:
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(
                table.cell(r + cell.rowspan - 1, c + cell.colspan - 1)
            )
        paragraph = target.paragraphs[0]
        paragraph.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER
            if cell.header or cell.text.replace(".", "").isdigit()
            else WD_ALIGN_PARAGRAPH.LEFT
        )
        paragraph.paragraph_format.line_spacing = 1.0
        _use_font(
            paragraph.add_run(cell.text).font,
            _TABLE_FONT,
            _TABLE_SIZE,
            bold=cell.header,
        )
    # Header rows repeat on every page of a long table.
    for row in table.rows[: grid.header_rows]:
        row._tr.get_or_add_trPr().append(
            row._tr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
        )


def render_docx(document_data: ReportDocument) -> bytes:
    """The report as a Word document for signature: the tables are real
    Word tables with merged header cells."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(_MARGINS_MM["top"])
    section.bottom_margin = Mm(_MARGINS_MM["bottom"])
    section.left_margin = Mm(20)
    section.right_margin = Mm(20)
    normal = document.styles["Normal"]
    _use_font(normal.font, _BODY_FONT, _BODY_SIZE)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)

    def add(text: str, *, font=_BODY_FONT, size=_BODY_SIZE, align=None, indent=False):
        paragraph = document.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.line_spacing = Pt(max(_LINE, size * 1.5))
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)
        run = paragraph.add_run(text)
        _use_font(run.font, font, size, bold=font == _TITLE_FONT or None)

    add(
        _clean(document_data.title),
        font=_TITLE_FONT,
        size=_TITLE_SIZE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    for block in document_data.blocks:
        if isinstance(block, Heading):
            add(
                _clean(block.text),
                font=_HEADING_FONT if block.level == 1 else "楷体",
                indent=True,
            )
        elif isinstance(block, Text):
            for paragraph in _paragraphs(block.text):
                add(paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        else:
            _docx_table(document, block)
    add("")
    add(_clean(document_data.agency_name), align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(format_date(document_data.signed_on), align=WD_ALIGN_PARAGRAPH.RIGHT)

    properties = document.core_properties
    properties.title = _clean(document_data.title)
    properties.author = properties.last_modified_by = _clean(document_data.agency_name)
    properties.comments = ""
    properties.created = properties.modified = dt.datetime.combine(
        document_data.signed_on, dt.time(), tzinfo=dt.UTC
    )
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# PDF

_PDF_FONT = "STSong-Light"


def render_pdf(document_data: ReportDocument) -> bytes:
    """The report as a PDF, laid out as render_docx() lays it out. The CID
    font has no bold face, so titles are set larger only."""
    if _PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_PDF_FONT))
    body = ParagraphStyle(
        "body",
        fontName=_PDF_FONT,
        fontSize=12,
        leading=20,
        alignment=TA_JUSTIFY,
        firstLineIndent=24,
        wordWrap="CJK",
    )
    heading = ParagraphStyle("heading", parent=body, fontSize=13, spaceBefore=6)
    title = ParagraphStyle(
        "title", parent=body, fontSize=18, leading=28, alignment=TA_CENTER,
        firstLineIndent=0,
    )  # fmt: skip
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0)
    cell_style = ParagraphStyle(
        "cell", fontName=_PDF_FONT, fontSize=7, leading=9, wordWrap="CJK"
    )
    caption = ParagraphStyle("caption", parent=title, fontSize=11, leading=18)
    usable = (210 - 40) * mm

    def markup(text: str) -> str:
        return escape(_clean(text))

    def pdf_table(grid: Grid):
        placed = grid.placed()
        height = max(r + cell.rowspan for r, _c, cell in placed)
        data = [[""] * grid.width for _ in range(height)]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, -1), _PDF_FONT),
        ]
        for r, c, cell in placed:
            data[r][c] = Paragraph(markup(cell.text), cell_style)
            if cell.rowspan > 1 or cell.colspan > 1:
                style.append(
                    ("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1))
                )
        weights = _column_weights(grid)
        total = sum(weights)
        return LongTable(
            data,
            colWidths=[usable * weight / total for weight in weights],
            repeatRows=grid.header_rows,
            style=style,
        )

    flowables = [Paragraph(markup(document_data.title), title), Spacer(0, 12)]
    for block in document_data.blocks:
        if isinstance(block, Heading):
            flowables.append(Paragraph(markup(block.text), heading))
        elif isinstance(block, Text):
            flowables.extend(
                Paragraph(markup(paragraph), body)
                for paragraph in _paragraphs(block.text)
            )
        else:
            flowables.append(Paragraph(markup(block.caption), caption))
            flowables.append(pdf_table(block))
            flowables.append(Spacer(0, 8))
    flowables.append(
        KeepTogether(
            [
                Spacer(0, 20),
                Paragraph(markup(document_data.agency_name), right),
                Paragraph(markup(format_date(document_data.signed_on)), right),
            ]
        )
    )
    output = io.BytesIO()
    SimpleDocTemplate(
        output,
        pagesize=A4,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        title=_clean(document_data.title),
        author=_clean(document_data.agency_name),
        creator=_clean(document_data.agency_name),
    ).build(flowables)
    return output.getvalue()


def _column_weights(grid: Grid) -> list[float]:
    if len(grid.widths) == grid.width:
        return list(grid.widths)
    return [1.0] * grid.width
