"""督办 on the demo's 2023 work plan: the 25 tasks with their units, due
dates and states; the sheet import; the report command; the dashboard."""

import io
import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from gongkai.accounts.models import User
from gongkai.supervision import services
from gongkai.supervision.models import PlanTask, WorkPlan


@pytest.fixture
def plan(agency):
    from gongkai.accounts import services as account_services

    for name in ("办公室", "法规科", "耕保科"):
        account_services.create_department(
            agency=agency, name=name, is_office=name == "办公室"
        )
    return services.get_or_create_plan(
        agency=agency, title="2023年政务公开工作方案", year=2023,
        issued_on=date(2023, 4, 20),
    )  # fmt: skip


def sheet(rows, tmp_path):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / "tasks.xlsx"
    workbook.save(path)
    return path


HEADER = ["序号", "工作任务", "工作要点", "工作要求", "责任单位", "时限要求"]


def test_a_task_sheet_with_merged_cells_imports_with_units_and_due_dates(
    plan, tmp_path
):
    report = services.import_task_sheet(
        plan=plan,
        path=sheet(
            [
                HEADER,
                [1, "推进政策发布解读", "深化政策公开", "规范专栏建设", "办公室牵头，文件起草科室具体落实", "2023年10月底前"],
                [2, None, None, "动态更新基本目录", "办公室", "本方案发布之日起20个工作日内"],
                [3, None, "深化政策解读", "落实“三同步”", "法规科、办公室牵头，文件起草科室具体落实", "长期坚持"],
                ["四", None, None, "无序号的行", "办公室", "长期坚持"],
                [5, None, None, "时限同上", "耕保科", None],
            ],
            tmp_path,
        ),
    )  # fmt: skip
    assert (report.created, report.updated) == (4, 0)
    assert [error.row for error in report.errors] == [5]
    assert "序号" in report.errors[0].message
    first, second, third, _fifth = PlanTask.objects.order_by("number")
    assert first.due_on == date(2023, 10, 31) and first.lead_units == ["办公室"]
    assert first.implementing_units == ["文件起草科室"]
    assert [d.name for d in first.departments.all()] == ["办公室"]
    # Carried down from the row above: the task and its 要点.
    assert second.task == "推进政策发布解读" and second.focus == "深化政策公开"
    # 20 working days after 20 April 2023: the May Day holiday (29 April to
    # 3 May) is skipped, the 调休 Sunday 23 April and Saturday 6 May count.
    assert second.due_kind == "relative" and second.due_on == date(2023, 5, 19)
    assert third.due_kind == "standing" and third.due_on is None
    assert {d.name for d in third.departments.all()} == {"法规科", "办公室"}
    # A blank 时限要求 continues the merged cell above, as the table does.
    assert PlanTask.objects.get(number=5).deadline_text == "长期坚持"


def test_the_demo_plan_reports_25_tasks_in_json(db, django_capture_on_commit_callbacks):
    from gongkai.demo.services import load_demo_bureau

    load_demo_bureau()
    output = StringIO()
    with time_machine.travel(date(2026, 11, 27), tick=False):
        call_command("supervision_report", "--json", stdout=output)
    rows = json.loads(output.getvalue())
    assert [row["序号"] for row in rows] == list(range(1, 26))
    by_number = {row["序号"]: row for row in rows}
    task4 = by_number[4]
    assert task4["牵头单位"] == ["办公室"] and task4["具体落实单位"] == ["文件起草科室"]
    assert task4["时限类型"] == "限期完成" and task4["完成期限"] == "2023-10-31"
    assert task4["状态"] == "已完成"
    assert (
        by_number[18]["完成期限"] == "2023-12-31" and by_number[18]["状态"] == "已逾期"
    )
    assert by_number[16]["时限类型"] == "事件后限期"
    assert by_number[16]["起算事件"] == "决策文件出台"
    assert by_number[19]["状态"] == "正常推进"  # reported on 2 November
    assert by_number[7]["状态"] == "已逾期"  # standing, never reported
    assert set(by_number[1]["工作要求"]) == {"要点", "具体要求"}
    assert all(row["工作任务"] and row["工作要求"]["要点"] for row in rows)


