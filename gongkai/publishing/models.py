"""Portal pages: home, columns (栏目) and government-information items."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gongkai.catalog.choices import Genre, Topic, Validity
from gongkai.catalog.columns import KIND_UPDATE_INTERVAL_DAYS, ColumnKind
from gongkai.core.html import html_to_text
from gongkai.core.models import BaseModel
from gongkai.publishing.blocks import BodyBlock
from gongkai.publishing.page_forms import ItemForm
from gongkai.publishing.panels import ItemNoticesPanel
from gongkai.publishing.validators import validate_document_number

ITEMS_PER_PAGE = 20


class Attachment(AbstractDocument):
    """A downloadable file of an item (PDF, DOCX, XLSX, OFD, images), with the
    text extracted from it for search and pre-publication checks."""

    extracted_text = models.TextField(_("提取的文本"), blank=True, editable=False)
    map_review_number = models.CharField(
        _("审图号"),
        max_length=60,
        blank=True,
        help_text=_("地图须使用标准地图或经审核的地图，并注明审图号。"),
    )

    admin_form_fields = (*Document.admin_form_fields, "map_review_number")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")


class IndexNumberSequence(BaseModel):
    """The last 索引号 sequence number handed out, per agency and year."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="index_sequence_unique_per_agency_year"
            )
        ]


def next_index_number(*, agency, year: int) -> str:
    """The next 索引号 of ``agency`` for ``year``: ``{prefix}/{YYYY}-{NNNNN}``
    (domain-rules §3.5, §7 item 12; Shandong pattern)."""
    with transaction.atomic():
        sequence, _ = IndexNumberSequence.objects.select_for_update().get_or_create(
            agency=agency, year=year
        )
        sequence.last_value += 1
        sequence.save(update_fields=["last_value", "updated_at"])
    return (
        f"{agency.effective_index_number_prefix}/{year:04d}-{sequence.last_value:05d}"
    )


