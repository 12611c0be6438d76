"""Reads of expropriation: what staff work on, the public projects found by
township, village or a word, each project's stages, and the deadlines of
the 征收土地公告."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from gongkai.accounts.selectors import scoped_to_staff
from gongkai.core.admin_panels import DueRow
from gongkai.core.calendar import WorkingDayCalendar
from gongkai.expropriation import stages as stage_rules
from gongkai.expropriation.choices import StageKind
from gongkai.expropriation.models import (
    AffectedVillage,
    ExpropriationProject,
    NoticeDelivery,
    ProjectDocument,
)

COLUMN_SLUG = "expropriation"
# The documents the law has posted in the affected 乡(镇), 村 and 村民小组
# (实施条例 Art. 26, 28, 31), which 定点定向公开 takes to each village.
VILLAGE_STAGES = (
    StageKind.PRE_ANNOUNCEMENT,
    StageKind.COMPENSATION_PLAN,
    StageKind.HEARING,
    StageKind.ANNOUNCEMENT,
    StageKind.COMPENSATION_DECISION,
)


def visible_projects(user) -> QuerySet[ExpropriationProject]:
    return scoped_to_staff(
        ExpropriationProject.objects.select_related("department"),
        user,
        agency_field="agency",
    )


def _with_relations(projects: QuerySet) -> QuerySet:
    return projects.prefetch_related(
        "villages",
        Prefetch(
            "documents",
            queryset=ProjectDocument.objects.select_related("item"),
        ),
    )


def agency_projects(agency) -> QuerySet[ExpropriationProject]:
    """Every project of ``agency``, public or not, with its villages and
    documents."""
    return _with_relations(ExpropriationProject.objects.filter(agency=agency))


def public_projects(
    *, agency, today: dt.date, township: str = "", village: str = "", words: str = ""
) -> QuerySet[ExpropriationProject]:
    projects = ExpropriationProject.objects.filter(
        agency=agency, published_on__lte=today
    )
    if township:
        projects = projects.filter(villages__township__contains=township)
    if village:
        projects = projects.filter(villages__village__contains=village)
    if words:
        projects = projects.filter(
            Q(name__contains=words)
            | Q(purpose__contains=words)
            | Q(villages__village__contains=words)
            | Q(villages__township__contains=words)
            | Q(approval_number__contains=words)
        )
    return _with_relations(projects.distinct()).order_by("-published_on", "-pk")


def public_project(*, agency, pk: int, today: dt.date) -> ExpropriationProject | None:
    return public_projects(agency=agency, today=today).filter(pk=pk).first()


def townships(*, agency, today: dt.date) -> list[str]:
    return sorted(
        set(
            AffectedVillage.objects.filter(
                project__agency=agency, project__published_on__lte=today
            ).values_list("township", flat=True)
        )
    )


def project_facts(project: ExpropriationProject) -> stage_rules.ProjectFacts:
    return stage_rules.ProjectFacts(
        documents=tuple(
            stage_rules.DocumentFact(
                stage=document.stage,
                title=document.display_title,
                url=document.link,
                published_on=document.public_on,
                posted_from=document.posted_from,
                posted_until=document.posted_until,
            )
            for document in project.documents.all()
        ),
        approval_received_on=project.approval_received_on,
        majority_objected=project.majority_objected,
        registration_until=project.registration_until,
        registration_place=project.registration_place,
        objection_channel=project.objection_channel,
    )


def project_stages(
    project: ExpropriationProject, *, today: dt.date, calendar: WorkingDayCalendar
) -> list[stage_rules.Stage]:
    return stage_rules.project_stages(
        project_facts(project), today=today, calendar=calendar
    )


@dataclass(frozen=True)
class AnnouncementDeadline(DueRow):
    project: ExpropriationProject
    due_on: dt.date
    days_left: int


def announcement_deadlines(
    *, projects: QuerySet, today: dt.date, calendar: WorkingDayCalendar
) -> list[AnnouncementDeadline]:
    """Projects whose approval arrived and whose 征收土地公告 is not public."""
    rows = []
    for project in _with_relations(projects.filter(approval_received_on__isnull=False)):
        if any(
            d.stage == StageKind.ANNOUNCEMENT and d.public_on
            for d in project.documents.all()
        ):
            continue
        due = stage_rules.announcement_due_on(
            approval_received_on=project.approval_received_on, calendar=calendar
        )
        rows.append(AnnouncementDeadline(project, due, (due - today).days))
    return sorted(rows, key=lambda row: row.due_on)


def notice_document(
    project: ExpropriationProject, *, stage: str = ""
) -> ProjectDocument | None:
    """The public document a village notice is about: the one of ``stage``,
    else the latest of the stages posted in villages."""
    public = [d for d in project.documents.all() if d.public_on]
    if stage:
        return next((d for d in reversed(public) if d.stage == stage), None)
    candidates = [d for d in public if d.stage in VILLAGE_STAGES]
    return max(candidates, key=lambda d: d.public_on, default=None)


def deliveries(project: ExpropriationProject) -> QuerySet[NoticeDelivery]:
    return project.deliveries.select_related("village", "recorded_by")


def village_facts(
    *, project: ExpropriationProject, village: AffectedVillage, document, url: str
):
    from gongkai.expropriation.notices import VillageFacts

    def day(value):
        from django.utils.formats import date_format

        return date_format(value, "Y年n月j日") if value else ""

    return VillageFacts(
        agency=project.agency.name,
        project=project.name,
        purpose=project.purpose,
        township=village.township,
        village=village.village,
        groups=village.groups,
        document_title=document.display_title if document else project.name,
        document_label=document.get_stage_display() if document else "",
        published_on=day(document.public_on) if document else "",
        url=url,
        contact=project.contact,
        posted_until=day(document.posted_until) if document else "",
        registration_until=day(project.registration_until)
        if document is not None and document.stage == StageKind.COMPENSATION_PLAN
        else "",
        registration_place=project.registration_place,
        objection_channel=project.objection_channel
        if document is not None and document.stage == StageKind.COMPENSATION_PLAN
        else "",
    )
