"""Writes of the land market: sending its notices to 三审 (checked against
the statutory periods), taking them back, and recording them published
when their item goes live."""

import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import User
from gongkai.core.selectors import working_day_calendar
from gongkai.land_market import selectors
from gongkai.land_market.choices import (
    NoticeKind,
    NoticeStatus,
    ParcelOutcome,
)
from gongkai.land_market.errors import LandMarketRefusedError
from gongkai.land_market.models import (
    LandMarketNotice,
    SupplyPlan,
    TransferAnnouncement,
)
from gongkai.land_market.periods import result_problems
from gongkai.publishing import generated


def notice_problems(
    *,
    kind: str,
    announcement: TransferAnnouncement | None = None,
    plan: SupplyPlan | None = None,
) -> tuple[list[str], list[str]]:
    """(errors, warnings) standing in the way of sending this notice to
    review today."""
    errors: list[str] = []
    warnings: list[str] = []
    if kind == NoticeKind.SUPPLY_PLAN:
        if plan is None or not plan.lines.exists():
            errors.append(_("供应计划还没有按用途填写计划面积。"))
        return errors, warnings
    parcels = list(announcement.parcels.all())
    if not parcels:
        errors.append(_("出让公告还没有宗地。"))
    if kind == NoticeKind.ANNOUNCEMENT:
        for problem in selectors.announcement_problems(
            announcement=announcement,
            published_on=timezone.localdate(),
            periods=selectors.land_periods(),
            calendar=working_day_calendar(),
        ):
            (errors if problem.is_error else warnings).append(problem.message)
        missing = [parcel.code for parcel in parcels if parcel.starting_price is None]
        if missing:
            errors.append(
                _("宗地 %(codes)s 未填写起始价。") % {"codes": "、".join(missing)}
            )
        return errors, warnings
    published = selectors.published_kinds(announcement)
    if NoticeKind.ANNOUNCEMENT not in published:
        errors.append(_("出让公告发布后才能公布结果。"))
    if kind == NoticeKind.TRANSACTION:
        pending = [p.code for p in parcels if p.outcome == ParcelOutcome.PENDING]
        if pending:
            errors.append(
                _("宗地 %(codes)s 还没有出让结果。") % {"codes": "、".join(pending)}
            )
        if announcement.sold_on > timezone.localdate():
            errors.append(_("出让活动尚未结束。"))
        else:
            warnings += [
                problem.message
                for problem in result_problems(
                    sold_on=announcement.sold_on,
                    published_on=timezone.localdate(),
                    periods=selectors.land_periods(),
                    calendar=working_day_calendar(),
                )
            ]
    if kind == NoticeKind.SUPPLY_RESULT:
        if NoticeKind.TRANSACTION not in published:
            errors.append(_("成交公示发布后才能公布供应结果。"))
        unsigned = [
            p.code
            for p in parcels
            if p.outcome == ParcelOutcome.SOLD and not p.contract_signed_on
        ]
        if unsigned:
            errors.append(
                _("宗地 %(codes)s 还没有填写合同签订日期。")
                % {"codes": "、".join(unsigned)}
            )
    return errors, warnings


def _genres():
    from gongkai.catalog.choices import Genre

    return {
        NoticeKind.SUPPLY_PLAN: Genre.PLAN,
        NoticeKind.ANNOUNCEMENT: Genre.ANNOUNCEMENT,
        NoticeKind.TRANSACTION: Genre.PUBLICITY,
        NoticeKind.SUPPLY_RESULT: Genre.PUBLICITY,
    }


def _title(*, kind: str, announcement=None, plan=None) -> str:
    if kind == NoticeKind.SUPPLY_PLAN:
        return plan.display_title
    if kind == NoticeKind.ANNOUNCEMENT:
        return announcement.display_title
    return _("%(number)s %(kind)s") % {
        "number": announcement.number,
        "kind": NoticeKind(kind).label,
    }


def notice_item_data(*, kind: str, subject, written_on):
    """The item a notice is published as, written from its records."""
    from gongkai.publishing.services import ItemData

    lookup = (
        {"plan": subject}
        if kind == NoticeKind.SUPPLY_PLAN
        else {"announcement": subject}
    )
    title = _title(kind=kind, **lookup)
    return ItemData(
        title=title,
        written_on=written_on,
        publisher=subject.agency.name,
        department=getattr(subject, "department", None),
        genre=_genres()[kind],
        summary=title,
        body_html=render_to_string(
            "land_market/notice_body.html",
            {
                "kind": kind,
                "plan": subject if kind == NoticeKind.SUPPLY_PLAN else None,
                "announcement": subject if kind != NoticeKind.SUPPLY_PLAN else None,
                "parcels": []
                if kind == NoticeKind.SUPPLY_PLAN
                else list(subject.parcels.all()),
            },
        ),
    )


@transaction.atomic
def submit_notice(
    *,
    kind: str,
    actor: User,
    announcement: TransferAnnouncement | None = None,
    plan: SupplyPlan | None = None,
) -> LandMarketNotice:
    """送审: the notice, written from the records, goes to 三审 as an item of
    the 自然资源市场交易 column; it counts as published when the item goes
    live. Refused while a statutory period would be broken."""
    subject = plan if kind == NoticeKind.SUPPLY_PLAN else announcement
    if subject is None:
        raise LandMarketRefusedError(_("没有要发布的记录。"))
    subject = type(subject).objects.select_for_update().get(pk=subject.pk)
    lookup = {"plan": subject} if plan is not None else {"announcement": subject}
    notice, _created = LandMarketNotice.objects.select_for_update().get_or_create(
        kind=kind, **lookup
    )
    if notice.status != NoticeStatus.DRAFT:
        raise LandMarketRefusedError(_("该信息已送审或已发布。"))
    errors, _warnings = notice_problems(kind=kind, **lookup)
    if errors:
        raise LandMarketRefusedError(" ".join(errors))
    try:
        item = generated.send_to_review(
            notice=notice,
            column=generated.column_of(
                agency=subject.agency,
                slug=selectors.COLUMN_SLUG,
                title=_("自然资源市场交易"),
            ),
            data=notice_item_data(
                kind=kind, subject=subject, written_on=timezone.localdate()
            ),
            slug=f"land-{kind.replace('_', '-')}-{subject.pk}-{secrets.token_hex(3)}",
            actor=actor,
        )
    except generated.NoticeRefusedError as error:
        raise LandMarketRefusedError(str(error)) from error
    log(
        instance=subject,
        action="land_market.notice_submitted",
        user=actor,
        data={"kind": kind, "item": item.pk},
    )
    return notice


@transaction.atomic
def reopen_notice(*, notice: LandMarketNotice, actor: User) -> LandMarketNotice:
    """撤回修改: back to draft while its item is still in review."""
    notice = LandMarketNotice.objects.select_for_update().get(pk=notice.pk)
    try:
        generated.take_back(notice=notice, actor=actor)
    except generated.NoticeRefusedError as error:
        raise LandMarketRefusedError(str(error)) from error
    log(
        instance=notice.plan or notice.announcement,
        action="land_market.notice_reopened",
        user=actor,
        data={"kind": notice.kind},
    )
    return notice


@transaction.atomic
def record_notice_publication(*, item, actor: User | None = None) -> int:
    """A notice's item went live at the end of 三审: the notice is published
    on that day. Idempotent."""
    published = generated.mark_published(model=LandMarketNotice, item=item)
    for notice in published:
        log(
            instance=notice.plan or notice.announcement,
            action="land_market.notice_published",
            user=actor,
            data={"kind": notice.kind},
        )
    return len(published)
