"""The letters (告知书) sent while handling an information-disclosure
application (条例 Art. 30, 32, 33, 36; domain-rules §1.2): editable body
templates with ``{{占位符}}`` placeholders, and rendering to DOCX and PDF.

Pure: text and dates in, bytes out; nothing is read from the database or
downloaded. Templates are edited by staff, so filling one substitutes the
listed placeholders and interprets nothing else (no template language, no
code). The default texts are seed data for an editable setting (policy is
data, STYLE §8) and stay plain strings: translating them would break their
placeholders.
"""

import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from gongkai.core.errors import DomainError


class LetterKind(models.TextChoices):
    """A letter to the applicant or a third party; the label is its title."""

    REPLY = "reply", gettext_lazy("政府信息公开申请答复告知书")
    CORRECTION = "correction", gettext_lazy("补正告知书")
    EXTENSION = "extension", gettext_lazy("延期答复告知书")
    THIRD_PARTY = "third_party", gettext_lazy("征求第三方意见书")


# The placeholders a template may use, with the hint shown to staff editing
# one. Dates are written as format_date() writes them.
PLACEHOLDERS: dict[str, str] = {
    "机关名称": "本机关的全称，如：临淄区自然资源局",
    "申请人": "申请人的姓名或者名称",
    "申请编号": "平台登记的申请编号",
    "收到日期": "收到申请之日（条例第三十一条），如：2026年11月3日",
    "申请内容": "申请人所申请获取的政府信息的名称或描述",
    "办理结果": "答复类型，如：予以公开、部分公开、不予公开",
    "法律依据": "作出答复所依据的条款，如：《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    "答复内容": "答复的具体内容：提供的信息、获取方式，或不予公开、无法提供的理由",
    "答复日期": "作出答复之日，如：2026年11月27日",
    "补正事项": "需要补正的事项，逐项写明（条例第三十条，一次性告知）",
    "补正期限": "提交补正材料的截止日期，如：2026年12月18日",
    "延期天数": "延长答复的工作日数，最长20个工作日（条例第三十三条第二款）",
    "延期后答复期限": "延期后的答复截止日期，如：2026年12月25日",
    "延期理由": "不能按期答复的原因，接在“因”字之后，如：所申请信息涉及多个内设机构，需要检索、核实",
    "第三方": "被征求意见的第三方的姓名或者名称",
    "意见期限": "第三方提出意见的截止日期（收到征求意见书之日起15个工作日）",
    "救济途径": "申请行政复议、提起行政诉讼的告知，默认见救济途径文本",
    "联系人": "本机关经办人员姓名",
    "联系电话": "本机关经办人员的联系电话",
}

# What a filled letter shows for a fact nobody supplied: a line to write on,
# so that a missing fact is seen rather than silently left out.
BLANK = "____"

# 行政复议法 Art. 20: 60 days from knowing of the act; 行政诉讼法 Art. 46:
# 6 months from knowing of it.
REMEDIES_TEXT = (
    "如对本答复不服，可以自收到本告知书之日起60日内依法申请行政复议，"
    "或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。"
)

_ARTICLE = "《中华人民共和国政府信息公开条例》"
_RECEIVED = (
    "本机关于{{收到日期}}收到您（单位）提出的政府信息公开申请"
    "（申请编号：{{申请编号}}），申请获取“{{申请内容}}”。"
)
_CONTACT = "联系电话：{{联系电话}}。"

