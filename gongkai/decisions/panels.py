"""The evaluation editor's panel: its state and the action that changes it."""

from django.utils.functional import cached_property
from wagtail.admin.panels import Panel

from gongkai.decisions import services


class EvaluationStatePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "decisions/admin/evaluation_panel.html"

        @cached_property
        def context(self) -> dict:
            evaluation = self.instance
            if evaluation is None or not evaluation.pk:
                return {"evaluation": None}
            return {
                "evaluation": evaluation,
                "problems": services.evaluation_problems(evaluation)
                if evaluation.is_draft
                else [],
            }

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(self.context)
            return context


class DecisionHubPanel(Panel):
    """The decision's stages as the hub shows them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "decisions/admin/hub_panel.html"

        def get_context_data(self, parent_context=None):
            from gongkai.decisions.selectors import decision_stages

            context = super().get_context_data(parent_context)
            decision = self.instance
            context["decision"] = decision if decision and decision.pk else None
            context["stages"] = (
                decision_stages(decision=decision) if context["decision"] else []
            )
            return context
