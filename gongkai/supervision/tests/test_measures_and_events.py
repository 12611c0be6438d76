"""督办 beyond the sheet: tasks that run from the platform's own events
(an item formed), the plan's 保障措施 (meetings, reports to the head,
training; guide and catalogue), and cases as evidence."""

import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.publishing.models import GovernmentInformationPage
from gongkai.publishing.tests.factories import publish
from gongkai.supervision import due_rules, measures, selectors, services
from gongkai.supervision.models import MeasureRecord

PLAN_TEXT = (
    "四、保障措施\n"
    "1．加强组织领导。每年至少召开1次会议研究解决政务公开相关重点难点问题；"
    "主要负责同志每年至少专题听取1次工作汇报。\n"
    "2．完善制度规范。及时更新政府信息公开指南，完善主动公开基本目录，并动态调整更新。\n"
    "3．开展教育培训。每年至少组织两次本系统政务公开业务培训。\n"
)


def test_the_2023_plan_asks_for_five_standing_measures():
    from gongkai.demo.services import CONTENT_DIR

    text = (CONTENT_DIR / "work-plan-2023.txt").read_text(encoding="utf-8")
    specs = {spec.kind: spec for spec in measures.parse_standing_measures(text)}
    assert list(specs) == ["meeting", "head_briefing", "training", "guide", "catalogue"]
    assert specs["meeting"].times_per_year == 1
    assert specs["meeting"].requirement.startswith("每年至少召开1次会议")
    assert "每年至少组织1次本系统政务公开业务培训" in specs["training"].requirement
    assert specs["guide"].times_per_year == 0


def test_a_count_in_chinese_numerals_is_read():
    specs = {spec.kind: spec for spec in measures.parse_standing_measures(PLAN_TEXT)}
    assert specs["training"].times_per_year == 2


@pytest.mark.parametrize(
    ("held", "today", "state"),
    [
        (1, date(2026, 3, 1), due_rules.DONE),
        (0, date(2026, 3, 1), due_rules.ON_TRACK),
        (0, date(2026, 11, 15), due_rules.DUE_SOON),
        (0, date(2027, 1, 4), due_rules.OVERDUE),
        (1, date(2027, 1, 4), due_rules.DONE),
    ],
)
def test_a_yearly_measure_is_judged_on_the_records_of_its_year(held, today, state):
    assert measures.counted_measure_state(
        held=held, required=1, year=2026, today=today
    ) == (state, date(2026, 12, 31))


def test_an_event_task_is_overdue_while_an_occurrence_is_open_past_its_deadline():
    tally = due_rules.event_task_state(
        [
            (date(2026, 3, 30), date(2026, 3, 20)),  # on time
            (date(2026, 5, 6), date(2026, 5, 20)),  # late, but done
            (date(2026, 11, 20), None),  # open, past due
            (date(2026, 12, 8), None),
        ],
        today=date(2026, 12, 3),
        due_soon_until=date(2026, 12, 10),
    )
    assert tally.state == due_rules.OVERDUE and tally.answers_on == date(2026, 11, 20)
    assert (tally.total, tally.on_time, tally.late, tally.open) == (4, 1, 1, 2)
    soon = due_rules.event_task_state(
        [(date(2026, 12, 8), None)],
        today=date(2026, 12, 3),
        due_soon_until=date(2026, 12, 10),
    )
    assert soon.state == due_rules.DUE_SOON
    assert (
        due_rules.event_task_state(
            [], today=date(2026, 12, 3), due_soon_until=date(2026, 12, 10)
        ).state
        == due_rules.ON_TRACK
    )


@pytest.fixture
def plan(agency, columns):
    for name in ("办公室", "人事科", "法规科"):
        account_services.create_department(
            agency=agency, name=name, is_office=name == "办公室"
        )
    plan = services.get_or_create_plan(
        agency=agency, title="2026年政务公开工作方案", year=2026,
        issued_on=date(2026, 3, 2),
    )  # fmt: skip
    services.load_tasks(
        plan=plan,
        rows=[
            {"number": 1, "task": "推进公开", "focus": "就业创业", "requirement": "做好就业创业政策信息公开",
             "responsible": "人事科", "deadline": "信息形成或变更之日起20个工作日内公开"},
            {"number": 2, "task": "推进公开", "focus": "决策", "requirement": "公开意见采纳情况",
             "responsible": "法规科", "deadline": "决策文件出台后的10个工作日内"},
        ],
    )  # fmt: skip
    return plan


def draft(column, *, title, written_on, department):
    item = GovernmentInformationPage(
        title=title,
        slug=f"d{written_on:%Y%m%d}",
        live=False,
        written_on=written_on,
        department=department,
    )
    column.add_child(instance=item)
    return item


