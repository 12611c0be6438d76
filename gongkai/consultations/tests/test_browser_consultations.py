"""A major decision in the open, in a real browser, on the demo bureau:

a citizen comments on the open consultation (修订《临淄区闲置土地处置办法》)
on an article of the draft; the comment waits unseen until 法规科负责人
approves it in the admin, then shows on the portal without the name and
phone. The decision is taken; 法规科 groups the comments, answers each group
and sends the adoption report to 三审; once the three reviewers pass it,
it is published within 10 working days of the decision document and the
decision's hub shows every stage linked.
"""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.accounts.models import User
from gongkai.consultations import rules
from gongkai.consultations.choices import AdoptionStatus
from gongkai.consultations.models import AdoptionReport, Comment, Consultation
from gongkai.core import abuse
from gongkai.core.selectors import working_day_calendar
from gongkai.core.tests.browser import log_in_to_admin, log_out_of_admin
from gongkai.decisions.models import DecisionStage
from gongkai.demo.decisions import OPEN_TITLE
from gongkai.demo.services import load_demo_bureau
from gongkai.publishing.models import ColumnPage
from gongkai.publishing.services import ItemData, publish_item

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test-password-1"
COMMENT = "建议在门户网站同时公开闲置土地的处置进度和处置结果。"
NAME, PHONE = "王某某", "13912345678"


@pytest.fixture
def consultation(monkeypatch) -> Consultation:
    cache.clear()
    # The portal refuses forms sent within seconds of being shown; the
    # browser types faster than a person.
    monkeypatch.setattr(abuse, "MIN_FILL_SECONDS", 0)
    load_demo_bureau()
    for username in ("legal", "legal_head", "office", "leader"):
        user = User.objects.get(username=username)
        user.set_password(PASSWORD)
        user.save()
    return Consultation.objects.get(decision__title=OPEN_TITLE)


def log_in(page, username: str) -> None:
    log_in_to_admin(page, username, PASSWORD)


def comment_as_a_citizen(page) -> None:
    page.goto("/consultations/")
    page.get_by_role("link", name=re.compile("闲置土地处置办法")).first.click()
    expect(page.locator("#draft")).to_contain_text("第四条")
    page.get_by_label("针对条款").select_option(label="第四条")
    page.get_by_role("textbox", name="意见建议").fill(COMMENT)
    page.get_by_label("姓名或单位").fill(NAME)
    page.get_by_label("联系方式").fill(PHONE)
    page.get_by_role("button", name="提交意见").click()
    expect(page.get_by_role("status")).to_contain_text("经审核后在本页公开")
    expect(page.locator("#comments")).not_to_contain_text(COMMENT)


def moderate(page, consultation_id: int) -> None:
    log_in(page, "legal_head")
    page.goto(f"/admin/consultations/{consultation_id}/comments/?status=pending")
    rows = page.locator("tr.comment-row")
    expect(rows).to_have_count(2)  # the citizen's and one from the demo
    citizen = rows.filter(has_text=COMMENT)
    expect(citizen).to_contain_text("139****5678")
    expect(citizen).not_to_contain_text(PHONE)
    citizen.get_by_role("button", name="通过", exact=True).click()
    rows.filter(has_text="分档征收").get_by_role(
        "button", name="通过", exact=True
    ).click()
    page.goto(f"/admin/consultations/{consultation_id}/comments/?status=pending")
    expect(page.locator("tr.comment-row")).to_have_count(0)


def read_the_approved_comment(page, url: str) -> None:
    log_out_of_admin(page)
    page.goto(url)
    comments = page.locator("#comments")
    expect(comments).to_contain_text(COMMENT)
    expect(comments).to_contain_text("针对第四条")
    expect(comments).not_to_contain_text(NAME)
    expect(page.locator("body")).not_to_contain_text(PHONE)


