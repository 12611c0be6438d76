"""Letter templates: placeholders, the default texts, and rendering to DOCX
and PDF (read back with python-docx and pypdf)."""

import io
import re
from datetime import date

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from gongkai.applications.letters import (
    BLANK,
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    REMEDIES_TEXT,
    Letter,
    LetterKind,
    check_template,
    fill,
    format_date,
    render_docx,
    render_pdf,
)
from gongkai.core.errors import DomainError

AGENCY = "临川区自然资源局"
APPLICANT = "王建国"
REPLY_FACTS = {
    "机关名称": AGENCY,
    "申请人": APPLICANT,
    "申请编号": "YSQ-2026-0042",
    "收到日期": "2026年11月3日",
    "申请内容": "2025年度城西片区集体土地征收补偿安置方案",
    "办理结果": "予以公开",
    "法律依据": "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    "答复内容": "您申请的信息属于可以公开的政府信息，现以电子邮件方式提供给您。",
    "救济途径": REMEDIES_TEXT,
    "联系人": "李敏",
    "联系电话": "0794-8226123",
}


def reply_letter(**changes):
    values = {
        "title": LetterKind.REPLY.label,
        "agency_name": AGENCY,
        "body": fill(DEFAULT_TEMPLATES[LetterKind.REPLY], REPLY_FACTS),
        "dated": date(2026, 11, 27),
        "reference": "临自然资依公告〔2026〕3号",
    }
    return Letter(**(values | changes))


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    # Line breaks fall anywhere in wrapped Chinese text.
    return reader, re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def test_fill_substitutes_placeholders_with_or_without_inner_spaces():
    text = fill("{{申请人}}：您的申请（{{ 申请编号 }}）已收到。", REPLY_FACTS)
    assert text == "王建国：您的申请（YSQ-2026-0042）已收到。"


def test_fill_leaves_a_blank_line_for_a_missing_or_empty_fact():
    text = fill("{{申请人}}：请于{{补正期限}}前补正。", {"申请人": "  "})
    assert text == f"{BLANK}：请于{BLANK}前补正。"
    assert BLANK == "____"


def test_fill_interprets_nothing_but_placeholders():
    text = fill(
        "%(申请人)s $申请人 <b>{{申请人}}</b>",
        {"申请人": "{{申请编号}} %s &amp;"},
    )
    assert text == "%(申请人)s $申请人 <b>{{申请编号}} %s &amp;</b>"


def test_template_language_tags_are_refused_as_stray_braces():
    with pytest.raises(DomainError, match="花括号不成对"):
        check_template("{% load static %}{{申请人}}")


def test_fill_refuses_an_unknown_placeholder_naming_it():
    with pytest.raises(DomainError) as error:
        fill("{{申请人}}：您于{{申请日期}}提出申请，{{ 申请日期 }}。", REPLY_FACTS)
    message = str(error.value)
    assert message.startswith("模板中有未知的占位符：{{申请日期}}。可用的占位符：")
    assert "{{申请人}}、{{申请编号}}" in message


def test_check_template_names_every_unknown_placeholder():
    with pytest.raises(DomainError, match=r"\{\{申请日期\}\}、\{\{经办科室\}\}"):
        check_template("{{申请日期}}，{{经办科室}}，{{申请人}}")


@pytest.mark.parametrize(
    "template",
    [
        "{{申请人}：您好。",
        "{申请人}}：您好。",
        "{申请人}：您好。",
        "{{申{{申请人}}请}}",
        "｛｛申请人｝｝：您好。",
    ],
)
def test_check_template_refuses_braces_that_make_no_placeholder(template):
    with pytest.raises(DomainError, match="模板中的花括号不成对") as error:
        check_template(template)
    assert "申请人" in str(error.value)


def test_fill_refuses_a_fact_named_after_no_placeholder():
    with pytest.raises(ValueError, match="申请日期"):
        fill("{{申请人}}", {"申请日期": "2026年11月3日"})


@pytest.mark.parametrize("kind", LetterKind.values)
def test_every_default_template_passes_the_check(kind):
    check_template(DEFAULT_TEMPLATES[kind])
    filled = fill(DEFAULT_TEMPLATES[kind], {})
    assert filled.splitlines()[0] == f"{BLANK}："
    assert "{" not in filled


def test_default_templates_cite_their_articles():
    assert set(DEFAULT_TEMPLATES) == set(LetterKind.values)
    correction = DEFAULT_TEMPLATES[LetterKind.CORRECTION]
    assert "第三十条" in correction
    assert "视为放弃申请" in correction
    assert "{{补正事项}}" in correction
    assert "{{补正期限}}" in correction
    extension = DEFAULT_TEMPLATES[LetterKind.EXTENSION]
    assert "第三十三条第二款" in extension
    assert "政府信息公开工作机构负责人同意" in extension
    assert "延长{{延期天数}}个工作日" in extension
    third_party = DEFAULT_TEMPLATES[LetterKind.THIRD_PARTY]
    assert "第三十二条" in third_party
    assert "15个工作日" in third_party
    assert "{{申请人}}" not in third_party


