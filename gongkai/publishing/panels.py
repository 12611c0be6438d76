"""Editor panels of government-information items."""

from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.panels import Panel

NOTICES_HOOK = "item_editor_notices"


class ItemNoticesPanel(Panel):
    """Notices other capabilities show at the top of an item's editor (the
    machine pre-review's findings, for one). Each function registered for
    the ``item_editor_notices`` hook takes ``item`` (the version being
    edited) and ``request`` and returns HTML, or "" for nothing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "publishing/panels/item_notices.html"

        @cached_property
        def notices(self) -> list[str]:
            if self.instance is None or not self.instance.pk:
                return []
            return [
                html
                for notice in hooks.get_hooks(NOTICES_HOOK)
                if (html := notice(item=self.instance, request=self.request))
            ]

        def is_shown(self) -> bool:
            return bool(self.notices)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notices"] = self.notices
            return context