DEFAULT_TEMPLATES: dict[str, str] = {
    # 条例 Art. 36–37: the outcome, what is provided or why not, the article
    # it rests on, and the remedies, which close the letter.
    LetterKind.REPLY.value: "\n".join(
        [
            "{{申请人}}：",
            _RECEIVED + "经审查，现告知如下：",
            "{{答复内容}}",
            "根据{{法律依据}}的规定，本机关对您（单位）的申请作出如下处理："
            "{{办理结果}}。",
            "如对本告知书内容有疑问，请与本机关联系。" + _CONTACT,
            "{{救济途径}}",
        ]
    ),
    # 条例 Art. 30: one notice naming every item to correct, a reasonable
    # period, and the consequence of not correcting in time.
    LetterKind.CORRECTION.value: "\n".join(
        [
            "{{申请人}}：",
            _RECEIVED
            + "经审查，您（单位）的申请需要补正。根据"
            + _ARTICLE
            + "第三十条的规定，现一次性告知需要补正的事项如下：",
            "{{补正事项}}",
            "请于{{补正期限}}前向本机关提交补正后的申请。答复期限自本机关收到"
            "补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
            "本机关不再处理该政府信息公开申请。",
            _CONTACT,
            "特此告知。",
        ]
    ),
    # 条例 Art. 33 para. 2: approved by the head of the disclosure office,
    # notified to the applicant, at most 20 more working days.
    LetterKind.EXTENSION.value: "\n".join(
        [
            "{{申请人}}：",
            _RECEIVED + "因{{延期理由}}，本机关不能在法定期限内作出答复。",
            "根据" + _ARTICLE + "第三十三条第二款的规定，经本机关政府信息公开"
            "工作机构负责人同意，答复期限延长{{延期天数}}个工作日，本机关将于"
            "{{延期后答复期限}}前作出答复。",
            _CONTACT,
            "特此告知。",
        ]
    ),
    # 条例 Art. 32: written consultation, 15 working days, silence leaves the
    # decision to the agency. The applicant stays unnamed: the third party
    # is told what is asked for, not who asks.
    LetterKind.THIRD_PARTY.value: "\n".join(
        [
            "{{第三方}}：",
            "本机关于{{收到日期}}收到政府信息公开申请（申请编号：{{申请编号}}），"
            "申请获取“{{申请内容}}”。经审查，公开该政府信息可能损害您（单位）的"
            "合法权益。根据" + _ARTICLE + "第三十二条的规定，现书面征求您（单位）"
            "的意见。",
            "请自收到本意见书之日起15个工作日内（{{意见期限}}前）以书面形式向"
            "本机关提出是否同意公开的意见；不同意公开的，请说明理由。",
            "逾期未提出意见的，由本机关依照" + _ARTICLE + "的规定决定是否公开。"
            "不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开可能"
            "对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息"
            "内容和理由书面告知您（单位）。",
            _CONTACT,
            "特此函告。",
        ]
    ),
}

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_STRAY_BRACE = re.compile(r"[{}｛｝]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _named(name: str) -> str:
    return "{{" + name + "}}"


def check_template(text: str) -> None:
    """Raise DomainError naming every unknown placeholder, and for braces
    that do not make a placeholder (unbalanced, or full-width)."""
    problems = []
    unknown = list(
        dict.fromkeys(
            name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS
        )
    )
    if unknown:
        problems.append(
            _("模板中有未知的占位符：%(unknown)s。可用的占位符：%(known)s。")
            % {
                "unknown": "、".join(_named(name) for name in unknown),
                "known": "、".join(_named(name) for name in PLACEHOLDERS),
            }
        )
    # Blank out the placeholders (keeping positions) to find braces left over.
    masked = _PLACEHOLDER.sub(lambda match: " " * len(match.group()), text)
    stray = _STRAY_BRACE.search(masked)
    if stray:
        start = stray.start()
        problems.append(
            _(
                "模板中的花括号不成对或使用了全角花括号：“%(excerpt)s”。"
                "占位符须用半角花括号，两边各两个，如{{申请人}}。"
            )
            % {"excerpt": text[max(start - 10, 0) : start + 10].replace("\n", " ")}
        )
    if problems:
        raise DomainError("".join(problems))


def fill(text: str, facts: Mapping[str, str]) -> str:
    """The template with each placeholder replaced by its fact, or by a blank
    line (``____``) where the fact is missing or empty.

    Raises DomainError for a template check_template() refuses. A fact named
    after no placeholder is a programming error (ValueError): its value would
    otherwise be lost without a trace. Facts are inserted as they are, never
    read as placeholders themselves.
    """
    check_template(text)
    misnamed = sorted(set(facts) - set(PLACEHOLDERS))
    if misnamed:
        raise ValueError(f"Unknown letter facts: {', '.join(misnamed)}")

    def value(match: re.Match[str]) -> str:
        return str(facts.get(match.group(1)) or "").strip() or BLANK

    return _PLACEHOLDER.sub(value, text)


def format_date(value: dt.date) -> str:
    """A date as letters write it: 2026年11月27日 (GB/T 9704-2012 7.3.5.3)."""
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass(frozen=True)
class Letter:
    """A letter ready to render: ``body`` is the filled text, one paragraph a
    line, the first being the salutation; ``reference`` is the letter's own
    number (发文字号), shown under the title when set."""

    title: str
    agency_name: str
    body: str
    dated: dt.date
    reference: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise DomainError(_("告知书缺少标题。"))
        if not self.agency_name.strip():
            raise DomainError(_("告知书缺少落款机关名称。"))
        if not _paragraphs(self.body):
            raise DomainError(_("告知书正文为空。"))


def _clean(text: str) -> str:
    # Control characters pasted from other systems are invalid in DOCX XML.
    return _CONTROL.sub("", text.replace("\t", " ")).strip()


def _paragraphs(body: str) -> list[str]:
    return [line for line in map(_clean, body.splitlines()) if line]


def _is_salutation(index: int, paragraph: str) -> bool:
    return index == 0 and paragraph.endswith(("：", ":"))


# Layout after GB/T 9704-2012: A4, margins 37/35/28/26 mm, title in 小标宋
# 二号 (22 pt), body in 仿宋 三号 (16 pt) on a fixed 28 pt line, paragraphs
# indented by two characters. 宋体 stands in for 方正小标宋简体, which is not
# installed everywhere.
_TITLE_FONT = "宋体"
_BODY_FONT = "仿宋"
_TITLE_SIZE = 22
_BODY_SIZE = 16
_LINE = 28
_MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}