def test_an_item_formed_and_not_published_in_20_working_days_makes_its_task_overdue(
    plan, columns
):
    personnel = plan.agency.departments.get(name="人事科")
    column = columns["法定主动公开内容/就业创业"]
    publish(
        column, title="高校毕业生就业补贴政策", written_on=date(2026, 4, 1),
        published_on=date(2026, 4, 8), department=personnel,
    )  # fmt: skip
    publish(
        column, title="公益性岗位招聘公告", written_on=date(2026, 5, 6),
        published_on=date(2026, 6, 30), department=personnel,
    )  # fmt: skip
    # Another department's item is not this task's.
    publish(
        columns["法定主动公开内容/政策文件/其他文件"], title="法规科的通知",
        written_on=date(2026, 9, 1), published_on=date(2026, 12, 1),
        department=plan.agency.departments.get(name="法规科"),
    )  # fmt: skip
    item = draft(
        column, title="灵活就业支持政策", written_on=date(2026, 10, 9),
        department=personnel,
    )  # fmt: skip
    with time_machine.travel(date(2026, 12, 3), tick=False):
        first, second = selectors.task_statuses(plan=plan)
        rows = selectors.report_rows(plan=plan)
        attention = first.attention
    # 20 working days from 9 October 2026 (the 10 October 调休 Saturday is
    # worked): 5 November.
    assert first.state == due_rules.OVERDUE
    assert first.answers_on == date(2026, 11, 5)
    assert (first.tally.on_time, first.tally.late, first.tally.open) == (1, 1, 1)
    assert rows[0]["起算事件记录"] == {"件数": 3, "按期": 1, "逾期完成": 1, "未完成": 1}
    assert rows[0]["完成期限"] is None and rows[0]["下次报送期限"] == "2026-11-05"
    # Open ones first, as the 发布时效 report sorts them.
    assert [o.label for o in attention] == ["灵活就业支持政策", "公益性岗位招聘公告"]
    # 决策文件出台 is recorded by the consultations app: with no decision
    # document issued, task 2 has nothing to answer yet.
    assert second.tally.total == 0 and rows[1]["起算事件记录"]["件数"] == 0

    item.save_revision().publish()
    with time_machine.travel(date(2026, 12, 3), tick=False):
        first, _second = selectors.task_statuses(plan=plan)
    assert first.state == due_rules.ON_TRACK
    assert (first.tally.late, first.tally.open) == (2, 0)


def office_user(plan):
    user = User.objects.create_user("office", password="a-long-password-1")
    account_services.assign_user_to_department(
        user=user, department=plan.agency.departments.get(name="办公室")
    )
    return user


def test_the_office_records_a_training_session_and_the_measure_is_met(client, plan):
    services.load_standing_measures(plan=plan, text=PLAN_TEXT)
    training = plan.measures.get(kind="training")
    client.force_login(office_user(plan))
    with time_machine.travel(date(2026, 11, 20), tick=False):
        page = client.get(reverse("supervision_plan", args=[plan.pk])).content.decode()
        assert "政务公开业务培训" in page and "0 / 2" in page and "即将到期" in page
        future = client.post(
            reverse("supervision_record_measure", args=[training.pk]),
            {"held_on": "2026-12-01", "title": "培训"},
        )
        assert (
            future.status_code == 400 and "日期不能晚于今天" in future.content.decode()
        )
        for held_on in ("2026-05-12", "2026-11-18"):
            response = client.post(
                reverse("supervision_record_measure", args=[training.pk]),
                {"held_on": held_on, "title": "全局政务公开业务培训",
                 "participants": "45"},
            )  # fmt: skip
            assert response.status_code == 302
        statuses = {s.measure.kind: s for s in selectors.measure_statuses(plan=plan)}
    assert statuses["training"].state == due_rules.DONE
    assert statuses["training"].held == 2
    assert statuses["training"].last_on == date(2026, 11, 18)
    assert statuses["meeting"].state == due_rules.DUE_SOON
    assert MeasureRecord.objects.filter(measure=training).count() == 2
    from wagtail.models import ModelLogEntry

    assert (
        ModelLogEntry.objects.filter(action="supervision.measure_recorded").count() == 2
    )


