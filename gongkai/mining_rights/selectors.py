"""Reads of mining rights: periods, what staff work on, what the public sees
(what went live through 三审), and the deadlines the dashboard flags."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from gongkai.accounts.selectors import scoped_to_staff
from gongkai.core.admin_panels import DueRow
from gongkai.core.calendar import WorkingDayCalendar
from gongkai.land_market.periods import (
    ERROR,
    PeriodProblem,
    Periods,
    latest_announcement_day,
    listing_working_days,
    result_due_on,
    sale_problems,
)
from gongkai.mining_rights.choices import MiningNoticeKind, SaleOutcome
from gongkai.mining_rights.models import (
    MiningApproval,
    MiningDisclosure,
    MiningNotice,
    MiningRightsPolicy,
    MiningRightTransfer,
)
from gongkai.publishing.generated import GeneratedStatus

COLUMN_SLUG = "mining-rights"


def mining_policy() -> MiningRightsPolicy:
    return MiningRightsPolicy.load()


def visible_transfers(user) -> QuerySet[MiningRightTransfer]:
    return scoped_to_staff(
        MiningRightTransfer.objects.all(), user, agency_field="agency"
    )


def visible_approvals(user) -> QuerySet[MiningApproval]:
    return scoped_to_staff(MiningApproval.objects.all(), user, agency_field="agency")


def visible_disclosures(user) -> QuerySet[MiningDisclosure]:
    return scoped_to_staff(MiningDisclosure.objects.all(), user, agency_field="agency")


def transfer_problems(
    *,
    transfer: MiningRightTransfer,
    kind: str,
    today: dt.date,
    periods: Periods,
    publicity_working_days: int,
    calendar: WorkingDayCalendar,
    confirmation_working_days: int,
) -> list[PeriodProblem]:
    """What breaks the periods if the ``kind`` notice is published today."""
    if kind == MiningNoticeKind.ANNOUNCEMENT:
        return sale_problems(
            published_on=today,
            sale_starts_on=transfer.sale_starts_on,
            listing_starts_on=transfer.listing_starts_on,
            listing_ends_on=transfer.listing_ends_on,
            periods=periods,
            calendar=calendar,
        )
    if transfer.outcome == SaleOutcome.PENDING:
        return [PeriodProblem(ERROR, _("还没有出让结果。"))]
    problems = []
    if transfer.outcome == SaleOutcome.SOLD and transfer.confirmed_on is None:
        return [PeriodProblem(ERROR, _("请填写成交确认书生效日期。"))]
    if transfer.outcome == SaleOutcome.SOLD:
        traded_on = transfer.listing_ends_on or transfer.sale_starts_on
        latest = calendar.add_working_days(traded_on, confirmation_working_days)
        if transfer.confirmed_on > latest:
            problems.append(
                PeriodProblem(
                    "warning",
                    _(
                        "成交确认书应在交易结束（%(traded)s）后%(days)d个工作日内"
                        "（%(latest)s 前）签订，实际生效日期为 %(confirmed)s，请说明原因。"
                    )
                    % {
                        "traded": traded_on.isoformat(),
                        "days": confirmation_working_days,
                        "latest": latest.isoformat(),
                        "confirmed": transfer.confirmed_on.isoformat(),
                    },
                )
            )
        due = result_due_on(
            sold_on=transfer.confirmed_on, periods=periods, calendar=calendar
        )
        if today > due:
            problems.append(
                PeriodProblem(
                    "warning",
                    _(
                        "出让结果应在成交确认书生效后%(days)d个工作日内（%(due)s 前）公示，已超期。"
                    )
                    % {"days": periods.result, "due": due.isoformat()},
                )
            )
        if transfer.publicity_until is None:
            problems.append(PeriodProblem(ERROR, _("请填写结果公示截止日期。")))
        else:
            until = transfer.publicity_until
            days = (
                listing_working_days(starts_on=today, ends_on=until, calendar=calendar)
                if until >= today
                else 0
            )
            if days < publicity_working_days:
                problems.append(
                    PeriodProblem(
                        ERROR,
                        _(
                            "公示期（自发布之日至 %(until)s）只有%(days)d个工作日，"
                            "不得少于%(min)d个工作日。"
                        )
                        % {
                            "until": until.isoformat(),
                            "days": days,
                            "min": publicity_working_days,
                        },
                    )
                )
    return problems


def _published():
    # A withdrawn item (撤稿) takes its notice off the portal at once.
    return MiningNotice.objects.filter(
        status=GeneratedStatus.PUBLISHED, item__live=True
    ).select_related("item")


def public_transfers(*, agency) -> QuerySet[MiningRightTransfer]:
    return (
        MiningRightTransfer.objects.filter(
            agency=agency,
            pk__in=_published()
            .filter(kind=MiningNoticeKind.ANNOUNCEMENT)
            .values("transfer_id"),
        )
        .prefetch_related(
            Prefetch("notices", queryset=_published(), to_attr="published_notices")
        )
        .order_by("-sale_starts_on", "-pk")
    )


def public_approvals(*, agency) -> QuerySet[MiningApproval]:
    return MiningApproval.objects.filter(
        agency=agency, pk__in=_published().values("approval_id")
    ).prefetch_related(
        Prefetch("notices", queryset=_published(), to_attr="published_notices")
    )


def public_disclosures(*, agency) -> QuerySet[MiningDisclosure]:
    return MiningDisclosure.objects.filter(
        agency=agency, pk__in=_published().values("disclosure_id")
    ).prefetch_related(
        Prefetch("notices", queryset=_published(), to_attr="published_notices")
    )


def result_public(transfer: MiningRightTransfer) -> bool:
    return any(n.kind == MiningNoticeKind.RESULT for n in transfer.published_notices)


@dataclass(frozen=True)
class MiningDeadline(DueRow):
    transfer: MiningRightTransfer
    what: str
    due_on: dt.date
    days_left: int


def mining_deadlines(
    *,
    transfers: QuerySet,
    today: dt.date,
    periods: Periods,
    calendar: WorkingDayCalendar,
) -> list[MiningDeadline]:
    from gongkai.land_market.selectors import LOOKBACK_DAYS

    rows = []
    recent = transfers.filter(
        sale_starts_on__gte=today - dt.timedelta(days=LOOKBACK_DAYS)
    )
    for transfer in recent.prefetch_related("notices"):
        published = {n.kind for n in transfer.notices.all() if n.is_published}
        if MiningNoticeKind.ANNOUNCEMENT not in published:
            due = latest_announcement_day(
                sale_starts_on=transfer.sale_starts_on,
                periods=periods,
                calendar=calendar,
            )
            what = _("发布矿业权出让公告")
        elif MiningNoticeKind.RESULT not in published and transfer.confirmed_on:
            due = result_due_on(
                sold_on=transfer.confirmed_on, periods=periods, calendar=calendar
            )
            what = _("公示矿业权出让结果")
        else:
            continue
        rows.append(MiningDeadline(transfer, str(what), due, (due - today).days))
    return sorted(rows, key=lambda row: row.due_on)
