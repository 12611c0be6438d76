"""What consultations tell other capabilities: the decision hub's stages
(draft, explanation, background, the consultation, the adoption report)
and 督办's event "决策文件出台" (task 16 of 附件1: the adoption report within
10 working days)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.consultations.choices import AdoptionStatus, ConsultationStatus


def decision_stages(*, decision, today: dt.date, calendar):
    from gongkai.decisions.choices import StageKind
    from gongkai.decisions.stages import StageFact

    for consultation in decision.consultations.all():
        if consultation.status != ConsultationStatus.PUBLISHED:
            continue
        url = consultation.get_absolute_url()
        published_on = max(
            consultation.opens_on, timezone.localdate(consultation.published_at)
        )
        for kind, anchor, title in (
            (StageKind.DRAFT, "#draft", consultation.draft_title),
            (StageKind.EXPLANATION, "#explanation", _("草案说明")),
            (StageKind.BACKGROUND, "#background", _("决策背景")),
        ):
            if kind == StageKind.BACKGROUND and not consultation.background:
                continue
            yield StageFact(
                kind=kind, url=url + anchor, title=title, published_on=published_on
            )
        yield StageFact(
            kind=StageKind.CONSULTATION,
            url=url,
            title=consultation.title,
            published_on=published_on,
            note=_("征求意见期：%(start)s至%(end)s")
            % {"start": consultation.opens_on, "end": consultation.closes_on},
        )
        report = getattr(consultation, "adoption_report", None)
        if (
            report is not None
            and report.status == AdoptionStatus.PUBLISHED
            and report.item is not None
            and report.item.live
        ):
            yield StageFact(
                kind=StageKind.ADOPTION,
                url=report.item.url,
                title=report.item.title,
                published_on=report.published_on,
            )
        elif decision.issued_on:
            from gongkai.consultations.selectors import adoption_countdown

            countdown = adoption_countdown(
                consultation=consultation, today=today, calendar=calendar
            )
            yield StageFact(kind=StageKind.ADOPTION, expected_on=countdown.due_on)


def adoption_reports(*, agency, departments, since: dt.date, today: dt.date):
    """Every consultation whose document was issued since ``since``: its
    adoption report is due 10 working days later, met when published."""
    from gongkai.consultations.models import Consultation
    from gongkai.consultations.selectors import adoption_countdown
    from gongkai.core.selectors import working_day_calendar
    from gongkai.supervision.events import Occurrence

    calendar = working_day_calendar()
    consultations = Consultation.objects.filter(
        agency=agency, status=ConsultationStatus.PUBLISHED
    ).select_related("decision", "adoption_report")
    departments = list(departments)
    if departments:
        consultations = consultations.filter(department__in=departments)
    for consultation in consultations:
        issued_on = consultation.issued_on
        if issued_on is None or issued_on < since:
            continue
        countdown = adoption_countdown(
            consultation=consultation, today=today, calendar=calendar
        )
        yield Occurrence(
            occurred_on=issued_on,
            due_on=countdown.due_on,
            label=consultation.title,
            done_on=countdown.published_on,
            url=reverse("consultations_adoption", args=[consultation.pk]),
        )


def register() -> None:
    from gongkai.decisions.registry import register_stage_source
    from gongkai.supervision.events import register_event_source

    register_stage_source(
        name="consultations",
        source=decision_stages,
        prefetch=("consultations__adoption_report__item",),
    )
    register_event_source(
        pattern=r"决策文件出台|决策出台",
        name="consultations.adoption_report",
        source=adoption_reports,
    )
