"""三审 as reviewers meet it: three different people, none the author."""

from datetime import date

import pytest
from wagtail.models import WorkflowState

from gongkai.accounts.models import User
from gongkai.review import services
from gongkai.review.choices import ReviewLevel
from gongkai.review.errors import ReviewRefusedError
from gongkai.review.rules import ReviewContext, refusal
from gongkai.review.tests.steps import decide, submit


def test_editors_cannot_publish_directly(team):
    item, _ = submit(team)
    assert not item.permissions_for_user(team["author"]).can_publish()


def test_three_different_reviewers_publish_the_item(team):
    item, _ = submit(team)
    decide(item, team["head"], comment="文字无误")
    decide(item, team["office"])
    assert not item.live
    decide(item, team["leader"], comment="同意发布")
    assert item.live
    state = WorkflowState.objects.get(object_id=str(item.pk))
    decisions = [
        (
            task_state.task.specific.level,
            task_state.finished_by.username,
            task_state.comment,
        )
        for task_state in state.task_states.order_by("started_at")
    ]
    assert decisions == [
        ("first", "head", "文字无误"),
        ("second", "office", ""),
        ("final", "leader", "同意发布"),
    ]


def test_reviewer_cannot_approve_their_own_item(team):
    item, _ = submit(team)
    task = item.current_workflow_state.current_task_state.task.specific
    assert task.get_actions(item, team["author"]) == []
    with pytest.raises(ReviewRefusedError, match="不能审核自己"):
        decide(item, team["author"])
    assert item.current_workflow_state.current_task_state.task.specific.level == "first"


def test_one_person_cannot_review_at_two_levels(team):
    item, _ = submit(team)
    decide(item, team["head"])
    with pytest.raises(ReviewRefusedError, match="两个审核层级"):
        decide(item, team["head"])
    decide(item, team["office"])
    assert item.current_workflow_state.current_task_state.task.specific.level == "final"


def test_first_review_belongs_to_the_drafting_department(team, agency):
    outsider = User.objects.create_user("outsider", password="a-long-password-1")
    services.appoint_reviewer(agency=agency, user=outsider, level=ReviewLevel.FIRST)
    item, _ = submit(team)
    with pytest.raises(ReviewRefusedError, match="起草科室"):
        decide(item, outsider)


def test_rejection_returns_the_item_and_resubmission_resumes_there(team):
    item, _ = submit(team)
    decide(item, team["head"])
    decide(item, team["office"], action="reject", comment="文号括号不规范")
    state = item.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    item.save_revision(user=team["author"])
    state.resume(team["author"])
    item.refresh_from_db()
    assert (
        item.current_workflow_state.current_task_state.task.specific.level == "second"
    )


def test_review_queue_lists_only_what_the_reviewer_may_decide(team):
    item, _ = submit(team)
    task = item.current_workflow_state.current_task_state.task.specific
    assert list(task.get_task_states_user_can_moderate(team["author"])) == []
    assert [
        state.workflow_state.object_id
        for state in task.get_task_states_user_can_moderate(team["head"])
    ] == [str(item.pk)]


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (ReviewContext("final", 5, 1, frozenset({5}), frozenset(), 1), "不能审核自己"),
        (
            ReviewContext("final", 5, 1, frozenset({9}), frozenset({5}), 1),
            "两个审核层级",
        ),
        (ReviewContext("first", 5, 2, frozenset({9}), frozenset(), 1), "起草科室"),
        (ReviewContext("first", 5, 1, frozenset({9}), frozenset(), 1), ""),
        (ReviewContext("second", 5, 2, frozenset({9}), frozenset({7}), 1), ""),
    ],
)
def test_review_rules(context, expected):
    assert expected in refusal(context)
    if not expected:
        assert refusal(context) == ""


def test_rejection_reaches_the_author_by_email_with_the_comment(team, mailoutbox):
    team["author"].email = "author@example.gov.cn"
    team["author"].save()
    item, _ = submit(team)
    decide(item, team["head"], action="reject", comment="文号括号应为〔〕")
    messages = [
        message for message in mailoutbox if "author@example.gov.cn" in message.to
    ]
    assert messages
    assert "文号括号应为〔〕" in messages[-1].body


def test_queue_puts_urgent_items_first_then_the_longest_waiting(team):
    import time_machine

    from gongkai.review.selectors import review_queue

    with time_machine.travel("2026-09-29 10:00 +0800", tick=False):
        old, _ = submit(team, title="九月底提交的公告")
    with time_machine.travel("2026-10-09 10:00 +0800", tick=False):
        urgent, _ = submit(team, title="加急的公告")
        urgent.is_urgent = True
        urgent.save()
    # 国庆节 2026: 10/1–10/7 off, Saturday 10/10 a working day (调休).
    queue = review_queue(user=team["head"], today=date(2026, 10, 12))
    assert [entry.item.title for entry in queue] == ["加急的公告", "九月底提交的公告"]
    # Counted: 30 Sept, 8, 9, 10 (a 调休 Saturday) and 12 Oct; urgent: 10 and 12 Oct.
    assert [entry.working_days_waited for entry in queue] == [2, 5]