def test_reply_template_states_outcome_and_basis_and_ends_with_remedies():
    reply = DEFAULT_TEMPLATES[LetterKind.REPLY]
    for name in ("办理结果", "答复内容", "法律依据"):
        assert f"{{{{{name}}}}}" in reply
    assert reply.splitlines()[-1] == "{{救济途径}}"
    assert fill(reply, REPLY_FACTS).splitlines()[-1] == REMEDIES_TEXT
    assert "60日内" in REMEDIES_TEXT
    assert "6个月内" in REMEDIES_TEXT


def test_placeholders_have_descriptions():
    assert len(PLACEHOLDERS) >= 19
    assert all(description.strip() for description in PLACEHOLDERS.values())


def test_a_letter_needs_a_title_an_agency_and_a_body():
    with pytest.raises(DomainError, match="正文为空"):
        reply_letter(body="\n  \n")
    with pytest.raises(DomainError, match="落款机关"):
        reply_letter(agency_name=" ")


def test_docx_has_title_reference_body_agency_and_date():
    document = Document(io.BytesIO(render_docx(reply_letter())))
    paragraphs = [p for p in document.paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    assert texts[:3] == [
        "政府信息公开申请答复告知书",
        "临自然资依公告〔2026〕3号",
        "王建国：",
    ]
    assert any("申请获取“2025年度城西片区集体土地征收补偿安置方案”" in t for t in texts)
    assert texts[-2:] == [AGENCY, "2026年11月27日"]
    assert document.core_properties.title == "政府信息公开申请答复告知书"
    assert document.core_properties.author == AGENCY

    title, _reference, salutation, first = paragraphs[:4]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].bold
    assert title.runs[0].font.size.pt == 22
    fonts = title.runs[0]._r.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert first.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    assert first.runs[0].font.size.pt == 16
    assert salutation.paragraph_format.first_line_indent is None
    assert first.paragraph_format.first_line_indent.pt == 32
    assert paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx(
        (210, 297), abs=0.1
    )


def test_docx_leaves_out_the_reference_line_when_unset():
    document = Document(io.BytesIO(render_docx(reply_letter(reference=""))))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:2] == ["政府信息公开申请答复告知书", "王建国："]


def test_pdf_text_holds_agency_applicant_and_date():
    reader, text = pdf_text(render_pdf(reply_letter()))
    assert len(reader.pages) >= 1
    assert "政府信息公开申请答复告知书" in text
    assert "临自然资依公告〔2026〕3号" in text
    assert AGENCY in text
    assert f"{APPLICANT}：" in text
    assert "《中华人民共和国政府信息公开条例》第三十六条第（二）项" in text
    assert text.endswith(f"{AGENCY}2026年11月27日")
    assert reader.metadata.title == "政府信息公开申请答复告知书"


def test_pdf_keeps_markup_characters_as_text():
    body = "张三：\n编号A&B<1>的信息 <b>不加粗</b>。"
    _reader, text = pdf_text(render_pdf(reply_letter(body=body)))
    assert "编号A&B<1>的信息<b>不加粗</b>。" in text


def test_a_long_body_wraps_onto_more_pages():
    sentence = "经检索，本机关保存的征地补偿安置档案共计三十二卷，现予以提供。"
    long_body = "张三：\n" + "\n".join([sentence * 10] * 10)
    assert len(long_body) > 3000
    reader, text = pdf_text(render_pdf(reply_letter(body=long_body)))
    assert len(reader.pages) > 1
    assert text.count(sentence) == 100
    assert text.endswith("2026年11月27日")


def test_format_date_writes_chinese_dates_without_leading_zeros():
    assert format_date(date(2026, 1, 5)) == "2026年1月5日"
    assert format_date(date(2026, 11, 27)) == "2026年11月27日"


def test_a_multi_line_fact_becomes_indented_paragraphs():
    facts = REPLY_FACTS | {"答复内容": "一、提供安置方案全文。\n\n二、提供补偿标准表。"}
    body = fill(DEFAULT_TEMPLATES[LetterKind.REPLY], facts)
    document = Document(io.BytesIO(render_docx(reply_letter(body=body))))
    paragraphs = {p.text: p for p in document.paragraphs if p.text}
    for text in ("一、提供安置方案全文。", "二、提供补偿标准表。"):
        assert paragraphs[text].paragraph_format.first_line_indent.pt == 32


def test_control_characters_pasted_into_a_fact_do_not_break_rendering():
    body = "张三：\n申请内容\x00“土地\x07证”\x0c第二段。"
    letter = reply_letter(body=body, agency_name="临川区\x0b自然资源局")
    texts = [p.text for p in Document(io.BytesIO(render_docx(letter))).paragraphs]
    assert "申请内容“土地证”" in texts
    assert "临川区自然资源局" in texts
    assert "申请内容“土地证”第二段。" in pdf_text(render_pdf(letter))[1]
