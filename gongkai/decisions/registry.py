"""Stages another capability publishes for a decision (the consultation and
its adoption report come from ``consultations``): a source registered here
takes ``decision`` and ``today`` and returns ``StageFact``s for the hub."""

from collections.abc import Callable, Iterable

from gongkai.decisions.stages import StageFact

StageSource = Callable[..., Iterable[StageFact]]

_sources: dict[str, StageSource] = {}


def register_stage_source(*, name: str, source: StageSource) -> None:
    _sources[name] = source


def stage_sources() -> list[StageSource]:
    return list(_sources.values())