class AgencyPageMixin(models.Model):
    """Every portal page belongs to an agency, inherited from its parent."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("所属机关"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True

    def inherit_agency(self) -> None:
        if self.agency_id is None and self.depth and self.depth > 1:
            parent = self.get_parent().specific
            self.agency_id = getattr(parent, "agency_id", None)


class PortalHomePage(AgencyPageMixin, Page):
    """The agency's portal home: latest items of each column and the search."""

    introduction = models.TextField(_("简介"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("agency"),
        FieldPanel("introduction"),
    ]
    subpage_types = ["publishing.ColumnPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("门户首页")

    def get_context(self, request, *args, **kwargs):
        from gongkai.publishing import selectors

        context = super().get_context(request, *args, **kwargs)
        context["column_sections"] = selectors.home_column_sections(home=self)
        context["latest_items"] = selectors.latest_items(root=self, limit=10)
        return context


class ColumnPage(AgencyPageMixin, RoutablePageMixin, Page):
    """A column (栏目) of the disclosure platform; columns nest."""

    description = models.TextField(_("栏目说明"), blank=True)
    kind = models.CharField(
        _("栏目类型"),
        max_length=20,
        choices=ColumnKind.choices,
        default=ColumnKind.OTHER,
        help_text=_("决定栏目应有的更新周期，网站健康检查据此判断栏目是否长期未更新。"),
    )
    update_interval_days = models.PositiveSmallIntegerField(
        _("更新周期（天）"),
        null=True,
        blank=True,
        help_text=_(
            "留空时按栏目类型：动态/要闻14天，通知公告、政策文件、专题和其他栏目"
            "180天，基本信息365天。"
        ),
    )

    requires_interpretation = models.BooleanField(
        _("须同步发布政策解读"),
        default=False,
        help_text=_("本栏目的信息必须与其政策解读同步审核、同步发布（三同步）。"),
    )
    holds_interpretations = models.BooleanField(
        _("政策解读栏目"),
        default=False,
        help_text=_("从政策文件起草的政策解读放在本栏目。"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("update_interval_days")]),
        FieldPanel("requires_interpretation"),
        FieldPanel("holds_interpretations"),
    ]
    subpage_types = ["publishing.ColumnPage", "publishing.GovernmentInformationPage"]
    parent_page_types = ["publishing.PortalHomePage", "publishing.ColumnPage"]

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def save(self, *args, **kwargs):
        self.inherit_agency()
        super().save(*args, **kwargs)

    @property
    def expected_update_days(self) -> int:
        """The column's update cycle: its own, or its kind's (国办秘函〔2019〕
        19号 单项否决 item 4)."""
        return self.update_interval_days or KIND_UPDATE_INTERVAL_DAYS[self.kind]

    def get_context(self, request, *args, **kwargs):
        from gongkai.publishing import selectors

        context = super().get_context(request, *args, **kwargs)
        items = selectors.column_items(column=self)
        paginator = Paginator(items, ITEMS_PER_PAGE)
        context["items_page"] = paginator.get_page(request.GET.get("page"))
        context["subcolumns"] = selectors.subcolumns(column=self)
        context["breadcrumbs"] = selectors.breadcrumbs(page=self)
        context["column_content"] = selectors.column_content(
            column=self, request=request
        )
        return context

    @path("feed/")
    def feed(self, request):
        from gongkai.publishing.feeds import ColumnFeed

        return ColumnFeed()(request, column=self)


class GovernmentInformationPage(AgencyPageMixin, Page):
    """A piece of government information (政府信息) with the standard metadata
    of Chinese disclosure platforms (domain-rules §3.5)."""

    index_number = models.CharField(
        _("索引号"), max_length=60, unique=True, null=True, blank=True, editable=False
    )
    publisher = models.CharField(
        _("发布机构"), max_length=100, blank=True, help_text=_("留空时为所属机关全称。")
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("起草科室"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document_number = models.CharField(
        _("文号"),
        max_length=60,
        blank=True,
        db_index=True,
        validators=[validate_document_number],
        help_text=_("如：临自然资发〔2023〕5号"),
    )
    written_on = models.DateField(_("成文日期"), default=timezone.localdate)
    changed_on = models.DateField(
        _("变更日期"),
        null=True,
        blank=True,
        help_text=_("信息内容发生变更的日期；自成文或变更之日起20个工作日内应当公开。"),
    )
    topic = models.CharField(
        _("主题分类"), max_length=30, choices=Topic.choices, default=Topic.LAND_ENERGY
    )
    genre = models.CharField(
        _("体裁"), max_length=30, choices=Genre.choices, default=Genre.NOTICE
    )
    validity = models.CharField(
        _("有效性"), max_length=20, choices=Validity.choices, default=Validity.VALID
    )
    validity_changed_on = models.DateField(_("失效/废止日期"), null=True, blank=True)
    keywords = models.CharField(_("关键词"), max_length=200, blank=True)
    summary = models.TextField(_("内容概述"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    is_urgent = models.BooleanField(
        _("加急"),
        default=False,
        help_text=_("加急信息在审核队列中排在前面；审核规则不变。"),
    )
    affects_public_rights = models.BooleanField(
        _("涉及公众权益"),
        default=False,
        help_text=_(
            "对公众权益产生影响的政策文件必须同步发布政策解读（不解读不运转）。"
        ),
    )
    precheck_reason = models.TextField(
        _("机器预审警告的处理说明"),
        blank=True,
        help_text=_(
            "机器预审提示警告时，须说明为何仍可发布（如：联系电话为单位公开电话）。"
        ),
    )
    late_interpretation_reason = models.TextField(
        _("解读晚于原文件发布的理由"),
        blank=True,
        help_text=_("政策解读原则上与文件同步发布；晚于文件发布时必须说明理由。"),
    )
    interprets = models.ForeignKey(
        "self",
        verbose_name=_("解读的文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        help_text=_("政策解读须关联其解读的政策文件，两者互相链接。"),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("document_number"),
        index.SearchField("index_number"),
        index.SearchField("summary"),
        index.FilterField("validity"),
    ]
    content_panels = [
        ItemNoticesPanel(heading=_("机器预审")),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("document_number"),
                        FieldPanel("written_on"),
                        FieldPanel("changed_on"),
                    ]
                ),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("department")]),
                FieldRowPanel([FieldPanel("topic"), FieldPanel("genre")]),
                FieldRowPanel(
                    [FieldPanel("validity"), FieldPanel("validity_changed_on")]
                ),
                FieldPanel("keywords"),
                FieldPanel("summary"),
                FieldPanel("affects_public_rights"),
                FieldPanel("is_urgent"),
            ],
            heading=_("元数据"),
        ),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("附件")),
        FieldPanel("interprets"),
        FieldPanel("late_interpretation_reason"),
        FieldPanel("precheck_reason"),
    ]
    base_form_class = ItemForm
    parent_page_types = ["publishing.ColumnPage"]
    subpage_types: list[str] = []
    # A copy is a new item: it gets its own 索引号 and needs its own 文号.
    exclude_fields_in_copy = ["index_number", "document_number"]

    class Meta:
        verbose_name = _("政府信息")
        verbose_name_plural = _("政府信息")
        constraints = [
            # A 文号 names one document of its issuing agency.
            models.UniqueConstraint(
                fields=["agency", "document_number"],
                condition=~models.Q(document_number=""),
                name="document_number_unique_per_agency",
                violation_error_message=_("本机关已有使用该文号的信息，文号不能重复。"),
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.first_published_at
            and self.written_on
            and timezone.localdate(self.first_published_at) < self.written_on
        ):
            errors["written_on"] = _("发布日期不能早于成文日期。")
        if self.validity != Validity.VALID and not self.validity_changed_on:
            errors["validity_changed_on"] = _("文件失效或废止时，请填写失效/废止日期。")
        if self.interprets_id and self.interprets_id == self.pk:
            errors["interprets"] = _("解读不能关联自身。")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.inherit_agency()
        # The 索引号 is issued once, whatever path creates the item (admin,
        # import, copy), and never changes afterwards (domain-rules §3.5).
        if not self.index_number and self.agency_id:
            year = (self.first_published_at or timezone.now()).year
            self.index_number = next_index_number(agency=self.agency, year=year)
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        # A revision saved before the number was issued must not erase it.
        obj.index_number = self.index_number
        return obj

    @property
    def published_on(self):
        """发布日期: the day it first went public; never typed in by hand
        (a forged publish date is a single-veto fault, 国办秘函〔2019〕19号)."""
        if self.first_published_at is None:
            return None
        return timezone.localdate(self.first_published_at)

    @property
    def formed_on(self):
        """The day the information was formed or last changed (形成或者变更
        之日), from which the 20-working-day publication period runs."""
        return self.changed_on or self.written_on

    @property
    def publisher_name(self) -> str:
        if self.publisher:
            return self.publisher
        return self.agency.name if self.agency_id else ""

    @property
    def requires_interpretation(self) -> bool:
        """三同步 applies: a 行政规范性文件 column or marked as affecting the
        public's rights (work plan tasks 9–10)."""
        if self.affects_public_rights:
            return True
        parent = self.get_parent()
        return bool(
            parent and getattr(parent.specific, "requires_interpretation", False)
        )

    @property
    def is_interpretation(self) -> bool:
        return self.interprets_id is not None or self.genre == Genre.INTERPRETATION

    @cached_property
    def body_text(self) -> str:
        """Plain text of the body (every block as rendered), for search and
        checks."""
        return "\n".join(
            text for block in self.body if (text := html_to_text(str(block.render())))
        )

    def get_context(self, request, *args, **kwargs):
        from gongkai.publishing import selectors

        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = selectors.item_attachments(item=self)
        context["interpretations"] = selectors.item_interpretations(item=self)
        context["related_links"] = selectors.item_related_links(item=self)
        context["breadcrumbs"] = selectors.breadcrumbs(page=self)
        return context


class ItemAttachment(Orderable):
    item = ParentalKey(
        GovernmentInformationPage, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        Attachment, verbose_name=_("文件"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("显示名称"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
