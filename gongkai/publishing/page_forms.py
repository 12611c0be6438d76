"""Editor forms of portal pages (imported by the models: nothing here may
load Wagtail's document or admin forms that query the database)."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class ItemForm(WagtailAdminPageForm):
    """The editor's form of a government-information item: a 文号 already
    used by another item of the same agency is refused on the form (the
    database constraint would only fail on saving)."""

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("document_number")
        if not number:
            return cleaned_data
        agency_id = self.instance.agency_id or getattr(
            self.parent_page.specific, "agency_id", None
        )
        if agency_id is None:
            return cleaned_data
        others = type(self.instance).objects.filter(
            agency_id=agency_id, document_number=number
        )
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        other = others.first()
        if other is not None:
            self.add_error(
                "document_number",
                _("本机关已有使用该文号的信息（%(title)s），文号不能重复。")
                % {"title": other.title},
            )
        return cleaned_data
