"""督办 judges the work plan's two standing tasks on expropriation (tasks 21
and 22 of 附件1) on the projects' own records: the 征收土地公告 after each
approval, and each village-facing notice delivered in each village."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.expropriation.choices import DeliveryChannel, StageKind
from gongkai.expropriation.models import NoticeDelivery, ProjectDocument
from gongkai.supervision import due_rules, selectors, services

TODAY = dt.date(2026, 12, 3)


@pytest.fixture
def plan(project):
    plan = services.get_or_create_plan(
        agency=project.agency, title="2026年政务公开工作方案", year=2026,
        issued_on=dt.date(2026, 3, 2),
    )  # fmt: skip
    services.load_tasks(
        plan=plan,
        rows=[
            {"number": 21, "task": "推进政务公开规范化建设", "focus": "依法依规做好政府信息依申请公开答复工作",
             "requirement": "指导基层政府根据项目进度，及时细化公开已批准的土地征收项目信息。",
             "responsible": "办公室、耕保科", "deadline": "长期坚持"},
            {"number": 22, "task": "扎实推进基层政务公开", "focus": "",
             "requirement": "对土地征收等面向特定区域和人群的公开事项，综合利用政府网站、村（居）民微信群、"
                            "村（社区）公开栏，以及广播、电视等媒介，实行定点、定向公开，便于群众获取。",
             "responsible": "国土资源保障中心", "deadline": "长期坚持"},
            {"number": 23, "task": "大力提升信息发布平台建管水平", "focus": "",
             "requirement": "加强政务新媒体管理。", "responsible": "办公室", "deadline": "长期坚持"},
        ],
    )  # fmt: skip
    return plan


def statuses(plan):
    with time_machine.travel(TODAY, tick=False):
        return {
            status.task.number: status for status in selectors.task_statuses(plan=plan)
        }


def deliver(project, village_name, stage, day):
    NoticeDelivery.objects.create(
        project=project,
        village=project.villages.get(village=village_name),
        stage=stage,
        channel=DeliveryChannel.choices[0][0],
        place=f"{village_name}村务公开栏",
        delivered_on=day,
        delivered_by="王某",
    )


def test_each_village_notice_is_due_in_each_village_three_working_days_later(
    plan, project
):
    # The pre-announcement went online on Monday 2 March: due in the
    # villages by Thursday 5 March; the compensation plan on Wednesday
    # 1 April: by Tuesday 7 April, after the 清明 holiday (4–6 April).
    deliver(project, "东刘村", StageKind.PRE_ANNOUNCEMENT, dt.date(2026, 3, 3))
    deliver(project, "西刘村", StageKind.PRE_ANNOUNCEMENT, dt.date(2026, 3, 10))
    deliver(project, "东刘村", StageKind.COMPENSATION_PLAN, dt.date(2026, 4, 7))

    village_task = statuses(plan)[22]
    assert village_task.state == due_rules.OVERDUE
    tally = village_task.tally
    assert (tally.total, tally.on_time, tally.late, tally.open) == (4, 2, 1, 1)
    attention = {o.label: (o.due_on, o.done_on) for o in village_task.attention}
    assert attention == {
        "凤凰镇西刘村：临淄区2026年第3批次城镇建设用地征地补偿安置方案公告": (
            dt.date(2026, 4, 7),
            None,
        ),
        "凤凰镇西刘村：临淄区2026年第3批次城镇建设用地征收土地预公告": (
            dt.date(2026, 3, 5),
            dt.date(2026, 3, 10),
        ),
    }
    # A task the platform has no records for keeps its report cycle.
    assert statuses(plan)[23].tally is None

    deliver(project, "西刘村", StageKind.COMPENSATION_PLAN, dt.date(2026, 4, 8))
    village_task = statuses(plan)[22]
    assert village_task.state == due_rules.ON_TRACK
    assert (village_task.tally.late, village_task.tally.open) == (2, 0)


def test_the_expropriation_announcement_is_due_15_working_days_after_the_approval(
    plan, project
):
    assert statuses(plan)[21].tally.total == 0  # no approval yet

    project.approval_received_on = dt.date(2026, 6, 1)
    project.save()
    announcement_task = statuses(plan)[21]
    # 15 working days from Monday 1 June, over the 端午 holiday (Friday
    # 19 June): Tuesday 23 June.
    [occurrence] = announcement_task.attention
    assert occurrence.due_on == dt.date(2026, 6, 23)
    assert occurrence.done_on is None
    assert announcement_task.state == due_rules.OVERDUE

    ProjectDocument.objects.create(
        project=project,
        stage=StageKind.ANNOUNCEMENT,
        title="临淄区2026年第3批次城镇建设用地征收土地公告",
        url="https://www.linzi.gov.cn/zdxx/2026-3.html",
        published_on=dt.date(2026, 6, 19),
    )
    announcement_task = statuses(plan)[21]
    assert announcement_task.state == due_rules.ON_TRACK
    assert announcement_task.tally.on_time == 1


def test_the_dashboard_says_which_village_still_waits(client, plan, project):
    from gongkai.accounts.models import User

    office = User.objects.create_superuser("office", password="a-long-password-1")
    client.force_login(office)
    with time_machine.travel(TODAY, tick=False):
        html = client.get(reverse("supervision_plan", args=[plan.pk])).content.decode()
    assert "平台记录4件：按期0，逾期完成0，未完成4" in html
    assert "凤凰镇东刘村：临淄区2026年第3批次城镇建设用地征收土地预公告" in html
    assert "尚未送达" in html
