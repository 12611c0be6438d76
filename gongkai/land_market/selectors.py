"""Reads of the land market: its periods, what staff work on, what the
public sees (only what went live through 三审), each parcel's history and
the deadlines the dashboard flags."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from gongkai.accounts.selectors import scoped_to_staff
from gongkai.core.admin_panels import DueRow
from gongkai.core.calendar import WorkingDayCalendar
from gongkai.land_market.choices import NoticeKind, NoticeStatus, ParcelOutcome
from gongkai.land_market.models import (
    LandMarketNotice,
    LandMarketPolicy,
    Parcel,
    SupplyPlan,
    TransferAnnouncement,
)
from gongkai.land_market.periods import (
    PeriodProblem,
    Periods,
    latest_announcement_day,
    result_due_on,
    sale_problems,
)

COLUMN_SLUG = "land-market"
# Sales that ended longer ago than this are history (an imported archive),
# not work to flag.
LOOKBACK_DAYS = 90


def land_periods() -> Periods:
    return LandMarketPolicy.load().periods()


# What staff work on


def visible_plans(user) -> QuerySet[SupplyPlan]:
    return scoped_to_staff(SupplyPlan.objects.all(), user, agency_field="agency")


def visible_announcements(user) -> QuerySet[TransferAnnouncement]:
    return scoped_to_staff(
        TransferAnnouncement.objects.select_related("department"),
        user,
        agency_field="agency",
    )


def visible_parcels(user) -> QuerySet[Parcel]:
    return scoped_to_staff(
        Parcel.objects.select_related("announcement"),
        user,
        agency_field="agency",
        department_field="announcement__department",
    )


def notice_of(*, kind: str, announcement=None, plan=None) -> LandMarketNotice | None:
    if plan is not None:
        return LandMarketNotice.objects.filter(plan=plan, kind=kind).first()
    return LandMarketNotice.objects.filter(announcement=announcement, kind=kind).first()


def announcement_problems(
    *,
    announcement: TransferAnnouncement,
    published_on: dt.date | None,
    periods: Periods,
    calendar: WorkingDayCalendar,
) -> list[PeriodProblem]:
    return sale_problems(
        published_on=published_on,
        sale_starts_on=announcement.sale_starts_on,
        listing_starts_on=announcement.listing_starts_on,
        listing_ends_on=announcement.listing_ends_on,
        periods=periods,
        calendar=calendar,
    )


# What the public sees


def _published(kind: str):
    # A withdrawn item (撤稿) takes its notice off the portal at once.
    return LandMarketNotice.objects.filter(
        kind=kind, status=NoticeStatus.PUBLISHED, item__live=True
    )


def public_plans(*, agency) -> QuerySet[SupplyPlan]:
    return (
        SupplyPlan.objects.filter(
            agency=agency,
            pk__in=_published(NoticeKind.SUPPLY_PLAN).values("plan_id"),
        )
        .prefetch_related("lines", "notices__item")
        .order_by("-year")
    )


def public_announcements(*, agency) -> QuerySet[TransferAnnouncement]:
    return (
        TransferAnnouncement.objects.filter(
            agency=agency,
            pk__in=_published(NoticeKind.ANNOUNCEMENT).values("announcement_id"),
        )
        .prefetch_related(
            Prefetch(
                "notices",
                queryset=LandMarketNotice.objects.filter(
                    status=NoticeStatus.PUBLISHED, item__live=True
                ).select_related("item"),
                to_attr="published_notices",
            ),
            "parcels",
        )
        .order_by("-sale_starts_on", "-pk")
    )


def public_parcels(*, agency) -> QuerySet[Parcel]:
    return (
        Parcel.objects.filter(
            agency=agency,
            announcement__in=public_announcements(agency=agency).values("pk"),
        )
        .select_related("announcement")
        .prefetch_related(
            Prefetch(
                "announcement__notices",
                queryset=LandMarketNotice.objects.filter(
                    status=NoticeStatus.PUBLISHED, item__live=True
                ),
                to_attr="published_notices",
            )
        )
        .order_by("-announcement__sale_starts_on", "code")
    )


def published_kinds(announcement: TransferAnnouncement) -> set[str]:
    notices = getattr(announcement, "published_notices", None)
    if notices is None:
        notices = announcement.notices.filter(
            status=NoticeStatus.PUBLISHED, item__live=True
        )
    return {notice.kind for notice in notices}


@dataclass(frozen=True)
class PublicParcel:
    """A parcel as the public may see it: the outcome only once the 成交公示
    is public, the contract only once the 供应结果 is."""

    parcel: Parcel
    result_public: bool
    contract_public: bool

    @property
    def outcome_label(self) -> str:
        if not self.result_public:
            return _("出让中")
        return self.parcel.get_outcome_display()


def public_parcel(parcel: Parcel) -> PublicParcel:
    kinds = published_kinds(parcel.announcement)
    return PublicParcel(
        parcel=parcel,
        result_public=NoticeKind.TRANSACTION in kinds,
        contract_public=NoticeKind.SUPPLY_RESULT in kinds,
    )


@dataclass(frozen=True)
class HistoryStep:
    label: str
    day: dt.date | None
    url: str = ""
    title: str = ""


def parcel_history(parcel: Parcel) -> list[HistoryStep]:
    """From plan to result, the public steps of a parcel with their days."""
    steps = []
    if parcel.plan_id:
        notice = parcel.plan.notices.filter(
            status=NoticeStatus.PUBLISHED, item__live=True
        ).first()
        if notice is not None:
            steps.append(
                HistoryStep(
                    str(NoticeKind.SUPPLY_PLAN.label),
                    notice.published_on,
                    notice.item.url if notice.item else "",
                    parcel.plan.display_title,
                )
            )
    announcement = parcel.announcement
    notices = {
        notice.kind: notice
        for notice in announcement.notices.filter(
            status=NoticeStatus.PUBLISHED, item__live=True
        ).select_related("item")
    }
    for kind in (
        NoticeKind.ANNOUNCEMENT,
        NoticeKind.TRANSACTION,
        NoticeKind.SUPPLY_RESULT,
    ):
        notice = notices.get(kind)
        if notice is not None:
            steps.append(
                HistoryStep(
                    str(NoticeKind(kind).label),
                    notice.published_on,
                    notice.item.url if notice.item else "",
                    notice.item.title if notice.item else "",
                )
            )
    return steps


# Deadlines for staff


@dataclass(frozen=True)
class LandDeadline(DueRow):
    announcement: TransferAnnouncement
    what: str
    due_on: dt.date
    days_left: int


def land_deadlines(
    *,
    announcements: QuerySet[TransferAnnouncement],
    today: dt.date,
    periods: Periods,
    calendar: WorkingDayCalendar,
) -> list[LandDeadline]:
    """What must go public by when: each announcement not yet published by
    its latest day (20 days before the sale), and each sale over without its
    成交公示 by 10 working days after it; nearest first. Sales over for more
    than ``LOOKBACK_DAYS`` are left out."""
    rows = []
    recent = announcements.filter(
        Q(listing_ends_on__gte=today - dt.timedelta(days=LOOKBACK_DAYS))
        | Q(
            listing_ends_on__isnull=True,
            sale_starts_on__gte=today - dt.timedelta(days=LOOKBACK_DAYS),
        )
    )
    for announcement in recent.prefetch_related("notices"):
        published = {
            notice.kind
            for notice in announcement.notices.all()
            if notice.status == NoticeStatus.PUBLISHED
        }
        if NoticeKind.ANNOUNCEMENT not in published:
            due = latest_announcement_day(
                sale_starts_on=announcement.sale_starts_on,
                periods=periods,
                calendar=calendar,
            )
            what = _("发布出让公告")
        elif NoticeKind.TRANSACTION not in published and announcement.sold_on <= today:
            due = result_due_on(
                sold_on=announcement.sold_on, periods=periods, calendar=calendar
            )
            what = _("公布成交结果（成交公示）")
        else:
            continue
        rows.append(
            LandDeadline(
                announcement=announcement,
                what=str(what),
                due_on=due,
                days_left=(due - today).days,
            )
        )
    return sorted(rows, key=lambda row: row.due_on)


def pending_parcels(announcement: TransferAnnouncement) -> list[Parcel]:
    return list(announcement.parcels.filter(outcome=ParcelOutcome.PENDING))


def sent_kinds(announcement: TransferAnnouncement | None) -> set[str]:
    """The notices of ``announcement`` in review or published."""
    if announcement is None or announcement.pk is None:
        return set()
    return set(
        announcement.notices.exclude(status=NoticeStatus.DRAFT).values_list(
            "kind", flat=True
        )
    )