def take_the_decision(consultation: Consultation) -> dt.date:
    """What happens off the platform: the period ended, the meeting decided
    with public representatives attending, and the document was issued and
    published today (or on the last working day)."""
    calendar = working_day_calendar()
    issued_on = timezone.localdate()
    while not calendar.is_working_day(issued_on):
        issued_on -= dt.timedelta(days=1)
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=issued_on - dt.timedelta(days=45),
        closes_on=issued_on - dt.timedelta(days=11),
    )
    decision = consultation.decision
    decision.meeting_on = issued_on - dt.timedelta(days=1)
    decision.issued_on = issued_on
    decision.attendance = "区政府常务会议邀请企业代表和村民代表各1名列席。"
    decision.save()
    result = publish_item(
        column=ColumnPage.objects.get(title="重大行政决策"),
        data=ItemData(
            title="临淄区闲置土地处置办法",
            written_on=issued_on,
            document_number=f"临自然资发〔{issued_on.year}〕20号",
            publisher="临淄区自然资源局",
            department=decision.department,
            body_html="<p>第一条 为有效处置和充分利用闲置土地，制定本办法。</p>",
        ),
        published_on=issued_on,
        actor=None,
    )
    DecisionStage.objects.create(decision=decision, kind="result", item=result)
    return issued_on


def write_the_adoption_report(page, consultation_id: int) -> None:
    log_in(page, "legal")
    page.goto(f"/admin/consultations/{consultation_id}/adoption/")
    expect(page.locator("main")).to_contain_text("个工作日")
    page.get_by_role("button", name=re.compile("自动归类")).click()
    groups = page.locator("section.comment-group")
    expect(groups.first).to_be_visible()
    for index in range(groups.count()):
        group = page.locator("section.comment-group").nth(index)
        verdict, reason = (
            ("not_adopted", "处置结果涉及企业商业信息，按上位法规定公开认定情况。")
            if index == 0
            else ("adopted", "已在修订稿中采纳。")
        )
        group.locator("select[name=verdict]").select_option(verdict)
        group.locator("textarea[name=reason]").fill(reason)
        group.get_by_role("button", name="保存").click()
        expect(
            page.locator("section.comment-group").nth(index).locator("textarea")
        ).to_have_value(reason)
    page.fill("#introduction", "征求意见期间共收到意见建议4条。")
    page.get_by_role("button", name="送三审").click()
    expect(page.locator("main")).to_contain_text("审核中")


def review(page, title: str) -> None:
    for username in ("legal_head", "office", "leader"):
        log_in(page, username)
        page.goto("/admin/review-queue/")
        page.get_by_role("link", name=title, exact=True).click()
        page.locator("footer").get_by_role("button", name="更多动作").click()
        # Wait for the approval's own response (it sets the session cookie)
        # before the next reviewer logs in.
        with page.expect_navigation():
            page.locator("footer").get_by_role(
                "button", name=re.compile(r"^审核通过( 和发布)?$")
            ).click()
        expect(page.locator(".messages")).to_contain_text(title)


def read_the_hub(page, title: str) -> None:
    log_out_of_admin(page)
    page.goto("/decisions/")
    page.get_by_role("link", name=OPEN_TITLE).click()
    stages = page.locator("li.stage")
    expect(stages.first).to_be_visible()
    expect(page.locator("li.stage:not(.stage-done)")).to_have_count(0)
    for kind in ("draft", "consultation", "adoption", "attendance", "result"):
        expect(page.locator(f"li.stage-done[data-stage={kind}]")).to_have_count(1)
    page.locator("li[data-stage=adoption]").get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text("未采纳")
    expect(page.locator("main")).to_contain_text("商业信息")


def test_a_comment_is_moderated_answered_and_linked_in_the_decision_hub(
    consultation, in_browser_writing
):
    in_browser = in_browser_writing
    in_browser(comment_as_a_citizen)
    comment = Comment.objects.get(body=COMMENT)
    assert comment.section_label == "第四条"
    in_browser(lambda page: moderate(page, consultation.pk))
    url = consultation.get_absolute_url()
    in_browser(lambda page: read_the_approved_comment(page, url))

    issued_on = take_the_decision(consultation)
    in_browser(lambda page: write_the_adoption_report(page, consultation.pk))
    report = AdoptionReport.objects.get(consultation=consultation)
    assert report.status == AdoptionStatus.IN_REVIEW
    title = report.item.title
    in_browser(lambda page: review(page, title))

    report.refresh_from_db()
    assert report.status == AdoptionStatus.PUBLISHED
    due = rules.adoption_due(issued_on=issued_on, calendar=working_day_calendar())
    assert timezone.localdate(report.published_at) <= due.due_on
    in_browser(lambda page: read_the_hub(page, title))
