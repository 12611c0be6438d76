"""Abstract models every domain model builds on."""

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


def private_storage():
    """Files with personal data or evidence: never under MEDIA_URL, served
    only by views that check access (settings STORAGES["private"])."""
    return storages["private"]


class BaseModel(models.Model):
    """Creation and update times, indexed, on every domain record."""

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class CalendarOverride(BaseModel):
    """One day the working-day calendar must treat differently from the
    chinesecalendar package: a holiday or a 调休上班 day from a State Council
    holiday notice not yet in the package, or a correction to it. It wins over
    the package and over the fallback rule (domain-rules §5.4, §5.5)."""

    day = models.DateField(_("日期"), unique=True)
    is_working_day = models.BooleanField(
        _("是否上班"),
        default=False,
        help_text=_("勾选表示当天上班（如调休上班）；不勾选表示当天放假。"),
    )
    name = models.CharField(
        _("名称"), max_length=50, help_text=_("如：国庆节、春节、调休上班。")
    )
    source = models.CharField(
        _("依据"),
        max_length=200,
        blank=True,
        help_text=_("如：国务院办公厅关于2027年部分节假日安排的通知。"),
    )

    class Meta:
        ordering = ["-day"]
        verbose_name = _("工作日历调整")
        verbose_name_plural = _("工作日历调整")

    def __str__(self) -> str:
        kind = _("上班") if self.is_working_day else _("放假")
        return f"{self.day:%Y-%m-%d} {self.name}（{kind}）"


class HolidayArrangement(BaseModel):
    """A year whose State Council holiday arrangement (国务院办公厅关于某年部分
    节假日安排的通知) is loaded as ``CalendarOverride`` days: its deadlines are
    no longer provisional, and its days not overridden follow the week."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")

    def __str__(self) -> str:
        return str(self.year)
