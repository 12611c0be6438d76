"""What expropriation tells 督办: the two standing tasks of 附件1 on land
expropriation are judged on the projects' own records.

- Task 21 (及时细化公开已批准的土地征收项目信息): each approval received
  starts the 15 working days of the 征收土地公告 (实施条例 Art. 31), met when
  the announcement is public.
- Task 22 (定点、定向公开): each village-facing notice published online is
  due in each affected village ``EXPROPRIATION_DELIVERY_WORKING_DAYS``
  later, met by the first delivery recorded for that village and notice.

Both tasks answer for every project of the agency, whichever department
keeps it: their units (办公室、耕保科; 国土资源保障中心) oversee or deliver
all of them.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.expropriation import selectors
from gongkai.expropriation import stages as stage_rules
from gongkai.expropriation.choices import StageKind

EDIT_URL_NAME = "wagtailsnippets_expropriation_expropriationproject:edit"


def approved_projects(*, agency, departments, since: dt.date, today: dt.date):
    """Every approval received since ``since``: its 征收土地公告 is due 15
    working days later."""
    from gongkai.core.selectors import working_day_calendar
    from gongkai.supervision.events import Occurrence

    calendar = working_day_calendar()
    projects = selectors.agency_projects(agency).filter(approval_received_on__gte=since)
    for project in projects:
        published = [
            document.public_on
            for document in project.documents.all()
            if document.stage == StageKind.ANNOUNCEMENT and document.public_on
        ]
        yield Occurrence(
            occurred_on=project.approval_received_on,
            due_on=stage_rules.announcement_due_on(
                approval_received_on=project.approval_received_on,
                calendar=calendar,
            ),
            label=_("%(project)s：征收土地公告") % {"project": project.name},
            done_on=min(published, default=None),
            url=reverse(EDIT_URL_NAME, args=[project.pk]),
        )


def village_deliveries(*, agency, departments, since: dt.date, today: dt.date):
    """Every village-facing notice published since ``since``, once for each
    affected village: due there a few working days later, met by its first
    delivery."""
    from gongkai.core.selectors import working_day_calendar
    from gongkai.supervision.events import Occurrence

    calendar = working_day_calendar()
    grace = settings.EXPROPRIATION_DELIVERY_WORKING_DAYS
    for project in selectors.agency_projects(agency).prefetch_related("deliveries"):
        first_delivered: dict[tuple[int, str], dt.date] = {}
        for delivery in project.deliveries.all():
            key = (delivery.village_id, delivery.stage)
            if (
                key not in first_delivered
                or delivery.delivered_on < first_delivered[key]
            ):
                first_delivered[key] = delivery.delivered_on
        url = reverse("expropriation_village_notices", args=[project.pk])
        for document in project.documents.all():
            published_on = document.public_on
            if (
                document.stage not in selectors.VILLAGE_STAGES
                or published_on is None
                or published_on < since
            ):
                continue
            due_on = calendar.add_working_days(published_on, grace)
            for village in project.villages.all():
                yield Occurrence(
                    occurred_on=published_on,
                    due_on=due_on,
                    label=_("%(village)s：%(document)s")
                    % {"village": village, "document": document.display_title},
                    done_on=first_delivered.get((village.pk, document.stage)),
                    url=url,
                    open_label=_("尚未送达"),
                )


def register() -> None:
    from gongkai.supervision.events import register_standing_source

    register_standing_source(
        pattern=r"已批准的土地征收项目|征收土地公告",
        name="expropriation.announcement",
        source=approved_projects,
    )
    register_standing_source(
        pattern=r"定点、?定向公开",
        name="expropriation.village_delivery",
        source=village_deliveries,
    )
