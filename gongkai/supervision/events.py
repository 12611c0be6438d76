"""Events inside the platform that start a task's period (起算事件).

A 时限要求 such as "信息形成或变更之日起20个工作日内公开" or "决策文件出台后的
10个工作日内" runs from events the platform records: an item formed, a
decision issued. An app that records such events registers a source here
(from its ``AppConfig.ready``); 督办 then judges the task on every
occurrence instead of waiting for a department's report. An event no
source knows keeps the report cycle the office sets.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Occurrence:
    """One event that started the task's period, and when the obligation
    it started was met (``done_on``; None while still open)."""

    occurred_on: dt.date
    due_on: dt.date
    label: str
    done_on: dt.date | None = None
    url: str = ""


# A source: (*, agency, departments, since, today) → occurrences.
EventSource = Callable[..., Iterable[Occurrence]]

_sources: list[tuple[re.Pattern, str, EventSource]] = []


def register_event_source(*, pattern: str, name: str, source: EventSource) -> None:
    """Attach the events matching ``pattern`` (a regular expression over the
    起算事件 text) to ``source``; registering a name again replaces it."""
    _sources[:] = [entry for entry in _sources if entry[1] != name]
    _sources.append((re.compile(pattern), name, source))


def source_for(event: str) -> tuple[str, EventSource] | None:
    for pattern, name, source in _sources:
        if event and pattern.search(event):
            return name, source
    return None
