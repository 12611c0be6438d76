"""Events inside the platform that start a task's period (起算事件).

A 时限要求 such as "信息形成或变更之日起20个工作日内公开" or "决策文件出台后的
10个工作日内" runs from events the platform records: an item formed, a
decision issued. An app that records such events registers a source here
(from its ``AppConfig.ready``); 督办 then judges the task on every
occurrence instead of waiting for a department's report. An event no
source knows keeps the report cycle the office sets. A standing task
(长期坚持) whose requirement an app recognises is judged the same way on
the occasions that app records.
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
    # What an open one still waits for, where that is not its publication.
    open_label: str = ""


# A source: (*, agency, departments, since, today) → occurrences.
EventSource = Callable[..., Iterable[Occurrence]]

_sources: list[tuple[re.Pattern, str, EventSource]] = []
_standing_sources: list[tuple[re.Pattern, str, EventSource]] = []


def _register(registry: list, pattern: str, name: str, source: EventSource) -> None:
    registry[:] = [entry for entry in registry if entry[1] != name]
    registry.append((re.compile(pattern), name, source))


def _find(registry: list, text: str) -> tuple[str, EventSource] | None:
    for pattern, name, source in registry:
        if text and pattern.search(text):
            return name, source
    return None


def register_event_source(*, pattern: str, name: str, source: EventSource) -> None:
    """Attach the events matching ``pattern`` (a regular expression over the
    起算事件 text) to ``source``; registering a name again replaces it."""
    _register(_sources, pattern, name, source)


def register_standing_source(*, pattern: str, name: str, source: EventSource) -> None:
    """Attach the 长期坚持 tasks whose 工作要求 matches ``pattern`` to
    ``source``: the platform records each time the obligation arises (a
    land-expropriation approval, a notice due in a village) and 督办 judges
    the task on those, as on a task's 起算事件."""
    _register(_standing_sources, pattern, name, source)


def source_for(event: str) -> tuple[str, EventSource] | None:
    return _find(_sources, event)


def standing_source_for(requirement: str) -> tuple[str, EventSource] | None:
    return _find(_standing_sources, requirement)
