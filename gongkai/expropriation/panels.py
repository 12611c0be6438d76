"""The project editor's panel: its stages as the hub shows them, with the
link to 定点定向公开."""

from django.utils import timezone
from wagtail.admin.panels import Panel

from gongkai.core.selectors import working_day_calendar


class ProjectStagesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "expropriation/admin/stages_panel.html"

        def get_context_data(self, parent_context=None):
            from gongkai.expropriation.selectors import project_stages
            from gongkai.expropriation.stages import current_stage

            context = super().get_context_data(parent_context)
            project = self.instance
            if project is None or not project.pk:
                context["project"] = None
                return context
            stages = project_stages(
                project, today=timezone.localdate(), calendar=working_day_calendar()
            )
            context.update(
                {"project": project, "stages": stages, "current": current_stage(stages)}
            )
            return context
