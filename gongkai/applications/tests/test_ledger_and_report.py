"""The applications ledger (台账) in and out, and the annual report's
figures from it (tables 二, 三, 四 of the 2021 format)."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.applications import report
from gongkai.applications.models import Appeal, Application

HEADER = "申请编号,收到日期,申请方式,申请人类型,申请人姓名或名称,申请内容,答复日期,办理结果\n"
LEDGER = HEADER + (
    # Carried in from 2025, closed in 2026.
    "YSQ-2025-031,2025-12-22,邮寄,自然人,张某,凤凰镇征地补偿标准,2026-01-12,予以公开\n"
    "YSQ-2026-001,2026-02-10,网络,商业企业,淄博某置业有限公司,某地块出让合同,"
    "2026-03-16,部分公开\n"
    "YSQ-2026-002,2026-03-02,当面,自然人,李某,某村征地批复,2026-03-20,"
    "不予公开：属于国家秘密\n"
    "YSQ-2026-003,2026-04-01,电子邮件,法律服务机构,山东某律师事务所,"
    "某项目用地审批材料,2026-04-20,无法提供:本机关不掌握相关政府信息\n"
    # Open at the end of 2026.
    "YSQ-2026-004,2026-12-28,传真,自然人,王某,某村土地承包资料,,\n"
    # Closed before 2026: not in the 2026 table at all.
    "YSQ-2025-002,2025-03-03,当面,自然人,赵某,某文件,2025-03-20,予以公开\n"
)
BAD_ROWS = HEADER + (
    "YSQ-2026-101,2026-02-30,网络,自然人,孙某,某文件,,\n"
    "YSQ-2026-102,2026-03-01,微信,个体户,周某,某文件,,\n"
    "YSQ-2026-103,2026-03-01,网络,自然人,吴某,某文件,2026-03-10,\n"
    "YSQ-2026-104,2026-03-01,网络,自然人,郑某,某文件,2026-03-10,不予公开：涉密\n"
    "YSQ-2026-105,2026-03-01,网络,自然人,冯某,某文件,2026-02-10,予以公开\n"
    "YSQ-2026-106,2026-03-01,网络,自然人,陈某,某文件,,\n"
    "YSQ-2026-106,2026-03-02,网络,自然人,陈某,某文件,,\n"
)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def ledger_file(tmp_path):
    path = tmp_path / "台账.csv"
    path.write_bytes(LEDGER.encode("gbk"))
    return path


def test_the_ledger_is_imported_once_however_often(agency, ledger_file):
    assert "新增 6 条，更新 0 条，拒绝 0 条。" in run(
        "import_applications", str(ledger_file)
    )
    assert "新增 0 条，更新 6 条，拒绝 0 条。" in run(
        "import_applications", str(ledger_file)
    )
    case = Application.objects.get(number="YSQ-2026-003")
    assert case.get_channel_display() == "电子邮件"
    assert case.get_outcome_display() == "无法提供：本机关不掌握相关政府信息"
    assert Application.objects.get(number="YSQ-2026-004").replied_on is None


def test_every_wrong_row_is_reported_and_the_good_ones_kept(agency, tmp_path):
    path = tmp_path / "台账.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    out = StringIO()
    with pytest.raises(CommandError, match="有 6 行被拒绝"):
        call_command("import_applications", str(path), stdout=out)
    text = out.getvalue()
    assert "新增 1 条，更新 0 条，拒绝 6 条。" in text
    assert "第 2 行：“收到日期”“2026-02-30”不是有效日期。" in text
    assert "第 3 行：“申请方式”应为以下之一：当面、邮寄、网络、传真、电子邮件" in text
    assert "“申请人类型”应为以下之一" in text
    assert "第 4 行：“答复日期”和“办理结果”须同时填写" in text
    assert "第 5 行：“办理结果”“不予公开：涉密”无法识别" in text
    assert "第 6 行：“答复日期”不能早于“收到日期”。" in text
    assert "第 8 行：申请编号“YSQ-2026-106”与第 7 行重复。" in text
    assert list(Application.objects.values_list("number", flat=True)) == [
        "YSQ-2026-106"
    ]


def test_the_ledger_exports_in_the_format_it_imports(agency, ledger_file, tmp_path):
    run("import_applications", str(ledger_file))
    exported = tmp_path / "导出.xlsx"
    assert "已导出 6 条申请记录。" in run(
        "import_applications", "--export", str(exported)
    )
    Application.objects.all().delete()
    assert "新增 6 条" in run("import_applications", str(exported))
    assert Application.objects.get(number="YSQ-2026-002").outcome == (
        "withheld_state_secret"
    )


def test_annual_report_counts_each_case_in_its_row_and_column(agency, ledger_file):
    run("import_applications", str(ledger_file))
    Appeal.objects.create(
        agency=agency,
        application=Application.objects.get(number="YSQ-2026-002"),
        kind="reconsideration",
        filed_on=date(2026, 4, 10),
        decided_on=date(2026, 6, 1),
        result="upheld",
    )
    Appeal.objects.create(
        agency=agency, kind="litigation_direct", filed_on=date(2026, 11, 2)
    )
    figures = json.loads(run("annual_report", "2026", "--json"))
    table = figures[report.TABLE_3]
    assert table["一、本年新收政府信息公开申请数量"] == {
        "自然人": 2, "商业企业": 1, "科研机构": 0, "社会公益组织": 0,
        "法律服务机构": 1, "其他": 0, "总计": 4,
    }  # fmt: skip
    assert table["二、上年结转政府信息公开申请数量"]["自然人"] == 1
    results = table["三、本年度办理结果"]
    assert results["（一）予以公开"]["自然人"] == 1
    partly = results["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    assert partly["商业企业"] == 1
    assert results["（三）不予公开"]["1.属于国家秘密"]["自然人"] == 1
    assert results["（四）无法提供"]["1.本机关不掌握相关政府信息"]["法律服务机构"] == 1
    assert results["（七）总计"]["总计"] == 4
    assert table["四、结转下年度继续办理"]["自然人"] == 1
    appeals = figures["四、政府信息公开行政复议、行政诉讼情况"]
    assert appeals["行政复议"] == {
        "结果维持": 1, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 1,
    }  # fmt: skip
    assert appeals["行政诉讼"]["未经复议直接起诉"]["尚未审结"] == 1
    # 2025: the two cases closed that year, one carried into 2026.
    table_2025 = json.loads(run("annual_report", "2025", "--json"))[report.TABLE_3]
    assert table_2025["一、本年新收政府信息公开申请数量"]["总计"] == 2
    assert table_2025["四、结转下年度继续办理"]["总计"] == 1


def test_table_3_check_rule_holds_in_every_column():
    cases = [
        report.CaseFacts(date(2025, 12, 1), "natural_person", date(2026, 1, 5), "disclosed"),
        report.CaseFacts(date(2026, 1, 5), "research", None, ""),
        report.CaseFacts(date(2026, 2, 5), "research", date(2026, 2, 9), "other"),
        report.CaseFacts(date(2026, 6, 5), "other", date(2027, 1, 9), "other"),
    ]  # fmt: skip
    table = report.table_3(cases, year=2026)
    for column in report.COLUMNS:
        assert (
            table[report.RECEIVED][column] + table[report.CARRIED_IN][column]
            == table[report.RESULTS][report.TOTAL_ROW][column]
            + table[report.CARRIED_OUT][column]
        )
    assert table[report.RESULTS]["（六）其他处理"]["3.其他"]["科研机构"] == 1


def test_table_2_counts_the_normative_documents_published(agency, columns):
    from gongkai.publishing.tests.factories import publish

    normative = columns["法定主动公开内容/政策文件/行政规范性文件"]
    publish(normative, title="甲办法", written_on=date(2026, 3, 1),
            published_on=date(2026, 3, 5))  # fmt: skip
    publish(normative, title="乙办法", written_on=date(2024, 3, 1),
            published_on=date(2024, 3, 5), validity="repealed",
            validity_changed_on=date(2026, 5, 1))  # fmt: skip
    publish(columns["法定主动公开内容/政策文件/其他文件"], title="通知",
            written_on=date(2026, 3, 1), published_on=date(2026, 3, 5))  # fmt: skip
    figures = json.loads(run("annual_report", "2026", "--json"))
    table_2 = figures["二、主动公开政府信息情况"]["第二十条第（一）项"]
    assert table_2["行政规范性文件"] == {
        "本年制发件数": 1, "本年废止件数": 1, "现行有效件数": 1,
    }  # fmt: skip
    before = json.loads(run("annual_report", "2025", "--json"))
    assert (
        before["二、主动公开政府信息情况"]["第二十条第（一）项"]["行政规范性文件"][
            "现行有效件数"
        ]
        == 1
    )


def test_staff_list_masks_natural_persons_names(client, agency, ledger_file):
    from django.urls import reverse

    from gongkai.accounts.models import User

    run("import_applications", str(ledger_file))
    client.force_login(User.objects.create_superuser("office", password="x" * 12))
    html = client.get(
        reverse("wagtailsnippets_applications_application:list")
    ).content.decode()
    assert "YSQ-2026-001" in html and "淄博某置业有限公司" in html
    assert "张*" in html and "张某" not in html
