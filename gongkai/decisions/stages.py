"""A decision's hub: which stages are published, which are still to come and
which are past the date the department expected them (work plan 二、1:
"以事项目录超链接方式归集展示"). Pure: the facts come from the models and from
other capabilities (consultations), the answer is what the hub shows."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.decisions.choices import (
    REQUIRED_STAGES,
    STAGE_ORDER,
    StageKind,
    StageState,
)


@dataclass(frozen=True)
class StageFact:
    """What one source knows of a stage: a published link (``url``) with
    the day it went public, or only the day it is expected."""

    kind: str
    url: str = ""
    title: str = ""
    published_on: dt.date | None = None
    expected_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Stage:
    kind: str
    label: str
    state: str
    links: tuple[StageFact, ...]
    expected_on: dt.date | None
    note: str = ""

    @property
    def is_done(self) -> bool:
        return self.state == StageState.DONE


def hub_stages(
    facts: Iterable[StageFact], *, applicable: Iterable[str], today: dt.date
) -> list[Stage]:
    """The stages in their fixed order: every required one, and the optional
    ones (risk assessment, expert review, legality review, evaluation) that
    are ``applicable`` or already have a link. A stage with a link is done;
    one without is pending, or late once its expected day has passed."""
    by_kind: dict[str, list[StageFact]] = {}
    for fact in facts:
        by_kind.setdefault(fact.kind, []).append(fact)
    wanted = set(REQUIRED_STAGES) | set(applicable)
    stages = []
    for kind in STAGE_ORDER:
        known = by_kind.get(kind, [])
        if kind not in wanted and not any(fact.url for fact in known):
            continue
        links = tuple(
            sorted(
                (fact for fact in known if fact.url),
                key=lambda fact: (fact.published_on or dt.date.max, fact.title),
            )
        )
        expected = min(
            (fact.expected_on for fact in known if fact.expected_on), default=None
        )
        note = next((fact.note for fact in known if fact.note), "")
        if links:
            state = StageState.DONE
        elif expected is not None and expected < today:
            state = StageState.LATE
        else:
            state = StageState.PENDING
        stages.append(
            Stage(
                kind=kind,
                label=str(StageKind(kind).label),
                state=state,
                links=links,
                expected_on=expected,
                note=note,
            )
        )
    return stages


def current_stage(stages: list[Stage]) -> str:
    """Where the decision stands: the first required stage not yet done, or
    决策结果 once every required stage is."""
    for stage in stages:
        if stage.kind in REQUIRED_STAGES and not stage.is_done:
            return stage.label
    return str(StageKind.RESULT.label)


def is_complete(stages: list[Stage]) -> bool:
    return all(stage.is_done for stage in stages)
