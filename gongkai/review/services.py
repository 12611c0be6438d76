"""Setting up the three-level review for an agency (idempotent), the
machine pre-review (机器预审) verdict on an item, and one-click masking of
the personal data it finds."""

from dataclasses import dataclass, field
from pathlib import PurePath

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from gongkai.accounts.models import Agency, User
from gongkai.review.checks.findings import FindingKind
from gongkai.review.choices import ReviewLevel
from gongkai.review.models import ReviewTask

WORKFLOW_NAME = "三审"


def reviewer_group(*, agency: Agency, level: str) -> Group:
    group, _ = Group.objects.get_or_create(
        name=f"{agency.short_name or agency.name}·{ReviewLevel(level).label}"
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


@transaction.atomic
def setup_review_workflow(
    *, agency: Agency, root_column, actor: User | None = None
) -> Workflow:
    """The 三审 workflow (初审 → 复审 → 终审) on ``root_column`` and
    everything below it; reviewers are the members of one group per level."""
    workflow, _ = Workflow.objects.get_or_create(name=f"{agency.name}{WORKFLOW_NAME}")
    for order, level in enumerate(ReviewLevel):
        name = f"{agency.name}{level.label}"
        task = ReviewTask.objects.filter(name=name).first()
        if task is None:
            task = ReviewTask.objects.create(name=name, level=level)
        task.groups.add(reviewer_group(agency=agency, level=level))
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowPage.objects.update_or_create(
        page=root_column, defaults={"workflow": workflow}
    )
    return workflow


@transaction.atomic
def appoint_reviewer(
    *, agency: Agency, user: User, level: str, actor: User | None = None
) -> None:
    """Make ``user`` a reviewer at ``level`` for ``agency``."""
    user.groups.add(reviewer_group(agency=agency, level=level))


def precheck_findings(*, item, check_external: bool | None = None) -> list:
    """Every machine pre-review finding of ``item`` (the version under
    review), with the office's current word lists; external links are
    looked up as the ``USE_EXTERNAL_LINK_CHECK`` setting says unless
    ``check_external`` is given."""
    from gongkai.review.checks.run import check_item, current_lists

    return check_item(
        item=item,
        lists=current_lists(),
        today=timezone.localdate(),
        check_external=check_external,
    )


def precheck_problem(*, item, findings: list | None = None) -> str:
    """Why the item may not go on: errors found, or warnings without a
    written reason (``precheck_reason``); "" when it may."""
    from gongkai.review.checks.findings import blocking, needing_reason

    findings = precheck_findings(item=item) if findings is None else findings
    errors = blocking(findings)
    if errors:
        return _("机器预审发现 %(count)d 处错误，请修改后再提交：%(first)s") % {
            "count": len(errors),
            "first": describe(errors[0]),
        }
    warnings = needing_reason(findings)
    if warnings and not (getattr(item, "precheck_reason", "") or "").strip():
        return _(
            "机器预审发现 %(count)d 处警告，请在“机器预审警告的处理说明”中说明理由：%(first)s"
        ) % {
            "count": len(warnings),
            "first": describe(warnings[0]),
        }
    return ""


def describe(finding) -> str:
    text = f"{finding.location}：{finding.message}"
    if finding.text:
        text += f"（{finding.text}）"
    if finding.suggestion:
        text += _("，建议：%(suggestion)s") % {"suggestion": finding.suggestion}
    return text


def checked_texts(*, item) -> dict[str, str]:
    """The texts the pre-review reads, by the location its findings name."""
    from gongkai.review.checks.run import attachment_location

    texts = {
        _("标题"): item.title,
        _("内容概述"): item.summary,
        _("正文"): item.body_text,
    }
    for attachment in item.attachments.all():
        document = attachment.document
        name = document.filename if document.file else document.title
        texts[attachment_location(name)] = document.extracted_text
    return texts


# The findings one-click masking removes.
MASKABLE_KINDS = frozenset(
    {FindingKind.PERSONAL_ID, FindingKind.MOBILE, FindingKind.BANK_CARD}
)


@dataclass
class MaskingReport:
    """What one-click masking changed (the locations, in the pre-review's
    names) and which attachments the editor must replace by hand."""

    masked: list[str] = field(default_factory=list)
    not_maskable: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.masked)


@transaction.atomic
def mask_personal_data(*, item, actor: User) -> MaskingReport:
    """Mask the personal data the pre-review blocks (identity and card
    numbers, mobiles that are not a published contact number) in the
    latest version of ``item``: title, summary, body and DOCX/XLSX
    attachments, which are replaced by masked copies. Saves a new draft
    revision, logged as 一键脱敏; the item's review is not bypassed."""
    from gongkai.publishing.extraction import extract_text
    from gongkai.publishing.services import AttachmentFile, store_attachment
    from gongkai.review.checks.run import attachment_location
    from gongkai.review.masking import (
        CannotMaskFile,
        mask_file,
        mask_personal_text,
        mask_stream_data,
        masked_hits,
    )

    draft = item.get_latest_revision_as_object()
    report = MaskingReport()
    for name, label in (("title", _("标题")), ("summary", _("内容概述"))):
        value = getattr(draft, name)
        masked = mask_personal_text(value)
        if masked != value:
            setattr(draft, name, masked)
            report.masked.append(label)
    raw_body = list(draft.body.raw_data)
    masked_body = mask_stream_data(raw_body)
    if masked_body != raw_body:
        draft.body = masked_body
        report.masked.append(_("正文"))
    for attachment in draft.attachments.all():
        document = attachment.document
        name = PurePath(document.file.name).name if document.file else document.title
        location = attachment_location(document.filename or name)
        try:
            with document.open_file() as handle:
                data = handle.read()
        except OSError:
            continue  # the pre-review reports the missing file
        text = document.extracted_text or extract_text(name=name, data=data).text
        if not masked_hits(text):
            continue
        try:
            masked = mask_file(name=name, data=data)
        except CannotMaskFile:
            masked = None
        if masked is None:
            report.not_maskable.append(location)
            continue
        try:
            copy = store_attachment(
                file=AttachmentFile(name=name, data=masked, title=document.title),
                actor=actor,
            )
        except ValidationError:
            report.not_maskable.append(location)
            continue
        attachment.document = copy
        report.masked.append(location)
    if report.changed:
        draft.save_revision(user=actor, log_action=True)
        log(
            instance=item,
            action="review.masked",
            user=actor,
            data={"masked": report.masked, "not_maskable": report.not_maskable},
        )
    return report
