"""The parcel editor offers only the plans and announcements the user
works on (beside the agency and department of ``ScopedAdminForm``)."""

from gongkai.decisions.admin_forms import ScopedAdminForm


class ParcelForm(ScopedAdminForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        from gongkai.land_market.selectors import visible_announcements, visible_plans

        self.fields["announcement"].queryset = visible_announcements(user)
        self.fields["plan"].queryset = visible_plans(user)
