"""An expropriation project's hub: each document of the procedure in order,
whether it is public, late or wrong, and what is still missing. Pure: the
facts come from the records, the calendar decides working days.

- 征收土地预公告 posted for not less than 10 working days (实施条例 Art. 26);
- 征地补偿安置方案公告 posted for not less than 30 days, stating how and by
  when to register and where to object (Art. 28; 《土地管理法》Art. 47);
- a hearing when a majority of the members objected (Art. 28);
- 征收土地公告 within 15 working days of receiving the approval (Art. 31).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.core.calendar import WorkingDayCalendar
from gongkai.expropriation.choices import (
    REQUIRED_STAGES,
    STAGE_ORDER,
    StageKind,
    StageState,
)

PRE_ANNOUNCEMENT_WORKING_DAYS = 10
COMPENSATION_PLAN_DAYS = 30
ANNOUNCEMENT_WORKING_DAYS = 15


@dataclass(frozen=True)
class DocumentFact:
    stage: str
    title: str
    url: str
    published_on: dt.date | None
    posted_from: dt.date | None = None
    posted_until: dt.date | None = None


@dataclass(frozen=True)
class ProjectFacts:
    documents: tuple[DocumentFact, ...]
    approval_received_on: dt.date | None = None
    majority_objected: bool = False
    registration_until: dt.date | None = None
    registration_place: str = ""
    objection_channel: str = ""


@dataclass(frozen=True)
class Stage:
    kind: str
    label: str
    state: str
    documents: tuple[DocumentFact, ...]
    due_on: dt.date | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_done(self) -> bool:
        return self.state == StageState.DONE


def announcement_due_on(
    *, approval_received_on: dt.date, calendar: WorkingDayCalendar
) -> dt.date:
    return calendar.add_working_days(approval_received_on, ANNOUNCEMENT_WORKING_DAYS)


def posted_working_days(
    *, posted_from: dt.date, posted_until: dt.date, calendar: WorkingDayCalendar
) -> int:
    """Working days of a posting, its first and last day included."""
    first = 1 if calendar.is_working_day(posted_from) else 0
    return first + calendar.working_days_between(posted_from, posted_until)


def _posting_problems(
    fact: DocumentFact, *, calendar: WorkingDayCalendar, today: dt.date
) -> list[str]:
    if fact.posted_from is None or fact.posted_until is None:
        return [_("未填写在村张贴的起止日期。")]
    if fact.stage == StageKind.PRE_ANNOUNCEMENT:
        days = posted_working_days(
            posted_from=fact.posted_from,
            posted_until=fact.posted_until,
            calendar=calendar,
        )
        if days < PRE_ANNOUNCEMENT_WORKING_DAYS:
            return [
                _("预公告张贴期只有%(days)d个工作日，不得少于10个工作日。")
                % {"days": days}
            ]
        return []
    days = (fact.posted_until - fact.posted_from).days + 1
    if days < COMPENSATION_PLAN_DAYS:
        return [
            _("补偿安置方案公告张贴期只有%(days)d日，不得少于30日。") % {"days": days}
        ]
    return []


def project_stages(
    facts: ProjectFacts, *, today: dt.date, calendar: WorkingDayCalendar
) -> list[Stage]:
    """Every stage in the order of the procedure: the required ones always,
    the hearing when a majority objected, the others when they have a
    document."""
    by_stage: dict[str, list[DocumentFact]] = {}
    for fact in facts.documents:
        if fact.published_on is not None:
            by_stage.setdefault(fact.stage, []).append(fact)
    wanted = set(REQUIRED_STAGES)
    if facts.majority_objected:
        wanted.add(StageKind.HEARING)
    stages = []
    for kind in STAGE_ORDER:
        documents = tuple(sorted(by_stage.get(kind, []), key=lambda f: f.published_on))
        if kind not in wanted and not documents:
            continue
        problems: list[str] = []
        due_on = None
        if kind in (StageKind.PRE_ANNOUNCEMENT, StageKind.COMPENSATION_PLAN):
            for fact in documents:
                problems += _posting_problems(fact, calendar=calendar, today=today)
        if kind == StageKind.COMPENSATION_PLAN and documents:
            if not facts.registration_until or not facts.registration_place:
                problems.append(_("方案公告须写明办理补偿登记的方式和期限。"))
            if not facts.objection_channel:
                problems.append(_("方案公告须写明异议反馈渠道。"))
        if kind == StageKind.ANNOUNCEMENT and facts.approval_received_on:
            due_on = announcement_due_on(
                approval_received_on=facts.approval_received_on, calendar=calendar
            )
            late = [f for f in documents if f.published_on > due_on]
            if late:
                problems.append(
                    _("征收土地公告应在收到批复后15个工作日内（%(due)s 前）发布。")
                    % {"due": due_on.isoformat()}
                )
        if problems:
            state = StageState.PROBLEM
        elif documents:
            state = StageState.DONE
        elif due_on is not None and today > due_on:
            state = StageState.LATE
        else:
            state = StageState.PENDING
        stages.append(
            Stage(
                kind=kind,
                label=str(StageKind(kind).label),
                state=state,
                documents=documents,
                due_on=due_on,
                problems=tuple(problems),
            )
        )
    return stages


def current_stage(stages: list[Stage]) -> Stage | None:
    """The first stage of the procedure not yet done: where the project
    stands. None when every stage is done."""
    return next((stage for stage in stages if not stage.is_done), None)


def missing_stages(stages: list[Stage]) -> list[Stage]:
    return [stage for stage in stages if not stage.is_done]
