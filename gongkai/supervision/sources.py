"""The platform's own events that 督办 tasks run from: an item formed or
changed (信息形成或变更) starts the 20 working days of 条例 Art. 26."""

import datetime as dt

from django.urls import reverse

from gongkai.supervision.events import Occurrence, register_event_source


def formed_items(*, agency, departments, since: dt.date, today: dt.date):
    """Every item of the departments (drafted by them, or in the columns
    they answer for) formed since ``since``, met when first published."""
    from gongkai.publishing.selectors import publication_timeliness

    departments = list(departments)
    column_paths = [
        path
        for department in departments
        for path in department.columns.values_list("path", flat=True)
    ]
    department_ids = {department.pk for department in departments}
    for row in publication_timeliness(agency=agency, today=today, since=since):
        item = row.item
        if department_ids and not (
            item.department_id in department_ids
            or any(item.path.startswith(path) for path in column_paths)
        ):
            continue
        yield Occurrence(
            occurred_on=item.formed_on,
            due_on=row.due_on,
            label=item.title,
            done_on=item.published_on,
            url=reverse("wagtailadmin_pages:edit", args=[item.pk]),
        )


def register() -> None:
    register_event_source(
        pattern=r"信息形成|形成或变更|信息变更|信息产生",
        name="publishing.item_formed",
        source=formed_items,
    )
