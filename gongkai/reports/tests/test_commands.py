import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from gongkai.reports.models import AnnualDisclosureReport, EnteredFigure

pytestmark = pytest.mark.django_db


def test_draft_annual_report_writes_the_docx_and_pdf(
    agency, office, imported_ledger, tmp_path
):
    output = io.StringIO()
    docx, pdf = tmp_path / "report.docx", tmp_path / "report.pdf"
    call_command(
        "draft_annual_report",
        "2026",
        "--docx",
        str(docx),
        "--pdf",
        str(pdf),
        stdout=output,
    )
    assert "临淄区自然资源局2026年政府信息公开工作年度报告：草稿" in output.getvalue()
    assert "行政许可·本年处理决定数量" in output.getvalue()
    assert AnnualDisclosureReport.objects.filter(year=2026).count() == 1
    assert len(Document(str(docx)).tables) >= 3
    assert PdfReader(str(pdf)).metadata.title.endswith("2026年政府信息公开工作年度报告")


def test_import_report_figures_refuses_a_file_with_a_bad_row(agency, office, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        "年度,填报科室,行政许可本年处理决定数量\n2026,办公室,-1\n", encoding="utf-8"
    )
    output = io.StringIO()
    with pytest.raises(CommandError, match="整个文件未导入"):
        call_command("import_report_figures", str(path), stdout=output)
    assert "第 2 行：“行政许可本年处理决定数量”应为不小于0的整数" in output.getvalue()
    assert not EnteredFigure.objects.exists()
