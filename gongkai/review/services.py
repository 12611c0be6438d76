"""Setting up the three-level review for an agency (idempotent), and the
machine pre-review (机器预审) verdict on an item."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from gongkai.accounts.models import Agency, User
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


def precheck_findings(*, item) -> list:
    """Every machine pre-review finding of ``item`` (the version under
    review), with the office's current word lists."""
    from gongkai.review.checks.run import check_item, current_lists

    return check_item(item=item, lists=current_lists(), today=timezone.localdate())


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
    text = f"{finding.location}：{finding.message}（{finding.text}）"
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
