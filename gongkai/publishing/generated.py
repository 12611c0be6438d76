"""Records the platform writes up as government-information items (a land
announcement, a mining-right result): the item goes to 三审 and the record
counts as published on the day its item goes live.

``GeneratedNotice`` is the abstract record (state, item, dates); the
functions below move it, each inside the caller's transaction. The older
generated documents (annual report, adoption report, evaluation) keep
their own models for now."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.errors import DomainError


class GeneratedStatus(models.TextChoices):
    DRAFT = "draft", gettext_lazy("草稿")
    IN_REVIEW = "in_review", gettext_lazy("审核中")
    PUBLISHED = "published", gettext_lazy("已发布")


TRANSITIONS: dict[str, frozenset[str]] = {
    GeneratedStatus.DRAFT: frozenset({GeneratedStatus.IN_REVIEW}),
    GeneratedStatus.IN_REVIEW: frozenset(
        {GeneratedStatus.DRAFT, GeneratedStatus.PUBLISHED}
    ),
    GeneratedStatus.PUBLISHED: frozenset(),
}


class NoticeRefusedError(DomainError):
    """The notice cannot move that way; the message says why."""


class GeneratedNotice(models.Model):
    status = models.CharField(
        gettext_lazy("状态"),
        max_length=20,
        choices=GeneratedStatus.choices,
        default=GeneratedStatus.DRAFT,
    )
    item = models.OneToOneField(
        "publishing.GovernmentInformationPage",
        verbose_name=gettext_lazy("门户网站信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_notice",
    )
    submitted_at = models.DateTimeField(gettext_lazy("送审时间"), null=True, blank=True)
    published_on = models.DateField(gettext_lazy("发布日期"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == GeneratedStatus.PUBLISHED


def send_to_review(*, notice: GeneratedNotice, column, data, slug: str, actor):
    """The notice's item (new, or the new revision of one not yet live)
    goes to 三审 in ``column``. Raises NoticeRefusedError."""
    from gongkai.publishing.errors import SubmissionRefusedError
    from gongkai.publishing.services import submit_generated_item

    if GeneratedStatus.IN_REVIEW not in TRANSITIONS[notice.status]:
        raise NoticeRefusedError(_("该信息已送审或已发布。"))
    try:
        item = submit_generated_item(
            column=column, data=data, existing=notice.item, slug=slug, actor=actor
        )
    except SubmissionRefusedError as error:
        raise NoticeRefusedError(str(error)) from error
    notice.item = item
    notice.status = GeneratedStatus.IN_REVIEW
    notice.submitted_at = timezone.now()
    notice.save()
    return item


def take_back(*, notice: GeneratedNotice, actor) -> None:
    """撤回修改: back to draft while its item is still in review."""
    if GeneratedStatus.DRAFT not in TRANSITIONS[notice.status]:
        raise NoticeRefusedError(_("只有审核中的信息才能撤回。"))
    if notice.item is not None and notice.item.current_workflow_state is not None:
        notice.item.current_workflow_state.cancel(user=actor)
    notice.status = GeneratedStatus.DRAFT
    notice.submitted_at = None
    notice.save()


def mark_published(*, model: type[GeneratedNotice], item) -> list[GeneratedNotice]:
    """The notices of ``item`` in review are published today (idempotent)."""
    published = []
    for notice in model.objects.select_for_update().filter(
        item_id=item.pk, status=GeneratedStatus.IN_REVIEW
    ):
        notice.status = GeneratedStatus.PUBLISHED
        notice.published_on = timezone.localdate()
        notice.save(update_fields=["status", "published_on", "updated_at"])
        published.append(notice)
    return published


def mark_withdrawn(*, model: type[GeneratedNotice], item) -> list[GeneratedNotice]:
    """The item of published notices was taken off the portal (撤稿): they
    are drafts again, to be corrected and sent to 三审 anew."""
    withdrawn = []
    for notice in model.objects.select_for_update().filter(
        item_id=item.pk, status=GeneratedStatus.PUBLISHED
    ):
        notice.status = GeneratedStatus.DRAFT
        notice.published_on = None
        notice.submitted_at = None
        notice.save(
            update_fields=["status", "published_on", "submitted_at", "updated_at"]
        )
        withdrawn.append(notice)
    return withdrawn


def column_of(*, agency, slug: str, title: str):
    """The agency's column ``slug``, where its generated notices go."""
    from gongkai.publishing.models import ColumnPage

    column = ColumnPage.objects.filter(agency=agency, slug=slug).first()
    if column is None:
        raise NoticeRefusedError(
            _("门户网站没有“%(column)s”栏目，无法发布。") % {"column": title}
        )
    return column


def notice_row(*, kind: str, label: str, notice, problems, submit_url: str, reopen_url):
    """One line of an editor's notices panel
    (``publishing/admin/generated_notices_panel.html``): the notice's state,
    and while a draft what stands in the way (``problems()`` → errors,
    warnings)."""
    status = notice.status if notice else GeneratedStatus.DRAFT
    errors, warnings = problems() if status == GeneratedStatus.DRAFT else ([], [])
    return {
        "kind": kind,
        "label": label,
        "notice": notice,
        "status": status,
        "errors": errors,
        "warnings": warnings,
        "submit_url": submit_url,
        "reopen_url": reopen_url(notice) if notice else "",
    }


# --- What a sent notice fixes ------------------------------------------------


def lock_message(*, fields, labels) -> str:
    return _(
        "已送审或已发布的公告、公示中的内容不能再改动：%(fields)s。如需更正，请先撤回修改或撤稿。"
    ) % {"fields": "、".join(str(labels.get(field, field)) for field in fields)}


class LockedFieldsMixin:
    """An admin form of a record whose notices, once in review or
    published, fix some of its fields (``locked``): changing those is
    refused, saying which; a correction goes through 撤回修改 or 撤稿."""

    def locked(self) -> frozenset[str]:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.changed_data:
            locked = self.locked()
            blocked = [name for name in self.changed_data if name in locked]
            if blocked:
                labels = {name: self.fields[name].label for name in blocked}
                raise ValidationError(lock_message(fields=blocked, labels=labels))
        return cleaned
