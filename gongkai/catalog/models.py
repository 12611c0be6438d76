"""The disclosure guide's dated versions and the 主动公开基本目录 kept as a
dated history of entries."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class GuideVersion(BaseModel):
    """One dated version of the 政府信息公开指南 (条例 Art. 12): made whenever
    the agency record, its office or the column tree changes what the guide
    says. The newest is the guide in force."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="guide_versions",
    )
    sections = models.JSONField(_("内容"))
    digest = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("政府信息公开指南版本")
        verbose_name_plural = _("政府信息公开指南版本")

    def __str__(self) -> str:
        return f"{self.agency} {self.created_at:%Y-%m-%d %H:%M}"


class CatalogEntryQuerySet(models.QuerySet):
    def current(self):
        return self.filter(valid_to__isnull=True)

    def as_of(self, day):
        """The entries the catalogue listed at the end of ``day``."""
        return self.filter(valid_from__lte=day).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=day)
        )


class CatalogEntry(BaseModel):
    """An item's line in the 主动公开基本目录 (索引、名称、内容概述、生成日期,
    条例 Art. 12) as it read from ``valid_from`` until ``valid_to``.

    Every change makes a dated version without copying the whole catalogue:
    a changed line closes the old row and opens a new one, a withdrawn item
    closes its row. The catalogue on any past day is the rows open on that
    day."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="catalog_entries",
    )
    # The item's page id, kept when a page is deleted so that its line can
    # still be closed.
    page_id = models.PositiveIntegerField(_("信息ID"))
    index_number = models.CharField(_("索引号"), max_length=60)
    title = models.CharField(_("名称"), max_length=255)
    summary = models.TextField(_("内容概述"), blank=True)
    written_on = models.DateField(_("生成日期"))
    column = models.CharField(_("分类"), max_length=255)
    publisher = models.CharField(_("发布机构"), max_length=100)
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    published_on = models.DateField(_("发布日期"))
    url = models.CharField(_("地址"), max_length=500)
    valid_from = models.DateField(_("列入日期"))
    valid_to = models.DateField(_("移出日期"), null=True, blank=True)

    objects = CatalogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("目录条目")
        verbose_name_plural = _("目录条目")
        indexes = [
            models.Index(fields=["agency", "valid_to"], name="catalog_entry_current"),
            models.Index(fields=["page_id", "valid_to"], name="catalog_entry_page"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="catalog_entry_valid_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"
