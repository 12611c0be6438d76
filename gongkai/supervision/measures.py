"""The standing measures of a work plan's 保障措施, read from its text, and
their state on a day. Pure.

The 2023 plan asks, each year, for at least one meeting on 政务公开 (加强组织
领导), the head hearing at least one report, at least one training session
(开展教育培训), and the guide and catalogue kept current (完善制度规范).
"""

import datetime as dt
import re
from dataclasses import dataclass

from gongkai.supervision.due_rules import DONE, DUE_SOON, ON_TRACK, OVERDUE

MEETING = "meeting"
HEAD_BRIEFING = "head_briefing"
TRAINING = "training"
GUIDE = "guide"
CATALOGUE = "catalogue"
KIND_LABELS = {
    MEETING: "研究政务公开工作的会议",
    HEAD_BRIEFING: "主要负责同志听取工作汇报",
    TRAINING: "政务公开业务培训",
    GUIDE: "更新政府信息公开指南",
    CATALOGUE: "更新主动公开基本目录",
}
# Measures counted by what the office records each year; the others are
# kept current by the platform itself.
COUNTED = (MEETING, HEAD_BRIEFING, TRAINING)
# A counted measure not yet met this many days before 31 December is due soon.
DUE_SOON_DAYS = 60

_NUMBER = r"(\d+|[一二两三四五六七八九十])"
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_PATTERNS = (
    (MEETING, re.compile(rf"每年至少召开{_NUMBER}次[^。；]*?会议")),
    (HEAD_BRIEFING, re.compile(rf"每年至少专题听取{_NUMBER}次")),
    (TRAINING, re.compile(rf"每年至少组织{_NUMBER}次[^。；]*?培训")),
    (GUIDE, re.compile(r"更新政府信息公开指南")),
    (
        CATALOGUE,
        re.compile(
            r"主动公开基本目录[^。；]*?(?:更新|调整)|(?:更新|完善)主动公开基本目录"
        ),
    ),
)


@dataclass(frozen=True)
class MeasureSpec:
    kind: str
    times_per_year: int  # 0: kept current, not counted
    requirement: str  # the plan's sentence


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _NUMERALS.get(text, 1)


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[。；])|\n", text) if part.strip()]


def parse_standing_measures(text: str) -> list[MeasureSpec]:
    """The measures the plan's prose asks for, once each, in the order of
    ``KIND_LABELS``; the sentence that asks for it is kept as written."""
    found: dict[str, MeasureSpec] = {}
    for sentence in _sentences(text):
        for kind, pattern in _PATTERNS:
            match = pattern.search(sentence)
            if match is None or kind in found:
                continue
            times = _count(match[1]) if kind in COUNTED else 0
            found[kind] = MeasureSpec(kind, times, sentence)
    return [found[kind] for kind in KIND_LABELS if kind in found]


def counted_measure_state(
    *, held: int, required: int, year: int, today: dt.date
) -> tuple[str, dt.date]:
    """A measure due ``required`` times in ``year``: done once held that
    often, overdue after 31 December, due soon in the last weeks."""
    year_end = dt.date(year, 12, 31)
    if held >= required:
        return DONE, year_end
    if today > year_end:
        return OVERDUE, year_end
    if (year_end - today).days <= DUE_SOON_DAYS:
        return DUE_SOON, year_end
    return ON_TRACK, year_end
