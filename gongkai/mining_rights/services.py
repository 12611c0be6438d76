"""Writes of mining rights: sending a notice to 三审 (checked against the
periods), taking it back, recording it published."""

import secrets

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import User
from gongkai.core.errors import DomainError
from gongkai.core.selectors import working_day_calendar
from gongkai.mining_rights import selectors
from gongkai.mining_rights.choices import MiningNoticeKind
from gongkai.mining_rights.models import (
    MiningApproval,
    MiningDisclosure,
    MiningNotice,
    MiningRightTransfer,
)
from gongkai.publishing import generated


class MiningRefusedError(DomainError):
    """A mining-right action the rules do not allow."""


SUBJECT_FIELD = {
    MiningRightTransfer: "transfer",
    MiningApproval: "approval",
    MiningDisclosure: "disclosure",
}


def notice_problems(*, kind: str, subject) -> tuple[list[str], list[str]]:
    if not isinstance(subject, MiningRightTransfer):
        return [], []
    policy = selectors.mining_policy()
    problems = selectors.transfer_problems(
        transfer=subject,
        kind=kind,
        today=timezone.localdate(),
        periods=policy.periods(),
        publicity_working_days=policy.publicity_working_days,
        confirmation_working_days=policy.confirmation_working_days,
        calendar=working_day_calendar(),
    )
    return (
        [p.message for p in problems if p.is_error],
        [p.message for p in problems if not p.is_error],
    )


def _title(kind: str, subject) -> str:
    if kind == MiningNoticeKind.ANNOUNCEMENT:
        return subject.display_title
    if kind == MiningNoticeKind.RESULT:
        return _("%(name)s%(type)s出让结果公示") % {
            "name": subject.name,
            "type": subject.get_right_type_display(),
        }
    if kind == MiningNoticeKind.APPROVAL:
        return _("%(name)s%(type)s%(kind)s审批结果") % {
            "name": subject.name,
            "type": subject.get_right_type_display(),
            "kind": subject.get_kind_display(),
        }
    return _("%(year)d年度%(name)s勘查开采信息公示") % {
        "year": subject.year,
        "name": subject.name,
    }


def notice_item_data(*, kind: str, subject, written_on):
    """The item a notice is published as, written from its record."""
    from gongkai.catalog.choices import Genre
    from gongkai.publishing.services import ItemData

    title = _title(kind, subject)
    return ItemData(
        title=title,
        written_on=written_on,
        publisher=subject.agency.name,
        department=subject.department,
        genre=Genre.ANNOUNCEMENT
        if kind == MiningNoticeKind.ANNOUNCEMENT
        else Genre.PUBLICITY,
        summary=title,
        body_html=render_to_string(
            "mining_rights/notice_body.html", {"kind": kind, "subject": subject}
        ),
    )


@transaction.atomic
def submit_notice(*, kind: str, subject, actor: User) -> MiningNotice:
    subject = type(subject).objects.select_for_update().get(pk=subject.pk)
    notice, _created = MiningNotice.objects.select_for_update().get_or_create(
        kind=kind, **{SUBJECT_FIELD[type(subject)]: subject}
    )
    errors, _warnings = notice_problems(kind=kind, subject=subject)
    if kind == MiningNoticeKind.RESULT and not any(
        n.is_published and n.kind == MiningNoticeKind.ANNOUNCEMENT
        for n in subject.notices.all()
    ):
        errors.append(_("出让公告发布后才能公示结果。"))
    if errors:
        raise MiningRefusedError(" ".join(errors))
    try:
        item = generated.send_to_review(
            notice=notice,
            column=generated.column_of(
                agency=subject.agency, slug=selectors.COLUMN_SLUG, title=_("矿业权信息")
            ),
            data=notice_item_data(
                kind=kind, subject=subject, written_on=timezone.localdate()
            ),
            slug=f"mining-{kind}-{subject.pk}-{secrets.token_hex(3)}",
            actor=actor,
        )
    except generated.NoticeRefusedError as error:
        raise MiningRefusedError(str(error)) from error
    log(
        instance=subject,
        action="mining_rights.notice_submitted",
        user=actor,
        data={"kind": kind, "item": item.pk},
    )
    return notice


@transaction.atomic
def reopen_notice(*, notice: MiningNotice, actor: User) -> MiningNotice:
    notice = MiningNotice.objects.select_for_update().get(pk=notice.pk)
    try:
        generated.take_back(notice=notice, actor=actor)
    except generated.NoticeRefusedError as error:
        raise MiningRefusedError(str(error)) from error
    log(instance=notice.subject, action="mining_rights.notice_reopened", user=actor)
    return notice


@transaction.atomic
def record_notice_publication(*, item, actor: User | None = None) -> int:
    published = generated.mark_published(model=MiningNotice, item=item)
    for notice in published:
        log(
            instance=notice.subject,
            action="mining_rights.notice_published",
            user=actor,
            data={"kind": notice.kind},
        )
    return len(published)
