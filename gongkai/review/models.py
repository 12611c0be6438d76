"""The review task of each level, as a Wagtail workflow task."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, RevisionMixin, TaskState

from gongkai.core.models import BaseModel
from gongkai.review import rules
from gongkai.review.checks.findings import Severity
from gongkai.review.choices import ReviewLevel
from gongkai.review.errors import ReviewRefusedError


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

    def refusal_for(
        self, task_state: TaskState, user, *, approving: bool = True
    ) -> str:
        """Why ``user`` may not decide (``approving=False``: who they are) or
        may not approve (also: what the content is), or "".

        Only approval looks at the content (机器预审, 三同步), which costs a
        full pre-review; listing queues and buttons never does.
        """
        # Imported here: selectors read publishing models, which load after
        # Wagtail's task models.
        from gongkai.review import selectors, services

        workflow_state = task_state.workflow_state
        content = workflow_state.content_object
        content = getattr(content, "specific", content)
        # Drafts live in revisions: judge the version under review.
        if hasattr(content, "get_latest_revision_as_object"):
            content = content.get_latest_revision_as_object()
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
        identity = {
            "level": self.level,
            "reviewer_id": user.pk,
            "reviewer_department_id": getattr(user, "department_id", None),
            "author_ids": frozenset(author_ids),
            "earlier_reviewer_ids": frozenset(earlier_reviewer_ids),
            "drafting_department_id": getattr(content, "department_id", None),
        }
        if not approving:
            return rules.reviewer_refusal(rules.ReviewContext(**identity))
        requires_interpretation = self.level == ReviewLevel.FINAL and getattr(
            content, "requires_interpretation", False
        )
        document = getattr(content, "interprets", None)
        is_late_interpretation = self.level == ReviewLevel.FINAL and bool(
            document is not None and document.live
        )
        precheck_problem = (
            services.precheck_problem(item=content)
            if self.level in (ReviewLevel.FIRST, ReviewLevel.FINAL)
            and hasattr(content, "body_text")
            else ""
        )
        return rules.refusal(
            rules.ReviewContext(
                precheck_problem=precheck_problem,
                is_late_interpretation=is_late_interpretation,
                has_late_reason=bool(
                    getattr(content, "late_interpretation_reason", "").strip()
                ),
                requires_interpretation=requires_interpretation,
                has_reviewed_interpretation=requires_interpretation
                and bool(selectors.reviewed_interpretations(content)),
                **identity,
            )
        )

    def _current_task_state(self, obj):
        workflow_state = obj.current_workflow_state
        return workflow_state.current_task_state if workflow_state else None

    def get_actions(self, obj, user):
        if not super().get_actions(obj, user):
            return []
        task_state = self._current_task_state(obj)
        if task_state is not None and self.refusal_for(
            task_state, user, approving=False
        ):
            return []
        return [
            ("reject", _("退回修改"), True),
            ("approve", _("审核通过"), False),
            ("approve", _("审核通过并填写意见"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        reason = self.refusal_for(task_state, user, approving=action_name == "approve")
        if reason:
            raise ReviewRefusedError(reason)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        # The queue shows only what this user may decide, oldest first.
        allowed = [
            state.pk
            for state in states
            if not self.refusal_for(state, user, approving=False)
        ]
        return TaskState.objects.filter(pk__in=allowed).order_by("started_at")

    @classmethod
    def get_description(cls):
        return _(
            "三审中的一个层级：由指定权限组成员审核，审核人不能是作者，也不能兼任其他层级。"
        )


class SensitiveExpression(RevisionMixin, BaseModel):
    """An expression official texts must not use, or may use only with a
    reason (敏感或禁用表述); the office keeps the list, with history, for the
    machine pre-review (机器预审)."""

    expression = models.CharField(_("表述"), max_length=100)
    severity = models.CharField(
        _("级别"),
        max_length=10,
        choices=Severity.choices,
        default=Severity.ERROR,
        help_text=_("错误：阻止提交审核；警告：须填写理由后才能提交。"),
    )
    note = models.CharField(_("说明及建议"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("敏感表述")
        verbose_name_plural = _("敏感表述")
        ordering = ["expression"]
        constraints = [
            models.UniqueConstraint(
                fields=["expression"],
                name="sensitive_expression_unique",
                violation_error_message=_("词库中已有该表述。"),
            ),
            models.CheckConstraint(
                condition=~models.Q(expression=""),
                name="sensitive_expression_not_empty",
            ),
            models.CheckConstraint(
                condition=models.Q(severity__in=Severity.values),
                name="sensitive_expression_severity_valid",
            ),
        ]

    def __str__(self):
        return self.expression


class CommonMisspelling(RevisionMixin, BaseModel):
    """A common miswritten word (错别字) and its right form, for the machine
    pre-review; the office keeps the list, with history."""

    wrong = models.CharField(_("错误写法"), max_length=50)
    right = models.CharField(_("正确写法"), max_length=50)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("常见错别字")
        verbose_name_plural = _("常见错别字")
        ordering = ["wrong"]
        constraints = [
            models.UniqueConstraint(
                fields=["wrong"],
                name="common_misspelling_unique",
                violation_error_message=_("词库中已有该错误写法。"),
            ),
            models.CheckConstraint(
                condition=~models.Q(wrong="") & ~models.Q(wrong=models.F("right")),
                name="common_misspelling_differs_from_right",
                violation_error_message=_("错误写法不能为空，也不能与正确写法相同。"),
            ),
        ]

    def __str__(self):
        return f"{self.wrong} → {self.right}"
