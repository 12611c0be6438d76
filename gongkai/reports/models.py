"""The annual report (年度报告) of one agency for one year, and the table 二
figures departments enter until the platform holds their facts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.reports.choices import ReportStatus

# domain-rules §2.1: 一, 二, 三 and 六 are confirmed; the wording of 四 and 五
# is UNCONFIRMED, so every title is a field with the short form as default.
DEFAULT_TITLES = {
    "title_overview": "一、总体情况",
    "title_proactive": "二、主动公开政府信息情况",
    "title_requests": "三、收到和处理政府信息公开申请情况",
    "title_appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "title_problems": "五、存在的主要问题及改进情况",
    "title_other": "六、其他需要报告的事项",
}
# The five parts of section 一 (domain-rules §2.1, 条例 Art. 50).
OVERVIEW_PARTS = {
    "proactive_text": "（一）主动公开",
    "on_request_text": "（二）依申请公开",
    "management_text": "（三）政府信息管理",
    "platform_text": "（四）政府信息公开平台建设",
    "oversight_text": "（五）监督保障",
}


def _title(name: str, label: str):
    return models.CharField(label, max_length=100, default=DEFAULT_TITLES[name])


class AnnualDisclosureReport(BaseModel):
    """年度报告: the text sections staff write, the titles, and, once sent to
    review, the figures frozen as they were then. While a draft, tables
    二–四 are computed from the data every time they are shown."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        editable=False,
    )
    title_overview = _title("title_overview", _("第一部分标题"))
    overview_lead = models.TextField(_("总体情况导语"), blank=True)
    proactive_text = models.TextField(_("（一）主动公开"), blank=True)
    on_request_text = models.TextField(_("（二）依申请公开"), blank=True)
    management_text = models.TextField(_("（三）政府信息管理"), blank=True)
    platform_text = models.TextField(_("（四）政府信息公开平台建设"), blank=True)
    oversight_text = models.TextField(
        _("（五）监督保障"),
        blank=True,
        help_text=_("含工作考核、社会评议和责任追究结果（条例第五十条第四项）。"),
    )
    title_proactive = _title("title_proactive", _("第二部分标题"))
    title_requests = _title("title_requests", _("第三部分标题"))
    title_appeals = _title("title_appeals", _("第四部分标题"))
    title_problems = _title("title_problems", _("第五部分标题"))
    problems_text = models.TextField(_("存在的主要问题及改进情况"), blank=True)
    title_other = _title("title_other", _("第六部分标题"))
    other_text = models.TextField(_("其他需要报告的事项"), blank=True)
    item = models.ForeignKey(
        "publishing.GovernmentInformationPage",
        verbose_name=_("发布的信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    frozen_figures = models.JSONField(
        _("定稿数据"), null=True, blank=True, editable=False
    )
    submitted_at = models.DateTimeField(_("送审时间"), null=True, editable=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, editable=False)
    reminded_on = models.DateField(_("已提醒日期"), null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="annual_report_unique_per_agency_year",
                violation_error_message=_("本机关该年度的年度报告已存在。"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    @property
    def title(self) -> str:
        return str(self)

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT


class EnteredFigure(BaseModel):
    """The table 二 figures one department reports for a year, kept in
    other systems until the platform has modules for them: 规章 (where the
    agency makes any), 行政许可, 行政处罚, 行政强制 decisions and 行政事业性收费.
    A blank field means the department did not enter that figure."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("机关"), on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("填报科室"),
        on_delete=models.PROTECT,
        related_name="entered_figures",
    )
    rules_issued = models.PositiveIntegerField(
        _("规章本年制发件数"), null=True, blank=True
    )
    rules_repealed = models.PositiveIntegerField(
        _("规章本年废止件数"), null=True, blank=True
    )
    rules_in_force = models.PositiveIntegerField(
        _("规章现行有效件数"), null=True, blank=True
    )
    licensing_decisions = models.PositiveIntegerField(
        _("行政许可本年处理决定数量"), null=True, blank=True
    )
    penalty_decisions = models.PositiveIntegerField(
        _("行政处罚本年处理决定数量"), null=True, blank=True
    )
    coercion_decisions = models.PositiveIntegerField(
        _("行政强制本年处理决定数量"), null=True, blank=True
    )
    fees_amount = models.DecimalField(
        _("行政事业性收费本年收费金额（万元）"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)

    FIGURE_FIELDS = (
        "rules_issued",
        "rules_repealed",
        "rules_in_force",
        "licensing_decisions",
        "penalty_decisions",
        "coercion_decisions",
        "fees_amount",
    )

    class Meta:
        verbose_name = _("年报填报数据")
        verbose_name_plural = _("年报填报数据")
        ordering = ["-year", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "department"],
                name="entered_figure_unique_per_department_year",
                violation_error_message=_("该科室本年度已填报，请修改原记录。"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年 {self.department}"
