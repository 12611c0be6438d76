"""A consultation from publication to the adoption report: comments taken
from the portal and moderated, grouped and answered, the report sent to
三审 and linked into the decision's hub once published."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from gongkai.consultations import selectors, services
from gongkai.consultations.choices import AdoptionStatus, CommentStatus, Verdict
from gongkai.consultations.errors import ConsultationRefusedError
from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.tests.factories import draft_consultation
from gongkai.core import abuse
from gongkai.decisions.choices import StageState
from gongkai.decisions.selectors import decision_stages
from gongkai.review.tests.steps import decide

pytestmark = pytest.mark.django_db

OPEN_DAY = dt.datetime(2026, 6, 15, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _clear_limits():
    cache.clear()


def _post(client, consultation, **fields):
    data = {
        "body": "建议将出让公告期限延长到30日。",
        "section_key": "",
        "name": "",
        "contact": "",
        "website": "",
        "started": abuse.form_token(now=OPEN_DAY.timestamp() - 60),
        **fields,
    }
    return client.post(reverse("consultation", args=[consultation.pk]), data)


def _comment(consultation, body, section=""):
    return services.submit_comment(
        consultation=consultation,
        data=services.CommentData(body=body, section_key=section),
        client_address="203.0.113.9",
    )


@time_machine.travel(OPEN_DAY, tick=False)
def test_a_comment_from_the_portal_waits_for_moderation_then_appears_masked(
    client, bureau, consultation
):
    response = _post(
        client,
        consultation,
        section_key="第三条",
        body="第三条的20日太短，建议延长。我的电话13812345678。",
        name="张三",
        contact="13812345678",
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.section_label == "第三条"
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "第三条的20日太短" not in page
    services.moderate_comment(
        comment=comment, approve=True, reason="", actor=bureau["clerk"]
    )
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "第三条的20日太短" in page
    assert "13812345678" not in page and "张三" not in page
    # The name and contact are sealed in the database, masked for staff.
    assert comment.masked_contact == "138****5678"


@time_machine.travel(OPEN_DAY, tick=False)
def test_a_required_name_is_asked_for_and_an_unknown_article_refused(
    client, bureau, consultation
):
    Consultation.objects.filter(pk=consultation.pk).update(requires_name=True)
    response = _post(client, consultation)
    assert response.status_code == 400
    assert 'id="id_name-errors"' in response.content.decode()
    assert not Comment.objects.exists()
    consultation.refresh_from_db()
    with pytest.raises(ConsultationRefusedError, match="所选条款不存在"):
        services.submit_comment(
            consultation=consultation,
            data=services.CommentData(
                body="意见内容在此", section_key="第九十条", name="李四"
            ),
            client_address="",
        )
    assert not Comment.objects.exists()


@time_machine.travel(OPEN_DAY, tick=False)
def test_automated_and_too_frequent_comments_are_refused(client, bureau, consultation):
    assert _post(client, consultation, website="http://spam.example").status_code == 400
    assert (
        _post(
            client, consultation, started=abuse.form_token(now=OPEN_DAY.timestamp())
        ).status_code
        == 400
    )
    statuses = [
        _post(
            client, consultation, body=f"第{number}条建议：补充相关规定。"
        ).status_code
        for number in range(5)
    ]
    assert statuses.count(302) == 3  # 5 an hour, two already counted above
    assert statuses[-1] == 429
    assert Comment.objects.count() == 3


@time_machine.travel(OPEN_DAY, tick=False)
def test_spam_is_held_for_a_person_not_dropped(bureau, consultation):
    comment = _comment(
        consultation, "专业代开发票 http://a.example.com www.b.example.com"
    )
    assert comment.status == CommentStatus.SUSPECTED
    assert "代开发票" in comment.suspicion and "网址" in comment.suspicion
    with pytest.raises(ConsultationRefusedError, match="须填写理由"):
        services.moderate_comment(
            comment=comment, approve=False, reason="", actor=bureau["clerk"]
        )
    services.moderate_comment(
        comment=comment, approve=False, reason="广告信息", actor=bureau["clerk"]
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert comment.moderation_reason == "广告信息"


def test_no_comment_outside_the_period(bureau, consultation):
    with (
        time_machine.travel(dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC), tick=False),
        pytest.raises(ConsultationRefusedError, match="不在征求意见期内"),
    ):
        _comment(consultation, "截止后提交的意见。")


def test_a_short_period_without_reason_cannot_be_published(bureau, decision):
    consultation = draft_consultation(
        bureau, decision, title="短期征求意见", closes_on=dt.date(2026, 6, 10)
    )
    with (
        time_machine.travel(dt.datetime(2026, 5, 28, 9, tzinfo=dt.UTC), tick=False),
        pytest.raises(ConsultationRefusedError, match="须说明缩短期限的理由"),
    ):
        services.publish_consultation(consultation=consultation, actor=bureau["clerk"])
    consultation.shortened_reason = "汛期前须出台。"
    consultation.save()
    with time_machine.travel(dt.datetime(2026, 5, 28, 9, tzinfo=dt.UTC), tick=False):
        services.publish_consultation(consultation=consultation, actor=bureau["clerk"])
    consultation.refresh_from_db()
    assert consultation.channels.filter(kind="portal").exists()


def test_a_consultation_published_late_has_only_the_days_left(bureau, decision):
    # 1 to 30 June is 30 days; published on 10 June, the public has 21.
    consultation = draft_consultation(bureau, decision, title="迟发布的征求意见")
    with (
        time_machine.travel(dt.datetime(2026, 6, 10, 9, tzinfo=dt.UTC), tick=False),
        pytest.raises(ConsultationRefusedError, match="征求意见期限为21天"),
    ):
        services.publish_consultation(consultation=consultation, actor=bureau["clerk"])
    with (
        time_machine.travel(dt.datetime(2026, 7, 2, 9, tzinfo=dt.UTC), tick=False),
        pytest.raises(ConsultationRefusedError, match="截止日期已过"),
    ):
        services.publish_consultation(consultation=consultation, actor=bureau["clerk"])
    consultation.refresh_from_db()
    assert consultation.status == "draft"


def test_another_department_does_not_see_the_consultation(bureau, consultation):
    assert not selectors.visible_consultations(bureau["outsider"]).exists()
    assert selectors.visible_consultations(bureau["clerk"]).get() == consultation
    assert selectors.visible_consultations(bureau["office"]).get() == consultation


def _answer_all(consultation, actor):
    for group in consultation.groups.all():
        services.answer_group(
            group=group,
            label=group.label,
            verdict=Verdict.NOT_ADOPTED if group.number == 1 else Verdict.ADOPTED,
            reason="上位法规定为20日，本办法不作调整。" if group.number == 1 else "",
            actor=actor,
        )


def test_the_adoption_report_goes_through_review_and_links_into_the_hub(
    bureau, decision, consultation
):
    clerk = bureau["clerk"]
    with time_machine.travel(OPEN_DAY, tick=False):
        for body in (
            "建议将出让公告期限延长到30日，20日太短，企业来不及准备。",
            "出让公告期限20日太短，建议延长到30日。",
            "公告期限太短，企业来不及准备竞买材料，应延长公告期限到30日。",
            "请明确网上交易系统的操作规则。",
        ):
            services.moderate_comment(
                comment=_comment(consultation, body),
                approve=True,
                reason="",
                actor=clerk,
            )
    with time_machine.travel(dt.datetime(2026, 9, 28, 9, tzinfo=dt.UTC), tick=False):
        with pytest.raises(ConsultationRefusedError, match="决策文件出台日期"):
            services.submit_adoption_report(
                consultation=consultation, introduction="", actor=clerk
            )
        assert services.group_comments(consultation=consultation, actor=clerk) == 4
        groups = list(selectors.groups_with_counts(consultation=consultation))
        assert [group.comment_count for group in groups] == [3, 1]
        decision.issued_on = dt.date(2026, 9, 28)
        decision.save()
        services.answer_group(
            group=groups[0],
            label=groups[0].label,
            verdict=Verdict.NOT_ADOPTED,
            reason="",
            actor=clerk,
        )
        with pytest.raises(ConsultationRefusedError, match="须说明理由"):
            services.submit_adoption_report(
                consultation=consultation, introduction="", actor=clerk
            )
        _answer_all(consultation, clerk)
        report = services.submit_adoption_report(
            consultation=consultation, introduction="共收到4条意见。", actor=clerk
        )
        assert report.status == AdoptionStatus.IN_REVIEW and not report.item.live
        # What the reviewers read no longer changes under them.
        approved = consultation.comments.filter(status="approved").first()
        with pytest.raises(ConsultationRefusedError, match="不能再修改"):
            services.moderate_comment(
                comment=approved, approve=False, reason="重复", actor=clerk
            )
        assert "上位法规定为20日" in str(report.item.specific.body)
        countdown = selectors.adoption_countdown(consultation=consultation)
        assert countdown.due_on == dt.date(2026, 10, 16)
    with time_machine.travel(dt.datetime(2026, 10, 15, 9, tzinfo=dt.UTC), tick=False):
        item = report.item
        decide(item, bureau["checker"])
        decide(item, bureau["head"])
        decide(item, bureau["leader"], comment="同意发布")
        report.refresh_from_db()
        assert item.live and report.status == AdoptionStatus.PUBLISHED
        consultation.refresh_from_db()
        assert (
            selectors.adoption_countdown(consultation=consultation).state == "on_time"
        )
        stages = {stage.kind: stage for stage in decision_stages(decision=decision)}
    assert stages["adoption"].state == StageState.DONE
    assert stages["adoption"].links[0].url == item.url
    for kind in ("draft", "explanation", "background", "consultation"):
        assert stages[kind].state == StageState.DONE
    assert stages["result"].state != StageState.DONE
    with pytest.raises(ConsultationRefusedError, match="不能再修改"):
        services.group_comments(consultation=consultation, actor=clerk)


def test_supervision_judges_task_16_on_the_adoption_reports(
    bureau, decision, consultation
):
    from gongkai.supervision.events import source_for

    decision.issued_on = dt.date(2026, 9, 28)
    decision.save()
    name, source = source_for("决策文件出台后的10个工作日内")
    assert name == "consultations.adoption_report"
    (occurrence,) = source(
        agency=bureau["agency"],
        departments=[bureau["legal"]],
        since=dt.date(2026, 1, 1),
        today=dt.date(2026, 10, 20),
    )
    assert occurrence.due_on == dt.date(2026, 10, 16)
    assert occurrence.done_on is None
    assert not list(
        source(
            agency=bureau["agency"],
            departments=[bureau["other"]],
            since=dt.date(2026, 1, 1),
            today=dt.date(2026, 10, 20),
        )
    )


def test_a_rejected_comment_leaves_no_empty_group(bureau, consultation):
    clerk = bureau["clerk"]
    with time_machine.travel(OPEN_DAY, tick=False):
        comment = services.moderate_comment(
            comment=_comment(consultation, "请明确网上交易系统的操作规则。"),
            approve=True,
            reason="",
            actor=clerk,
        )
        services.group_comments(consultation=consultation, actor=clerk)
        assert consultation.groups.count() == 1
        services.moderate_comment(
            comment=comment, approve=False, reason="与草案无关。", actor=clerk
        )
    assert consultation.groups.count() == 0


def test_the_draft_cannot_change_once_published(bureau, consultation):
    from django.core.exceptions import ValidationError

    consultation.draft_text = consultation.draft_text.replace("20日", "30日")
    with pytest.raises(ValidationError) as refused:
        consultation.full_clean()
    assert "draft_text" in refused.value.message_dict


def test_the_page_links_its_decision_only_while_the_catalogue_is_public(
    client, bureau, decision, consultation
):
    page = client.get(consultation.get_absolute_url()).text
    assert f'href="{decision.get_absolute_url()}"' in page
    decision.catalogue.published_on = None
    decision.catalogue.save()
    page = client.get(consultation.get_absolute_url()).text
    assert decision.title not in page
