"""Reads for the review: the reviewers' queue and which interpretations
have passed 三审."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from gongkai.core.selectors import working_day_calendar
from gongkai.publishing.models import GovernmentInformationPage


def has_passed_review(item: GovernmentInformationPage) -> bool:
    """Whether the item's latest revision went through the whole 三审: its
    last workflow was approved, and nothing was saved after the final
    approval. (A reviewer who approves in the editor may save a revision
    on the way, which is then the one approved.)"""
    latest = item.get_latest_revision()
    state = (
        WorkflowState.objects.for_instance(item).order_by("-created_at", "-pk").first()
    )
    if not (state and latest and state.status == WorkflowState.STATUS_APPROVED):
        return False
    final = state.current_task_state
    return bool(
        final is not None
        and final.finished_at is not None
        and latest.created_at <= final.finished_at
    )


def reviewed_interpretations(
    document: GovernmentInformationPage,
) -> list[GovernmentInformationPage]:
    """Interpretations of ``document`` that passed 三审: published already, or
    approved and held back to be released with it."""
    return [
        interpretation
        for interpretation in GovernmentInformationPage.objects.filter(
            interprets=document
        )
        if interpretation.live or has_passed_review(interpretation)
    ]


def held_interpretations(
    document: GovernmentInformationPage,
) -> list[GovernmentInformationPage]:
    """Approved interpretations waiting for their document (三同步)."""
    return [
        interpretation
        for interpretation in GovernmentInformationPage.objects.filter(
            interprets=document, live=False
        )
        if has_passed_review(interpretation)
    ]


@dataclass(frozen=True)
class QueueEntry:
    """An item waiting for one reviewer's decision."""

    task_state: TaskState
    item: GovernmentInformationPage
    level_label: str
    waiting_since: date
    working_days_waited: int
    is_urgent: bool


def review_queue(*, user, today: date) -> list[QueueEntry]:
    """What waits for ``user``'s decision: urgent items first, then the
    longest waiting; waiting time in working days (工作日)."""
    from gongkai.review.models import ReviewTask

    calendar = working_day_calendar()
    entries = []
    for task in ReviewTask.objects.filter(active=True):
        for task_state in task.get_task_states_user_can_moderate(user).select_related(
            "workflow_state"
        ):
            item = task_state.workflow_state.content_object
            item = getattr(item, "specific", item)
            waiting_since = timezone.localdate(task_state.started_at)
            entries.append(
                QueueEntry(
                    task_state=task_state,
                    item=item,
                    level_label=task.get_level_display(),
                    waiting_since=waiting_since,
                    working_days_waited=calendar.working_days_between(
                        waiting_since, today
                    )
                    if today > waiting_since
                    else 0,
                    is_urgent=getattr(item, "is_urgent", False),
                )
            )
    return sorted(
        entries, key=lambda entry: (not entry.is_urgent, entry.task_state.started_at)
    )
