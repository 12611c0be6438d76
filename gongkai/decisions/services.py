"""Writes of decisions: sending a policy evaluation to 三审 as an item of the
重大行政决策 column, reopening it, and recording its publication. Each is one
transaction with an audit entry. Decisions, their stages and the yearly
catalogue are edited in the admin (Wagtail logs every edit)."""

import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import User
from gongkai.decisions.choices import EvaluationStatus, can_move
from gongkai.decisions.errors import EvaluationRefusedError
from gongkai.decisions.models import PolicyEvaluation

DECISION_COLUMN_SLUG = "major-decisions"
# The findings an evaluation must state before it goes out (work plan 二、3:
# 围绕执行标准、适用范围、使用情况、取得成效、存在问题).
REQUIRED_FINDINGS = ("standards", "scope", "usage", "results", "problems")


def evaluation_problems(evaluation: PolicyEvaluation) -> list[str]:
    problems = []
    empty = [
        str(PolicyEvaluation._meta.get_field(name).verbose_name)
        for name in (*REQUIRED_FINDINGS, "conclusion", "application")
        if not getattr(evaluation, name).strip()
    ]
    if empty:
        problems.append(
            _("以下内容尚未填写：%(fields)s。") % {"fields": "、".join(empty)}
        )
    if not evaluation.methods:
        problems.append(_("请选择至少一种评价方式。"))
    if evaluation.document_id and not evaluation.document.live:
        problems.append(_("被评价的文件尚未在门户网站发布。"))
    return problems


def _move(evaluation: PolicyEvaluation, target: str) -> None:
    if not can_move(evaluation.status, target):
        raise EvaluationRefusedError(
            _("政策评价当前状态为“%(status)s”，不能执行该操作。")
            % {"status": evaluation.get_status_display()}
        )
    evaluation.status = target


@transaction.atomic
def submit_evaluation(*, evaluation: PolicyEvaluation, actor: User) -> PolicyEvaluation:
    """送审: the evaluation report goes to 三审 as an item that links to what
    it evaluated; it counts as published when the item goes live."""
    from gongkai.catalog.choices import Genre
    from gongkai.publishing.errors import SubmissionRefusedError
    from gongkai.publishing.models import ColumnPage
    from gongkai.publishing.services import ItemData, submit_generated_item

    evaluation = PolicyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    _move(evaluation, EvaluationStatus.IN_REVIEW)
    problems = evaluation_problems(evaluation)
    if problems:
        raise EvaluationRefusedError(" ".join(problems))
    column = ColumnPage.objects.filter(
        agency=evaluation.agency, slug=DECISION_COLUMN_SLUG
    ).first()
    if column is None:
        raise EvaluationRefusedError(
            _("门户网站没有“重大行政决策”栏目（major-decisions），无法发布政策评价。")
        )
    try:
        item = submit_generated_item(
            column=column,
            data=ItemData(
                title=evaluation.title,
                written_on=timezone.localdate(),
                publisher=evaluation.agency.name,
                department=evaluation.department,
                genre=Genre.REPORT,
                summary=evaluation.conclusion[:300],
                body_html=render_to_string(
                    "decisions/evaluation_body.html", {"evaluation": evaluation}
                ),
            ),
            existing=evaluation.item,
            slug=f"evaluation-{evaluation.pk}-{secrets.token_hex(3)}",
            actor=actor,
        )
    except SubmissionRefusedError as error:
        raise EvaluationRefusedError(str(error)) from error
    evaluation.item = item
    evaluation.submitted_at = timezone.now()
    evaluation.save()
    log(
        instance=evaluation,
        action="decisions.evaluation_submitted",
        user=actor,
        data={"item": item.pk},
    )
    return evaluation


@transaction.atomic
def reopen_evaluation(*, evaluation: PolicyEvaluation, actor: User) -> PolicyEvaluation:
    evaluation = PolicyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.IN_REVIEW:
        raise EvaluationRefusedError(_("只有审核中的政策评价才能撤回。"))
    _move(evaluation, EvaluationStatus.DRAFT)
    if evaluation.item is not None and evaluation.item.current_workflow_state:
        evaluation.item.current_workflow_state.cancel(user=actor)
    evaluation.submitted_at = None
    evaluation.save()
    log(instance=evaluation, action="decisions.evaluation_reopened", user=actor)
    return evaluation


@transaction.atomic
def record_evaluation_publication(*, item, actor: User | None = None) -> int:
    changed = 0
    for evaluation in PolicyEvaluation.objects.select_for_update().filter(
        item_id=item.pk, status=EvaluationStatus.IN_REVIEW
    ):
        _move(evaluation, EvaluationStatus.PUBLISHED)
        evaluation.published_at = timezone.now()
        evaluation.save(update_fields=["status", "published_at", "updated_at"])
        log(instance=evaluation, action="decisions.evaluation_published", user=actor)
        changed += 1
    return changed
