"""The review task of each level, as a Wagtail workflow task."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from gongkai.review import rules
from gongkai.review.choices import ReviewLevel


class ReviewTask(AbstractGroupApprovalTask):
    """One level of 三审: members of the task's groups decide, subject to
    the rules in ``rules.py``; each decision (reviewer, time, opinion) is
    kept in the item's workflow history."""

    level = models.CharField(
        _("审核层级"),
        max_length=10,
        choices=ReviewLevel.choices,
        default=ReviewLevel.FIRST,
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "level"]

    class Meta:
        verbose_name = _("三审审核环节")
        verbose_name_plural = _("三审审核环节")

    def refusal_for(self, task_state: TaskState, user) -> str:
        # Imported here: selectors read publishing models, which load after
        # Wagtail's task models.
        from gongkai.review import selectors

        workflow_state = task_state.workflow_state
        content = workflow_state.content_object
        content = getattr(content, "specific", content)
        author_ids = {
            user_id
            for user_id in (
                workflow_state.requested_by_id,
                getattr(content, "owner_id", None),
                task_state.revision.user_id if task_state.revision_id else None,
            )
            if user_id
        }
        earlier_reviewer_ids = set(
            TaskState.objects.filter(
                workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
            )
            .exclude(pk=task_state.pk)
            .exclude(finished_by__isnull=True)
            .values_list("finished_by_id", flat=True)
        )
        requires_interpretation = self.level == ReviewLevel.FINAL and getattr(
            content, "requires_interpretation", False
        )
        return rules.refusal(
            rules.ReviewContext(
                requires_interpretation=requires_interpretation,
                has_reviewed_interpretation=requires_interpretation
                and bool(selectors.reviewed_interpretations(content)),
                level=self.level,
                reviewer_id=user.pk,
                reviewer_department_id=getattr(user, "department_id", None),
                author_ids=frozenset(author_ids),
                earlier_reviewer_ids=frozenset(earlier_reviewer_ids),
                drafting_department_id=getattr(content, "department_id", None),
            )
        )

    def _current_task_state(self, obj):
        workflow_state = obj.current_workflow_state
        return workflow_state.current_task_state if workflow_state else None

    def get_actions(self, obj, user):
        if not super().get_actions(obj, user):
            return []
        task_state = self._current_task_state(obj)
        if task_state is not None and self.refusal_for(task_state, user):
            return []
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("审核通过"), False),
            ("approve", _("审核通过并填写意见"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        reason = self.refusal_for(task_state, user)
        if reason:
            raise PermissionDenied(reason)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        # The queue shows only what this user may decide, oldest first.
        allowed = [state.pk for state in states if not self.refusal_for(state, user)]
        return TaskState.objects.filter(pk__in=allowed).order_by("started_at")

    @classmethod
    def get_description(cls):
        return _(
            "三审中的一个层级：由指定权限组成员审核，审核人不能是作者，也不能兼任其他层级。"
        )
