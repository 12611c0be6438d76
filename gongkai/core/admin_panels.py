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


class DueRow:
    """A row with ``days_left`` until its deadline (negative once past):
    overdue, due within ``SOON_DAYS`` calendar days, or open."""

    SOON_DAYS = 5

    @property
    def state(self) -> str:
        if self.days_left < 0:
            return "overdue"
        return "due_soon" if self.days_left <= self.SOON_DAYS else "open"

    @property
    def overdue_days(self) -> int:
        return max(0, -self.days_left)


def add_urgent_rows(panels, rows, *, name: str, order: int, template_name: str) -> None:
    """A home-page panel of the ``DueRow``s overdue or due soon, if any."""
    urgent = [row for row in rows if row.state in ("overdue", "due_soon")]
    if urgent:
        panels.append(
            RowsPanel(name=name, order=order, template_name=template_name, rows=urgent)
        )
