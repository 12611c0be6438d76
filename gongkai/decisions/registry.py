"""Stages another capability publishes for a decision (the consultation and
its adoption report come from ``consultations``): a source registered here
takes ``decision``, ``today`` and ``calendar`` (the working-day calendar,
built once per page) and returns ``StageFact``s for the hub. It reads the
decision's related records through ``.all()``, so that the ``prefetch``
lookups it registers load them for a whole catalogue in a few queries."""

from collections.abc import Callable, Iterable

from gongkai.decisions.stages import StageFact

StageSource = Callable[..., Iterable[StageFact]]

_sources: dict[str, tuple[StageSource, tuple[str, ...]]] = {}


def register_stage_source(
    *, name: str, source: StageSource, prefetch: Iterable[str] = ()
) -> None:
    _sources[name] = (source, tuple(prefetch))


def stage_sources() -> list[StageSource]:
    return [source for source, _prefetch in _sources.values()]


def prefetch_lookups() -> list[str]:
    return [lookup for _source, prefetch in _sources.values() for lookup in prefetch]
