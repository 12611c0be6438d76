"""Setting up the three-level review for an agency (idempotent)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
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
