"""The decision's consultation (published, open on 2026-06-15), beside the
bureau and decision of the decisions tests."""

import datetime as dt

import pytest
import time_machine

from gongkai.consultations.tests.factories import draft_consultation
from gongkai.decisions.tests import conftest as decision_fixtures

bureau = decision_fixtures.bureau
decision = decision_fixtures.decision

DRAFT = """临淄区国有建设用地使用权出让管理办法（征求意见稿）
第一章 总则
第一条 为规范国有建设用地使用权出让，制定本办法。
第二条 本办法适用于本区行政区域内国有建设用地使用权出让。
第三条 出让公告应当在交易开始前至少20日发布。
"""


@pytest.fixture
def consultation(bureau, decision):
    from gongkai.consultations.services import publish_consultation

    consultation = draft_consultation(
        bureau,
        decision,
        title="关于公开征求《临淄区国有建设用地使用权出让管理办法（征求意见稿）》意见的公告",
        draft_title="临淄区国有建设用地使用权出让管理办法（征求意见稿）",
        draft_text=DRAFT,
        explanation="为落实土地出让有关规定，起草了本办法。",
        background="本区土地出让规模逐年增加，需要统一规范。",
    )
    with time_machine.travel(dt.datetime(2026, 5, 28, 9, tzinfo=dt.UTC), tick=False):
        return publish_consultation(consultation=consultation, actor=bureau["clerk"])
