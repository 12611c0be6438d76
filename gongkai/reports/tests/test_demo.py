import pytest

from gongkai.demo.services import load_demo_bureau
from gongkai.reports import selectors
from gongkai.reports.models import AnnualDisclosureReport

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_demo_has_the_2026_annual_report_draft_with_its_tables_filled():
    load_demo_bureau()
    load_demo_bureau()
    report = AnnualDisclosureReport.objects.get(year=2026)
    data = selectors.report_figures(report)
    table_2 = data["二、主动公开政府信息情况"]
    table_3 = data["三、收到和处理政府信息公开申请情况"]
    table_4 = data["四、政府信息公开行政复议、行政诉讼情况"]
    assert table_3["一、本年新收政府信息公开申请数量"]["总计"] > 0
    assert table_2["第二十条第（五）项"]["行政许可"]["本年处理决定数量"] == 126
    assert table_2["第二十条第（六）项"]["行政处罚"]["本年处理决定数量"] == 18
    assert table_4["行政复议"]["结果维持"] == 1
    assert data["任务落实情况"]["rows"]
    assert "主动公开政府信息" in report.proactive_text
    # The plan's 保障措施 stand in the task table with the year's count.
    measures = {
        row["工作要求"].split("：")[0]: row for row in data["任务落实情况"]["measures"]
    }
    assert measures["研究政务公开工作的会议"]["状态"].endswith("（1/1次）")
    assert measures["政务公开业务培训"]["时限要求"] == "每年至少1次"
    from io import BytesIO

    from docx import Document

    from gongkai.reports import documents

    content = documents.render_docx(selectors.report_document(report, data))
    docx = Document(BytesIO(content))
    cells = {
        cell.text for table in docx.tables for row in table.rows for cell in row.cells
    }
    assert "保障措施" in cells
