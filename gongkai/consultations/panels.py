"""The consultation editor's panel: its state on the portal, the actions
that change it, and the way to its comments and adoption report."""

from django.utils.functional import cached_property
from wagtail.admin.panels import Panel

from gongkai.consultations import selectors, services


class ConsultationStatePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "consultations/admin/state_panel.html"

        @cached_property
        def context(self) -> dict:
            consultation = self.instance
            if consultation is None or not consultation.pk:
                return {"consultation": None}
            return {
                "consultation": consultation,
                "counts": selectors.comment_counts(consultation=consultation),
                "countdown": selectors.adoption_countdown(consultation=consultation),
                "problems": services.adoption_problems(consultation),
            }

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(self.context)
            return context
