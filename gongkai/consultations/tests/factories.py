"""A draft consultation of the decisions tests' bureau, for tests to vary."""

import datetime as dt

from gongkai.consultations.models import Consultation


def draft_consultation(bureau, decision, **fields) -> Consultation:
    """法规科's consultation on ``decision``, 1 to 30 June 2026, not yet
    published; ``fields`` override any of its values."""
    values = {
        "agency": bureau["agency"],
        "department": bureau["legal"],
        "decision": decision,
        "title": "关于征求意见的公告",
        "draft_title": "某草案",
        "draft_text": "第一条 内容。",
        "explanation": "说明。",
        "opens_on": dt.date(2026, 6, 1),
        "closes_on": dt.date(2026, 6, 30),
    }
    return Consultation.objects.create(**(values | fields))