def test_a_department_may_not_record_measures(client, plan):
    services.load_standing_measures(plan=plan, text=PLAN_TEXT)
    user = User.objects.create_user("personnel", password="a-long-password-1")
    account_services.assign_user_to_department(
        user=user, department=plan.agency.departments.get(name="人事科")
    )
    client.force_login(user)
    page = client.get(reverse("supervision_plan", args=[plan.pk])).content.decode()
    measure = plan.measures.get(kind="meeting")
    assert reverse("supervision_record_measure", args=[measure.pk]) not in page
    response = client.post(
        reverse("supervision_record_measure", args=[measure.pk]),
        {"held_on": "2026-03-02", "title": "会议"},
    )
    assert response.status_code in (302, 403)
    assert not MeasureRecord.objects.exists()


def test_a_department_cites_a_case_it_handles_as_evidence(client, plan):
    from gongkai.applications.models import Application

    personnel = plan.agency.departments.get(name="人事科")
    mine = Application.objects.create(
        agency=plan.agency, number="YS2026009", channel="in_person",
        received_on=date(2026, 3, 2), applicant_type="natural_person",
        applicant_name="李某某", info_title="就业补贴发放情况",
    )  # fmt: skip
    mine.handling_departments.add(personnel)
    Application.objects.create(
        agency=plan.agency, number="YS2026010", channel="in_person",
        received_on=date(2026, 3, 3), applicant_type="natural_person",
        applicant_name="王某某", info_title="其他案件",
    )  # fmt: skip
    user = User.objects.create_user("personnel", password="a-long-password-1")
    account_services.assign_user_to_department(user=user, department=personnel)
    task = plan.tasks.get(number=1)
    client.force_login(user)
    with time_machine.travel(date(2026, 12, 3), tick=False):
        form = client.get(
            reverse("supervision_report", args=[task.pk])
        ).content.decode()
        assert "YS2026009" in form and "YS2026010" not in form
        assert "李某某" not in form
        response = client.post(
            reverse("supervision_report", args=[task.pk]),
            {"reported_on": "2026-12-03", "note": "已按期答复。",
             "evidence_case": str(mine.pk)},
        )  # fmt: skip
    assert response.status_code == 302
    assert task.reports.get().evidence_case == mine


def test_the_demo_tracks_its_standing_measures(db):
    from gongkai.demo.services import load_demo_bureau

    load_demo_bureau()
    plan = selectors.WorkPlan.objects.get()
    with time_machine.travel(date(2026, 12, 3), tick=False):
        statuses = {s.measure.kind: s for s in selectors.measure_statuses(plan=plan)}
        output = StringIO()
        call_command("supervision_report", "--json", stdout=output)
    assert statuses["meeting"].state == due_rules.DONE
    assert statuses["training"].state == due_rules.DUE_SOON
    assert statuses["guide"].state == due_rules.ON_TRACK
    assert statuses["guide"].last_on is not None
    assert statuses["catalogue"].state == due_rules.ON_TRACK
    rows = {row["序号"]: row for row in json.loads(output.getvalue())}
    assert rows[2]["起算事件记录"] is not None and rows[3]["起算事件记录"] is not None


def test_the_report_and_its_workbook_carry_the_measures(plan, tmp_path):
    from openpyxl import load_workbook

    services.load_standing_measures(plan=plan, text=PLAN_TEXT)
    services.record_measure(
        measure=plan.measures.get(kind="meeting"),
        held_on=date(2026, 3, 20),
        title="局长办公会",
    )
    path = tmp_path / "report.xlsx"
    output = StringIO()
    with time_machine.travel(date(2026, 12, 3), tick=False):
        call_command("supervision_report", stdout=output)
        call_command("supervision_report", "--xlsx", str(path))
    assert "保障措施 [已完成] 研究政务公开工作的会议 · 1/1" in output.getvalue()
    sheet = load_workbook(path)["保障措施"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "措施" and rows[1][0] == "研究政务公开工作的会议"
    assert rows[1][-1] == "已完成" and rows[1][5] == "2026-03-20"


def test_a_catalogue_lagging_behind_the_items_shows_as_overdue(plan, columns):
    from gongkai.catalog import services as catalog_services

    services.load_standing_measures(plan=plan, text=PLAN_TEXT)
    catalog_services.refresh_guide(agency=plan.agency)
    catalog_services.rebuild_catalogue(agency=plan.agency)

    def state(kind):
        statuses = selectors.measure_statuses(plan=plan, today=date(2026, 12, 3))
        return next(s.state for s in statuses if s.measure.kind == kind)

    assert state("catalogue") == due_rules.ON_TRACK
    assert state("guide") == due_rules.ON_TRACK
    # Published, but its catalogue line not written (the event never came).
    publish(columns["法定主动公开内容/政策文件/其他文件"], title="新通知")
    plan.agency.fax = "0533-7180002"
    plan.agency.save()
    assert state("catalogue") == due_rules.OVERDUE
    assert state("guide") == due_rules.OVERDUE
