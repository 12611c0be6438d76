"""Reads for the review: which interpretations have passed 三审."""

from wagtail.models import WorkflowState

from gongkai.publishing.models import GovernmentInformationPage


def has_passed_review(item: GovernmentInformationPage) -> bool:
    """Whether the item's latest revision went through the whole 三审."""
    latest = item.get_latest_revision()
    state = (
        WorkflowState.objects.for_instance(item).order_by("-created_at", "-pk").first()
    )
    return bool(
        state
        and latest
        and state.status == WorkflowState.STATUS_APPROVED
        and state.current_task_state is not None
        and state.current_task_state.revision_id == latest.pk
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
