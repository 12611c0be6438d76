"""The 责任单位 cell of a 任务分解表, parsed into lead units (牵头) and the
units that carry the task out (具体落实). Pure.

    办公室牵头，文件起草科室具体落实  → lead 办公室; implementing 文件起草科室
    法规科、办公室牵头，文件起草科室具体落实 → lead 法规科, 办公室
    办公室、法规科、行政许可科        → all three lead (no one is named to implement)
"""

import re
from dataclasses import dataclass

_CLAUSES = re.compile(r"[，,；;]")
_LIST = re.compile(r"[、，,]|和|及|与")
_LEAD = re.compile(r"(牵头|负责)$")
_IMPLEMENT = re.compile(r"(具体落实|具体负责|落实|配合|参与)$")


@dataclass(frozen=True)
class ResponsibleUnits:
    lead: tuple[str, ...]
    implementing: tuple[str, ...]


def _names(text: str) -> list[str]:
    return [name.strip() for name in _LIST.split(text) if name.strip()]


def parse_responsible_units(text: str) -> ResponsibleUnits:
    """Lead and implementing units of one 责任单位 cell, in the order given."""
    lead: list[str] = []
    implementing: list[str] = []
    unmarked: list[str] = []
    for clause in (part.strip() for part in _CLAUSES.split(text or "")):
        if not clause:
            continue
        if _LEAD.search(clause):
            lead += _names(_LEAD.sub("", clause))
        elif _IMPLEMENT.search(clause):
            implementing += _names(_IMPLEMENT.sub("", clause))
        else:
            unmarked += _names(clause)
    if not lead:
        lead, unmarked = unmarked, []
    else:
        implementing += unmarked
    return ResponsibleUnits(
        lead=tuple(dict.fromkeys(lead)), implementing=tuple(dict.fromkeys(implementing))
    )
