"""Health-check runs with their findings, the cache of external-link checks,
and the check's policy values (thresholds and deductions)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from gongkai.core.models import BaseModel
from gongkai.site_health.choices import Indicator, Outcome, Trigger, Verdict

# Item fields the check can require, with the names of domain-rules §3.5.
METADATA_FIELDS: dict[str, str] = {
    "index_number": "索引号",
    "title": "名称",
    "summary": "内容概述",
    "written_on": "生成日期",
    "publisher": "发布机构",
    "published_on": "发布日期",
    "document_number": "文号",
    "keywords": "关键词",
}
# domain-rules §3.5 default: 索引号、名称、内容概述、生成日期、发布机构、发布日期.
DEFAULT_REQUIRED_METADATA = (
    "index_number,title,summary,written_on,publisher,published_on"
)


def validate_metadata_fields(value: str) -> None:
    unknown = [key for key in split_fields(value) if key not in METADATA_FIELDS]
    if unknown:
        raise ValidationError(
            _("未知的元数据字段：%(fields)s。可用：%(known)s"),
            params={"fields": "、".join(unknown), "known": ", ".join(METADATA_FIELDS)},
        )


def split_fields(value: str) -> list[str]:
    return [
        part.strip() for part in value.replace("，", ",").split(",") if part.strip()
    ]


def _days(label, default, help_text=""):
    return models.PositiveIntegerField(
        label, default=default, validators=[MinValueValidator(1)], help_text=help_text
    )


def _points(label, default):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal(0))],
    )


@register_setting(icon="pick")
class HealthCheckPolicy(BaseGenericSetting):
    """The thresholds of the national indicators (国办秘函〔2019〕19号, domain-
    rules §3.2, wording URL-UNCONFIRMED: each one editable, with the stated
    default) and the deduction values, which no authoritative text fixes
    (UNCONFIRMED): the score they give is a reference score."""

    home_stale_days = _days(_("首页不更新（天）"), 14, _("§3.2第3项：2周。"))
    stale_frequent_columns_veto = _days(
        _("动态、通知公告、政策文件栏目不更新：否决个数"),
        5,
        _("§3.2第4项：超过更新周期的此类栏目累计达到该数即单项否决。"),
    )
    long_unupdated_columns_veto = _days(
        _("栏目长期未更新：否决个数"), 10, _("§3.2第4项：10个。")
    )
    empty_columns_veto = _days(_("空白栏目：否决个数"), 5, _("§3.2第4项：5个。"))
    message_reply_days = _days(
        _("留言超期未回复（天）"), 90, _("§3.2第5项：超过3个月未回复即单项否决。")
    )
    required_metadata = models.CharField(
        _("必填元数据"),
        max_length=300,
        default=DEFAULT_REQUIRED_METADATA,
        validators=[validate_metadata_fields],
        help_text=_(
            "以逗号分隔：index_number 索引号, title 名称, summary 内容概述, "
            "written_on 生成日期, publisher 发布机构, published_on 发布日期, "
            "document_number 文号, keywords 关键词。"
        ),
    )
    late_items_window_days = _days(_("超期发布：检查最近多少天内发布的信息"), 365)
    zombie_min_days = _days(
        _("僵尸栏目：至少多少天无新信息"),
        365,
        _("《政府网站发展指引》：无力持续更新的栏目应优化调整（合并或关闭）。"),
    )
    zombie_cycle_multiple = _days(_("僵尸栏目：超过更新周期的倍数"), 3)
    topic_sleep_days = _days(_("睡眠专题：多少天无新信息"), 180)
    pass_score = _days(
        _("合格分数线"), 60, _("§3.1：扣分指标满分100分，低于60分不合格。")
    )
    points_home_broken_link = _points(_("首页每个不可用链接扣分"), "1")
    points_broken_link = _points(_("其他页面每个不可用链接扣分"), "0.1")
    points_stale_column = _points(_("每个未按周期更新的栏目扣分"), "1")
    points_empty_column = _points(_("每个空白栏目扣分"), "1")
    points_missing_metadata = _points(_("每条元数据缺失的信息扣分"), "0.1")
    points_late_item = _points(_("每条超期发布的信息扣分"), "0.5")
    points_overdue_application = _points(_("每件超期未答复的申请扣分"), "2")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("home_stale_days"),
                FieldPanel("stale_frequent_columns_veto"),
                FieldPanel("long_unupdated_columns_veto"),
                FieldPanel("empty_columns_veto"),
                FieldPanel("message_reply_days"),
            ],
            heading=_("单项否决指标"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("required_metadata"),
                FieldPanel("late_items_window_days"),
                FieldPanel("zombie_min_days"),
                FieldPanel("zombie_cycle_multiple"),
                FieldPanel("topic_sleep_days"),
            ],
            heading=_("其他检查"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_score"),
                FieldPanel("points_home_broken_link"),
                FieldPanel("points_broken_link"),
                FieldPanel("points_stale_column"),
                FieldPanel("points_empty_column"),
                FieldPanel("points_missing_metadata"),
                FieldPanel("points_late_item"),
                FieldPanel("points_overdue_application"),
            ],
            heading=_("扣分值（未经权威文件确认，参考分）"),
        ),
    ]

    class Meta:
        verbose_name = _("网站健康检查设置")


class HealthCheckRun(BaseModel):
    """One health check of an agency's portal: the verdict (合格/不合格) with
    its reasons, the reference score and the counts per indicator."""

    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.CASCADE, related_name="+"
    )
    checked_on = models.DateField(_("检查日期"))
    verdict = models.CharField(_("结论"), max_length=10, choices=Verdict.choices)
    # None when a veto applies: then nothing else is scored (§3.1).
    score = models.DecimalField(
        _("参考分"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    reasons = models.JSONField(_("不合格原因"), default=list, blank=True)
    counts = models.JSONField(_("各指标问题数"), default=dict, blank=True)
    outcomes = models.JSONField(_("各指标结果"), default=dict, blank=True)
    trigger = models.CharField(_("方式"), max_length=10, choices=Trigger.choices)
    triggered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("执行人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_links_checked = models.BooleanField(_("检查了外部链接"), default=False)
    duration_ms = models.PositiveIntegerField(_("用时（毫秒）"), default=0)

    class Meta:
        verbose_name = _("健康检查记录")
        verbose_name_plural = _("健康检查记录")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verdict__in=Verdict.values),
                name="site_health_run_verdict_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.checked_on} {self.get_verdict_display()}"


class HealthFinding(models.Model):
    """One problem a run found: the indicator, the page it is on (with its
    address), what is wrong and, for zombie columns, a suggestion."""

    run = models.ForeignKey(
        HealthCheckRun, on_delete=models.CASCADE, related_name="findings"
    )
    indicator = models.CharField(_("指标"), max_length=30, choices=Indicator.choices)
    outcome = models.CharField(_("结果"), max_length=20, choices=Outcome.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField(_("页面标题"), max_length=255, blank=True)
    page_url = models.CharField(_("页面地址"), max_length=500, blank=True)
    target = models.CharField(_("链接或对象"), max_length=2000, blank=True)
    detail = models.CharField(_("说明"), max_length=500, blank=True)
    suggestion = models.CharField(_("建议"), max_length=200, blank=True)
    points = models.DecimalField(
        _("扣分"), max_digits=6, decimal_places=2, default=Decimal(0)
    )

    class Meta:
        verbose_name = _("检查发现")
        verbose_name_plural = _("检查发现")
        ordering = ["run", "indicator", "pk"]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {self.page_title}"


class ExternalLinkCheck(BaseModel):
    """The last check of one external address, reused until it is older than
    the cache period, so a daily run does not fetch every link again."""

    url = models.CharField(_("地址"), max_length=2000, unique=True)
    checked_at = models.DateTimeField(_("检查时间"), db_index=True)
    status_code = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    is_ok = models.BooleanField(_("可访问"))
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("外部链接检查")
        verbose_name_plural = _("外部链接检查")

    def __str__(self) -> str:
        return self.url
