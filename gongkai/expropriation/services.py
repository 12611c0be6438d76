"""Writes of expropriation: recording a notice's delivery to a village."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import User
from gongkai.expropriation.models import AffectedVillage, NoticeDelivery
from gongkai.publishing.uploads import check_upload

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")


@transaction.atomic
def record_delivery(
    *,
    village: AffectedVillage,
    stage: str,
    channel: str,
    place: str,
    delivered_on,
    delivered_by: str,
    note: str = "",
    photo_name: str = "",
    photo_data: bytes = b"",
    actor: User,
) -> NoticeDelivery:
    """送达记录: the photo must really be a JPG or PNG (checked by content)."""
    delivery = NoticeDelivery(
        project=village.project,
        village=village,
        stage=stage,
        channel=channel,
        place=place.strip(),
        delivered_on=delivered_on,
        delivered_by=delivered_by.strip(),
        note=note.strip(),
        recorded_by=actor,
    )
    if photo_data:
        if PurePath(photo_name).suffix.lower() not in PHOTO_SUFFIXES:
            raise ValidationError(_("照片只能是 JPG 或 PNG 文件。"))
        check_upload(name=photo_name, data=photo_data)
    delivery.full_clean(exclude=["photo", "recorded_by"])
    if photo_data:
        suffix = PurePath(photo_name).suffix.lower()
        delivery.photo.save(
            f"{village.pk}-{delivered_on}{suffix}", ContentFile(photo_data), save=False
        )
    try:
        delivery.save()
        log(
            instance=village.project,
            action="expropriation.delivery_recorded",
            user=actor,
            data={"village": str(village), "channel": channel, "stage": stage},
        )
    except BaseException:
        # A record that is not saved leaves no file behind.
        if delivery.photo:
            delivery.photo.delete(save=False)
        raise
    return delivery
