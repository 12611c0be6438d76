"""The notice for the village bulletin board as a PDF: A4 or A3, large
type to be read from a step away, and a QR code to the project's page on
the portal. reportlab's built-in Chinese CID font, so no font file."""

import io
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from gongkai.expropriation.notices import VillageNotice

FONT = "STSong-Light"
SIZES = {
    # page, body type, title type, QR side
    "A4": (A4, 18, 30, 45 * mm),
    "A3": (A3, 26, 44, 65 * mm),
}


def qr_drawing(url: str, side: float) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def notice_pdf(notice: VillageNotice, *, url: str, size: str = "A4") -> bytes:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page, body_size, title_size, qr_side = SIZES[size]
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=body_size,
        leading=body_size * 1.6,
        firstLineIndent=2 * body_size,
        wordWrap="CJK",
        spaceAfter=body_size * 0.4,
    )
    salutation = ParagraphStyle("salutation", parent=body, firstLineIndent=0)
    title = ParagraphStyle(
        "title",
        parent=salutation,
        fontSize=title_size,
        leading=title_size * 1.4,
        alignment=TA_CENTER,
        spaceAfter=title_size * 0.6,
    )
    right = ParagraphStyle("right", parent=salutation, alignment=TA_RIGHT)
    small = ParagraphStyle(
        "small", parent=salutation, fontSize=body_size * 0.6, leading=body_size * 0.8,
        alignment=TA_CENTER, wordWrap=None,
    )  # fmt: skip
    flowables = [Paragraph(escape(notice.title), title)]
    for index, paragraph in enumerate(notice.paragraphs):
        flowables.append(
            Paragraph(escape(paragraph), salutation if index == 0 else body)
        )
    flowables.append(Spacer(0, body_size))
    flowables.append(
        Table(
            [[qr_drawing(url, qr_side)], [Paragraph(escape(url), small)]],
            colWidths=[qr_side * 2.5],
            hAlign="CENTER",
        )
    )
    flowables.append(Spacer(0, body_size))
    flowables.append(Paragraph(escape(notice.signature), right))
    output = io.BytesIO()
    SimpleDocTemplate(
        output,
        pagesize=page,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        title=notice.title,
        author=notice.signature,
        creator=notice.signature,
    ).build(flowables)
    return output.getvalue()