def test_the_office_sees_the_dashboard_and_downloads_the_table(client, plan):
    services.load_tasks(
        plan=plan,
        rows=[
            {"number": 1, "task": "任务", "focus": "要点", "requirement": "规范专栏",
             "responsible": "办公室", "deadline": "2023年10月底前"},
            {"number": 2, "task": "任务", "focus": "要点", "requirement": "三同步",
             "responsible": "法规科", "deadline": "长期坚持"},
        ],
    )  # fmt: skip
    office = User.objects.create_user("office", password="a-long-password-1")
    from gongkai.accounts import services as account_services

    account_services.assign_user_to_department(
        user=office, department=plan.agency.departments.get(name="办公室")
    )
    client.force_login(office)
    with time_machine.travel(date(2023, 10, 20), tick=False):
        page = client.get(reverse("supervision_dashboard")).content.decode()
        response = client.get(reverse("supervision_export", args=[plan.pk]))
    assert "规范专栏" in page and "即将到期" in page and "法规科" in page
    workbook = load_workbook(io.BytesIO(response.content))
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert values[0][0] == "序号" and values[1][3] == "规范专栏"
    assert WorkPlan.objects.count() == 1


def test_the_import_command_reports_rejected_rows_and_fails(plan, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "tasks.csv"
    path.write_bytes(
        "序号,工作任务,工作要点,工作要求,责任单位,时限要求\n"
        "1,推进公开,要点,规范专栏,办公室,2023年10月底前\n"
        "x,,,,办公室,长期坚持\n".encode("gbk")
    )
    output = StringIO()
    with pytest.raises(CommandError, match="1 行被拒绝"):
        call_command(
            "import_plan_tasks", str(path), "--title", plan.title, "--year", "2023",
            "--issued-on", "2023-04-20", stdout=output,
        )  # fmt: skip
    assert "第 3 行" in output.getvalue() and "新增任务 1 项" in output.getvalue()
    assert plan.tasks.get().requirement == "规范专栏"


def test_overdue_tasks_are_mailed_to_their_departments_once(plan):
    from django.core import mail

    from gongkai.accounts import services as account_services

    services.load_tasks(
        plan=plan,
        rows=[
            {"number": 1, "task": "任务", "focus": "要点", "requirement": "规范专栏",
             "responsible": "法规科", "deadline": "2023年10月底前"},
        ],
    )  # fmt: skip
    user = User.objects.create_user(
        "legal", password="a-long-password-1", email="legal@example.com"
    )
    account_services.assign_user_to_department(
        user=user, department=plan.agency.departments.get(name="法规科")
    )
    with time_machine.travel(date(2023, 11, 1), tick=False):
        assert services.remind_overdue() == 1
        assert services.remind_overdue() == 0
    assert mail.outbox[0].to == ["legal@example.com"]
    assert "第1项" in mail.outbox[0].subject and "2023-10-31" in mail.outbox[0].body


def test_a_department_reports_on_its_own_task_only(client, plan):
    from gongkai.accounts import services as account_services
    from gongkai.supervision.models import ProgressReport

    services.load_tasks(
        plan=plan,
        rows=[
            {"number": 1, "task": "任务", "focus": "要点", "requirement": "规范专栏",
             "responsible": "法规科", "deadline": "2023年10月底前"},
            {"number": 2, "task": "任务", "focus": "要点", "requirement": "征地信息",
             "responsible": "耕保科", "deadline": "长期坚持"},
        ],
    )  # fmt: skip
    user = User.objects.create_user("legal", password="a-long-password-1")
    account_services.assign_user_to_department(
        user=user, department=plan.agency.departments.get(name="法规科")
    )
    own, other = plan.tasks.order_by("number")
    client.force_login(user)
    with time_machine.travel(date(2023, 10, 27), tick=False):
        page = client.get(reverse("supervision_plan", args=[plan.pk])).content.decode()
        assert reverse("supervision_report", args=[own.pk]) in page
        assert reverse("supervision_report", args=[other.pk]) not in page
        refused = client.get(reverse("supervision_report", args=[other.pk]))
        assert refused.status_code in (302, 403)
        response = client.post(
            reverse("supervision_report", args=[own.pk]),
            {"reported_on": "2023-10-27", "note": "已全面规范。", "completes_task": "on",
             "evidence_url": "https://example.gov.cn/zwgk/"},
        )  # fmt: skip
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.done_on == date(2023, 10, 27)
    report = ProgressReport.objects.get()
    assert report.department.name == "法规科" and report.evidence_url
