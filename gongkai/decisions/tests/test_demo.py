"""The demo's major decisions: one complete with every stage of its hub
linked, one being consulted on that takes comments on the portal."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from gongkai.consultations import rules
from gongkai.consultations.choices import AdoptionStatus, CommentStatus
from gongkai.consultations.models import Comment, Consultation
from gongkai.core import abuse
from gongkai.core.selectors import working_day_calendar
from gongkai.decisions import selectors
from gongkai.decisions.choices import StageState
from gongkai.decisions.models import Decision
from gongkai.demo.decisions import COMPLETED_TITLE, OPEN_TITLE
from gongkai.demo.services import load_demo_bureau

# The demo is loaded once for the module (``module_db``); each test runs in
# a transaction rolled back after it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_db):
    cache.clear()
    load_demo_bureau()


@pytest.fixture(autouse=True)
def _no_earlier_comments_counted():
    cache.clear()  # the per-source hourly limit of comments


def test_the_completed_decision_has_every_stage_linked_in_time(client, demo):
    decision = Decision.objects.get(title=COMPLETED_TITLE)
    stages = selectors.decision_stages(decision=decision)
    assert {stage.kind: stage.state for stage in stages} == {
        stage.kind: StageState.DONE for stage in stages
    }
    kinds = {stage.kind for stage in stages}
    assert {"draft", "consultation", "adoption", "attendance", "result"} <= kinds
    consultation = decision.consultations.get()
    report = consultation.adoption_report
    assert report.status == AdoptionStatus.PUBLISHED
    published_on = timezone.localdate(report.published_at)
    due = rules.adoption_due(
        issued_on=decision.issued_on, calendar=working_day_calendar()
    )
    assert decision.issued_on < published_on <= due.due_on
    hub = client.get(decision.get_absolute_url()).content.decode()
    assert report.item.url in hub
    for stage in stages:
        for link in stage.links:
            assert link.url in hub
    adoption = client.get(report.item.url).content.decode()
    assert "未采纳" in adoption and "上位法" in adoption


def test_the_open_consultation_takes_a_comment_and_hides_it_until_moderated(
    client, demo
):
    consultation = Consultation.objects.get(decision__title=OPEN_TITLE)
    assert consultation.is_open()
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "处置结果" in page  # an approved comment
    assert "分档征收" not in page  # the one still waiting for moderation
    response = client.post(
        reverse("consultation", args=[consultation.pk]),
        {
            "body": "建议公开闲置土地处置的办理进度。",
            "section_key": "第四条",
            "name": "王某",
            "contact": "13912345678",
            "website": "",
            "started": abuse.form_token(now=time.time() - 60),
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get(body="建议公开闲置土地处置的办理进度。")
    assert comment.status == CommentStatus.PENDING
    assert comment.section_label == "第四条"


def test_the_catalogue_lists_both_decisions_and_loading_again_adds_nothing(
    client, demo
):
    counts = (Decision.objects.count(), Comment.objects.count())
    load_demo_bureau()
    assert (Decision.objects.count(), Comment.objects.count()) == counts
    page = client.get(reverse("decision_catalogue")).content.decode()
    assert COMPLETED_TITLE in page and OPEN_TITLE in page
