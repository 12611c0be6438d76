import pytest

from gongkai.reports.entered import import_entered_figures
from gongkai.reports.models import EnteredFigure

pytestmark = pytest.mark.django_db

HEADER = "年度,填报科室,行政许可本年处理决定数量,行政处罚本年处理决定数量,行政事业性收费本年收费金额（万元）\n"


def test_figures_import_from_a_gbk_csv_and_again_without_duplicates(
    agency, office, planning, tmp_path
):
    path = tmp_path / "figures.csv"
    path.write_bytes((HEADER + "2026,规划科,12,,\n2026,办公室,,3,0.5\n").encode("gbk"))
    report = import_entered_figures(path=path, agency=agency, actor=office)
    assert (report.created, report.rejected) == (2, 0)
    again = import_entered_figures(path=path, agency=agency, actor=office)
    assert (again.created, again.updated) == (0, 2)
    planning_row = EnteredFigure.objects.get(department=planning.department)
    assert (
        planning_row.licensing_decisions == 12
        and planning_row.penalty_decisions is None
    )
    assert EnteredFigure.objects.count() == 2


def test_a_bad_row_is_reported_in_chinese_and_nothing_is_written(
    agency, office, planning, tmp_path
):
    path = tmp_path / "figures.csv"
    path.write_text(
        HEADER + "2026,规划科,12,,\n2026,不存在科,1,,\n2026,办公室,三,,\n",
        encoding="utf-8",
    )
    report = import_entered_figures(path=path, agency=agency, actor=office)
    messages = {error.row: error.message for error in report.errors}
    assert "没有名为“不存在科”的科室" in messages[3]
    assert "应为不小于0的整数" in messages[4]
    assert EnteredFigure.objects.count() == 0
    assert any("整个文件未导入" in line for line in report.lines())
