"""A panel of the admin home page that lists rows (deadlines due soon,
reminders) with its own template; capabilities add one from their
``construct_homepage_panels`` hook when they have rows to show."""

from wagtail.admin.ui.components import Component


class RowsPanel(Component):
    def __init__(self, *, name: str, order: int, template_name: str, rows) -> None:
        self.name = name
        self.order = order
        self.template_name = template_name
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows}
