"""Work plans and their tasks (任务分解表), with the progress departments
report on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.supervision.due_rules import FIXED, KIND_LABELS, RELATIVE, STANDING
from gongkai.supervision.measures import KIND_LABELS as MEASURE_LABELS


class Evidence(models.Model):
    """What shows a task or measure was carried out: a published item or a
    link."""

    evidence_item = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("佐证：已发布信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_url = models.URLField(_("佐证链接"), blank=True)

    class Meta:
        abstract = True


class WorkPlan(BaseModel):
    """A yearly 政务公开 work plan whose annex table assigns the tasks."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="work_plans",
    )
    title = models.CharField(_("名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"))
    issued_on = models.DateField(
        _("印发日期"), help_text=_("“本方案发布之日起”的时限由此计算。")
    )
    document = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("方案原文"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("工作方案")
        verbose_name_plural = _("工作方案")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "title"], name="work_plan_title_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class PlanTask(BaseModel):
    """One row of the 任务分解表, as written, with what the platform parsed
    from it: the lead and implementing units and the due rule."""

    plan = models.ForeignKey(
        WorkPlan,
        verbose_name=_("工作方案"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    number = models.PositiveSmallIntegerField(_("序号"))
    task = models.CharField(_("工作任务"), max_length=200)
    focus = models.CharField(_("工作要点"), max_length=200, blank=True)
    requirement = models.TextField(_("工作要求"))
    responsible = models.CharField(_("责任单位"), max_length=300)
    lead_units = models.JSONField(_("牵头单位"), default=list)
    implementing_units = models.JSONField(_("具体落实单位"), default=list)
    departments = models.ManyToManyField(
        "accounts.Department",
        verbose_name=_("责任科室"),
        blank=True,
        related_name="plan_tasks",
        help_text=_("按责任单位名称匹配的科室，负责报送进展。"),
    )
    deadline_text = models.CharField(_("时限要求"), max_length=300)
    due_kind = models.CharField(
        _("时限类型"),
        max_length=20,
        choices=[(key, label) for key, label in KIND_LABELS.items()],
    )
    due_on = models.DateField(_("完成期限"), null=True, blank=True)
    event = models.CharField(_("起算事件"), max_length=100, blank=True)
    period_days = models.PositiveSmallIntegerField(_("期限天数"), default=0)
    review_cycle_days = models.PositiveSmallIntegerField(
        _("检查周期（天）"),
        default=90,
        help_text=_("长期坚持和按事件计时的任务，每隔这些天须报送一次进展。"),
    )
    done_on = models.DateField(_("完成日期"), null=True, blank=True)
    # The deadline the last overdue reminder was for: one reminder each.
    reminded_for = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("督办任务")
        verbose_name_plural = _("督办任务")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="plan_task_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.requirement[:30]}"

    @property
    def is_fixed(self) -> bool:
        return self.due_kind == FIXED

    @property
    def is_relative(self) -> bool:
        return self.due_kind == RELATIVE

    @property
    def is_standing(self) -> bool:
        return self.due_kind == STANDING


class ProgressReport(Evidence, BaseModel):
    """A department's report on a task, with its evidence."""

    task = models.ForeignKey(
        PlanTask,
        verbose_name=_("督办任务"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("报送科室"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_on = models.DateField(_("报送日期"))
    note = models.TextField(_("进展情况"))
    evidence_case = models.ForeignKey(
        "applications.Application",
        verbose_name=_("佐证：依申请公开案件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completes_task = models.BooleanField(_("任务已完成"), default=False)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("进展报送")
        verbose_name_plural = _("进展报送")

    def __str__(self) -> str:
        return f"{self.task} {self.reported_on:%Y-%m-%d}"


class StandingMeasure(BaseModel):
    """A 保障措施 of the plan tracked like a task: a meeting, a report to the
    head or a training session so many times a year, or the guide and the
    catalogue kept current."""

    plan = models.ForeignKey(
        WorkPlan,
        verbose_name=_("工作方案"),
        on_delete=models.CASCADE,
        related_name="measures",
    )
    kind = models.CharField(
        _("措施"),
        max_length=20,
        choices=[(key, label) for key, label in MEASURE_LABELS.items()],
    )
    requirement = models.TextField(_("方案要求"))
    times_per_year = models.PositiveSmallIntegerField(
        _("每年至少次数"),
        default=1,
        help_text=_("0 表示由平台保持更新，不按次数计。"),
    )

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = _("保障措施")
        verbose_name_plural = _("保障措施")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind"], name="standing_measure_unique_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan.year} {self.get_kind_display()}"


class MeasureRecord(Evidence, BaseModel):
    """One meeting, report to the head or training session held, with its
    evidence, as the office records it."""

    measure = models.ForeignKey(
        StandingMeasure,
        verbose_name=_("保障措施"),
        on_delete=models.CASCADE,
        related_name="records",
    )
    held_on = models.DateField(_("日期"))
    title = models.CharField(_("名称"), max_length=200)
    note = models.TextField(_("主要内容"), blank=True)
    participants = models.PositiveIntegerField(_("参加人数"), null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("保障措施落实记录")
        verbose_name_plural = _("保障措施落实记录")

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"
