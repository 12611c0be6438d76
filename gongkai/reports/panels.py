"""The report editor's panel of tables, locked to the data: shown beneath
the text sections, computed live while a draft, with no input for numbers."""

from django.utils.functional import cached_property
from wagtail.admin.panels import Panel

from gongkai.applications.report import ReportCheckError
from gongkai.reports import documents, figures, selectors


class LockedTablesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "reports/admin/tables_panel.html"

        @cached_property
        def context(self) -> dict:
            report = self.instance
            if report is None or not report.pk:
                return {"report": None}
            try:
                data = selectors.report_figures(report)
            except ReportCheckError as error:
                return {"report": report, "check_error": str(error)}
            tables = [
                documents.grid_html(figures.table_2_grid(data[figures.TABLE_2])),
                documents.grid_html(figures.table_3_grid(data[figures.TABLE_3])),
                documents.grid_html(figures.table_4_grid(data[figures.TABLE_4])),
            ]
            tasks = data.get(figures.TASKS)
            if tasks and tasks["rows"]:
                tables.append(
                    documents.grid_html(
                        figures.tasks_grid(
                            tasks["rows"] + tasks.get("measures", []),
                            tasks["caption"],
                        )
                    )
                )
            return {
                "report": report,
                "tables": tables,
                "missing": data.get("未填报", []),
                "empty": selectors.empty_sections(report),
                "problems": figures.table_3_problems(data[figures.TABLE_3]),
            }

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(self.context)
            return context
