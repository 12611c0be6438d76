"""Reads of decisions: the published catalogues, each decision's stages for
its hub, what a department may see, and the evaluations of an item."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from gongkai.decisions import registry, stages
from gongkai.decisions.choices import EvaluationStatus, StageKind
from gongkai.decisions.models import Decision, DecisionCatalogue, PolicyEvaluation

OVERSEE = "decisions.oversee_decisions"


def public_catalogues(*, agency) -> QuerySet[DecisionCatalogue]:
    """The catalogues published on the portal, newest year first."""
    today = timezone.localdate()
    return DecisionCatalogue.objects.filter(
        agency=agency, published_on__isnull=False, published_on__lte=today
    ).order_by("-year")


def public_decision(*, agency, pk: int) -> Decision | None:
    return (
        Decision.objects.filter(pk=pk, catalogue__in=public_catalogues(agency=agency))
        .select_related("catalogue", "department")
        .first()
    )


def _live(item) -> bool:
    return item is not None and item.live


def with_stage_records(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """``decisions`` with what their hubs read (linked items, evaluations,
    and what other capabilities' stage sources read) loaded in a few
    queries, whatever their number."""
    return decisions.prefetch_related(
        "stages__item", "evaluations__item", *registry.prefetch_lookups()
    )


def stage_facts(
    *, decision: Decision, today: dt.date, calendar=None
) -> list[stages.StageFact]:
    from gongkai.core.selectors import working_day_calendar

    calendar = calendar or working_day_calendar()
    facts = []
    for stage in decision.stages.all():
        if _live(stage.item):
            facts.append(
                stages.StageFact(
                    kind=stage.kind,
                    url=stage.item.url,
                    title=stage.item.title,
                    published_on=stage.item.published_on,
                    note=stage.note,
                )
            )
        else:
            facts.append(
                stages.StageFact(
                    kind=stage.kind, expected_on=stage.expected_on, note=stage.note
                )
            )
    if decision.attendance.strip():
        facts.append(
            stages.StageFact(
                kind=StageKind.ATTENDANCE,
                url=f"{decision.get_absolute_url()}#attendance",
                title=str(StageKind.ATTENDANCE.label),
                published_on=decision.meeting_on,
            )
        )
    for evaluation in decision.evaluations.all():
        if evaluation.status == EvaluationStatus.PUBLISHED and _live(evaluation.item):
            facts.append(
                stages.StageFact(
                    kind=StageKind.EVALUATION,
                    url=evaluation.item.url,
                    title=evaluation.item.title,
                    published_on=evaluation.item.published_on,
                )
            )
    for source in registry.stage_sources():
        facts.extend(source(decision=decision, today=today, calendar=calendar))
    return facts


def decision_stages(
    *, decision: Decision, today: dt.date | None = None, calendar=None
) -> list[stages.Stage]:
    today = today or timezone.localdate()
    applicable = {stage.kind for stage in decision.stages.all()}
    return stages.hub_stages(
        stage_facts(decision=decision, today=today, calendar=calendar),
        applicable=applicable,
        today=today,
    )


@dataclass(frozen=True)
class CatalogueRow:
    decision: Decision
    stages: list[stages.Stage]

    @property
    def done(self) -> int:
        return sum(1 for stage in self.stages if stage.is_done)

    @property
    def current(self) -> str:
        return stages.current_stage(self.stages)

    @property
    def is_complete(self) -> bool:
        return stages.is_complete(self.stages)

    @property
    def late(self) -> list[stages.Stage]:
        return [stage for stage in self.stages if stage.state == "late"]


def catalogue_rows(
    *, catalogue: DecisionCatalogue, today: dt.date | None = None
) -> list[CatalogueRow]:
    from gongkai.core.selectors import working_day_calendar

    today = today or timezone.localdate()
    calendar = working_day_calendar()
    return [
        CatalogueRow(
            decision=decision,
            stages=decision_stages(decision=decision, today=today, calendar=calendar),
        )
        for decision in with_stage_records(
            catalogue.decisions.select_related("department")
        )
    ]


def scoped_to_user(
    queryset: QuerySet, user, *, agency_field: str, department_field: str = "department"
) -> QuerySet:
    """What of ``queryset`` a staff member works on: the agency's records for
    the office and whoever oversees decisions, a department's own records
    for its staff, everything for a superuser."""
    from gongkai.accounts.selectors import agency_of

    if user.is_superuser:
        return queryset
    agency = agency_of(user)
    if agency is None:
        return queryset.none()
    queryset = queryset.filter(**{agency_field: agency})
    if user.has_perm(OVERSEE):
        return queryset
    return queryset.filter(**{f"{department_field}_id": user.department_id})


def visible_catalogues(user) -> QuerySet[DecisionCatalogue]:
    """The catalogues of the user's agency (every department adds its items
    to them; the office edits them)."""
    from gongkai.accounts.selectors import agency_of

    if user.is_superuser:
        return DecisionCatalogue.objects.all()
    return DecisionCatalogue.objects.filter(agency=agency_of(user))


def visible_decisions(user) -> QuerySet[Decision]:
    return scoped_to_user(
        Decision.objects.select_related("catalogue", "department"),
        user,
        agency_field="catalogue__agency",
    )


def visible_evaluations(user) -> QuerySet[PolicyEvaluation]:
    return scoped_to_user(
        PolicyEvaluation.objects.select_related("department", "document", "decision"),
        user,
        agency_field="agency",
    )


def published_evaluations_of(*, item) -> list[PolicyEvaluation]:
    """Published evaluations of ``item`` (a normative or decision document),
    for its page."""
    return [
        evaluation
        for evaluation in PolicyEvaluation.objects.filter(
            document=item, status=EvaluationStatus.PUBLISHED
        ).select_related("item")
        if _live(evaluation.item)
    ]


def decisions_linking(*, item) -> list[Decision]:
    """The published decisions whose hub links ``item`` as a stage."""
    return list(
        Decision.objects.filter(
            stages__item=item,
            catalogue__published_on__isnull=False,
            catalogue__published_on__lte=timezone.localdate(),
        ).distinct()
    )