def render_docx(letter: Letter) -> bytes:
    """The letter as a Word document."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(_MARGINS_MM["top"])
    section.bottom_margin = Mm(_MARGINS_MM["bottom"])
    section.left_margin = Mm(_MARGINS_MM["left"])
    section.right_margin = Mm(_MARGINS_MM["right"])

    def use_font(font, name: str, size: int, *, bold: bool | None = None) -> None:
        font.name, font.size, font.bold = name, Pt(size), bold
        # font.name sets only the Latin slots; Word takes Chinese text from
        # w:eastAsia, and a theme attribute would override both.
        fonts = font.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
        fonts.set(qn("w:eastAsia"), name)

    normal = document.styles["Normal"]
    use_font(normal.font, _BODY_FONT, _BODY_SIZE)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(_LINE)

    def add(
        text: str, *, align=None, indent: bool = False, title: bool = False
    ) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * _BODY_SIZE)
            # In character units too, so the indent follows a font change.
            paragraph.paragraph_format.element.get_or_add_pPr().get_or_add_ind().set(
                qn("w:firstLineChars"), "200"
            )
        if title:
            paragraph.paragraph_format.line_spacing = Pt(_TITLE_SIZE * 1.5)
        if text:
            run = paragraph.add_run(text)
            if title:
                use_font(run.font, _TITLE_FONT, _TITLE_SIZE, bold=True)
            else:
                use_font(run.font, _BODY_FONT, _BODY_SIZE)

    add(_clean(letter.title), align=WD_ALIGN_PARAGRAPH.CENTER, title=True)
    if letter.reference.strip():
        add(_clean(letter.reference), align=WD_ALIGN_PARAGRAPH.CENTER)
    add("")
    for index, paragraph in enumerate(_paragraphs(letter.body)):
        add(
            paragraph,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            indent=not _is_salutation(index, paragraph),
        )
    add("")
    add(_clean(letter.agency_name), align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(format_date(letter.dated), align=WD_ALIGN_PARAGRAPH.RIGHT)

    properties = document.core_properties
    properties.title = _clean(letter.title)
    properties.author = properties.last_modified_by = _clean(letter.agency_name)
    properties.comments = ""
    properties.created = properties.modified = dt.datetime.combine(
        letter.dated, dt.time(), tzinfo=dt.UTC
    )
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# reportlab's built-in Adobe CID font for simplified Chinese: PDF viewers
# supply the glyphs, so no font file is embedded or needed on the server.
_PDF_FONT = "STSong-Light"


def render_pdf(letter: Letter) -> bytes:
    """The letter as a PDF, laid out as render_docx() lays it out. The CID
    font has no bold face, so the title is set larger only."""
    if _PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_PDF_FONT))
    body = ParagraphStyle(
        "body",
        fontName=_PDF_FONT,
        fontSize=_BODY_SIZE,
        leading=_LINE,
        alignment=TA_JUSTIFY,
        firstLineIndent=2 * _BODY_SIZE,
        wordWrap="CJK",
    )
    salutation = ParagraphStyle("salutation", parent=body, firstLineIndent=0)
    centred = ParagraphStyle("centred", parent=salutation, alignment=TA_CENTER)
    title = ParagraphStyle(
        "title", parent=centred, fontSize=_TITLE_SIZE, leading=_TITLE_SIZE * 1.5
    )
    right = ParagraphStyle("right", parent=salutation, alignment=TA_RIGHT)

    def markup(text: str) -> str:
        return escape(_clean(text))

    flowables: list[Flowable] = [Paragraph(markup(letter.title), title)]
    if letter.reference.strip():
        flowables.append(Paragraph(markup(letter.reference), centred))
    flowables.append(Spacer(0, _LINE))
    for index, paragraph in enumerate(_paragraphs(letter.body)):
        style = salutation if _is_salutation(index, paragraph) else body
        flowables.append(Paragraph(markup(paragraph), style))
    # The signature never stands alone on a page: it keeps the last
    # paragraph with it.
    last = [flowables.pop()] if len(flowables) > 1 else []
    flowables.append(
        KeepTogether(
            [
                *last,
                Spacer(0, _LINE),
                Paragraph(markup(letter.agency_name), right),
                Paragraph(markup(format_date(letter.dated)), right),
            ]
        )
    )

    output = io.BytesIO()
    SimpleDocTemplate(
        output,
        pagesize=A4,
        topMargin=_MARGINS_MM["top"] * mm,
        bottomMargin=_MARGINS_MM["bottom"] * mm,
        leftMargin=_MARGINS_MM["left"] * mm,
        rightMargin=_MARGINS_MM["right"] * mm,
        title=_clean(letter.title),
        author=_clean(letter.agency_name),
        creator=_clean(letter.agency_name),
    ).build(flowables)
    return output.getvalue()
