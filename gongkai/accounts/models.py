"""Agencies, departments and staff."""

from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from gongkai.accounts.validators import validate_credit_code
from gongkai.core.models import BaseModel


class Agency(BaseModel):
    """An administrative organ (行政机关) that publishes government information;
    every piece of content belongs to one. A province runs many on one site."""

    name = models.CharField(_("机关名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
    )
    index_number_prefix = models.CharField(
        _("索引号前段码"),
        max_length=30,
        blank=True,
        help_text=_("留空时使用统一社会信用代码。索引号一经生成不再改变。"),
    )
    document_code = models.CharField(
        _("发文机关代字"), max_length=20, blank=True, help_text=_("如：临自然资发")
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("门户站点"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("credit_code")],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [FieldPanel("index_number_prefix"), FieldPanel("document_code")],
            heading=_("编号规则"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("office_hours"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
        FieldPanel("site"),
    ]

    class Meta:
        verbose_name = _("机关")
        verbose_name_plural = _("机关")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def effective_index_number_prefix(self) -> str:
        return self.index_number_prefix or self.credit_code


class Department(BaseModel):
    """A department (科室) of an agency: it drafts, edits and answers for the
    columns (栏目) it is responsible for. The office (办公室) sees everything."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("所属机关"),
        on_delete=models.PROTECT,
        related_name="departments",
    )
    name = models.CharField(_("科室名称"), max_length=60)
    is_office = models.BooleanField(
        _("是办公室"),
        default=False,
        help_text=_("办公室统筹政务公开工作，可查看和编辑全部栏目，可查阅审计日志。"),
    )
    head_name = models.CharField(_("负责人"), max_length=30, blank=True)
    phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    group = models.OneToOneField(
        Group,
        verbose_name=_("权限组"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="department",
        editable=False,
    )
    columns = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("负责栏目"),
        blank=True,
        related_name="responsible_departments",
        help_text=_("科室可编辑这些栏目及其下级栏目中的内容。"),
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)

    panels = [
        FieldPanel("agency"),
        FieldPanel("name"),
        FieldPanel("is_office"),
        FieldPanel("head_name"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("科室")
        verbose_name_plural = _("科室")
        ordering = ["agency", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "name"], name="department_name_unique_per_agency"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CaseInsensitiveUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A staff member; belongs to one department."""

    department = models.ForeignKey(
        Department,
        verbose_name=_("所属科室"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )

    objects = CaseInsensitiveUserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("工作人员")
        verbose_name_plural = _("工作人员")
        # SEC-AUTH-01: "Admin" may not exist beside "admin".
        constraints = [
            models.UniqueConstraint(
                Lower("username"), name="user_username_unique_case_insensitive"
            )
        ]
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        full_name = f"{self.last_name}{self.first_name}".strip()
        return full_name or self.username

    @property
    def is_in_office(self) -> bool:
        return self.department_id is not None and self.department.is_office


class DepartmentRecord(BaseModel):
    """A record an agency keeps and one of its departments handles (a land
    sale, an expropriation project): the office sees all of the agency's,
    a department its own (``selectors.scoped_to_staff``). Without a
    department, the record is the office's."""

    agency = models.ForeignKey(Agency, verbose_name=_("机关"), on_delete=models.PROTECT)
    department = models.ForeignKey(
        Department,
        verbose_name=_("承办科室"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        abstract = True
