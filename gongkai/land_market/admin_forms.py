"""The land market's editors: the parcel editor offers only the plans and
announcements the user works on (beside the agency and department of
``ScopedAdminForm``), and neither editor changes what a notice in review or
published has fixed (``locks``)."""

from gongkai.decisions.admin_forms import ScopedAdminForm
from gongkai.land_market.locks import locked_fields
from gongkai.publishing.generated import LockedFieldsMixin


class AnnouncementForm(LockedFieldsMixin, ScopedAdminForm):
    def locked(self):
        from gongkai.land_market.selectors import sent_kinds

        return locked_fields(sent_kinds(self.instance))


class ParcelForm(LockedFieldsMixin, ScopedAdminForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        from gongkai.land_market.selectors import visible_announcements, visible_plans

        self.fields["announcement"].queryset = visible_announcements(user)
        self.fields["plan"].queryset = visible_plans(user)

    def locked(self):
        from gongkai.land_market.models import TransferAnnouncement
        from gongkai.land_market.selectors import sent_kinds

        current = (
            TransferAnnouncement.objects.filter(
                pk=self.instance.announcement_id
            ).first()
            if self.instance.announcement_id
            else None
        )
        return locked_fields(sent_kinds(current))
