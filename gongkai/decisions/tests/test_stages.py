"""The hub's stage logic: which stages show, in which order, and whether
each is published, pending or past the day the department expected it."""

import datetime as dt

from gongkai.decisions.choices import REQUIRED_STAGES, STAGE_ORDER, StageState
from gongkai.decisions.stages import StageFact, current_stage, hub_stages, is_complete

TODAY = dt.date(2026, 9, 1)


def _kinds(stages):
    return [stage.kind for stage in stages]


def test_every_required_stage_shows_in_the_work_plans_order_even_with_no_facts():
    stages = hub_stages([], applicable=[], today=TODAY)
    assert _kinds(stages) == [kind for kind in STAGE_ORDER if kind in REQUIRED_STAGES]
    assert {stage.state for stage in stages} == {StageState.PENDING}
    assert current_stage(stages) == "决策草案全文"
    assert not is_complete(stages)


def test_an_optional_stage_shows_when_applicable_or_once_it_has_a_link():
    stages = hub_stages(
        [StageFact(kind="expert", url="/e/", title="专家论证意见")],
        applicable=["risk"],
        today=TODAY,
    )
    kinds = _kinds(stages)
    assert "risk" in kinds and "expert" in kinds
    assert "legality" not in kinds and "evaluation" not in kinds
    # Kept in the fixed order: risk before expert, both after 决策结果.
    assert kinds.index("result") < kinds.index("risk") < kinds.index("expert")


def test_a_stage_past_its_expected_day_is_late_and_one_with_a_link_is_done():
    stages = {
        stage.kind: stage
        for stage in hub_stages(
            [
                StageFact(kind="draft", expected_on=dt.date(2026, 5, 1)),
                StageFact(kind="explanation", expected_on=TODAY),
                StageFact(
                    kind="background",
                    url="/b/",
                    title="决策背景",
                    published_on=dt.date(2026, 6, 1),
                    expected_on=dt.date(2026, 5, 1),
                ),
            ],
            applicable=[],
            today=TODAY,
        )
    }
    assert stages["draft"].state == StageState.LATE
    assert stages["draft"].expected_on == dt.date(2026, 5, 1)
    # Due today is not late yet.
    assert stages["explanation"].state == StageState.PENDING
    assert stages["background"].state == StageState.DONE


def test_links_of_a_stage_are_sorted_by_day_and_the_earliest_expectation_counts():
    (stage,) = [
        stage
        for stage in hub_stages(
            [
                StageFact(kind="result", url="/2/", title="解读", published_on=TODAY),
                StageFact(
                    kind="result",
                    url="/1/",
                    title="决定",
                    published_on=dt.date(2026, 8, 20),
                ),
                StageFact(kind="result", expected_on=dt.date(2026, 8, 1)),
            ],
            applicable=[],
            today=TODAY,
        )
        if stage.kind == "result"
    ]
    assert [link.url for link in stage.links] == ["/1/", "/2/"]
    assert stage.expected_on == dt.date(2026, 8, 1)


def test_the_current_stage_is_the_first_required_one_not_done():
    published = [
        StageFact(kind=kind, url=f"/{kind}/", title=kind)
        for kind in ("draft", "explanation", "background", "consultation")
    ]
    stages = hub_stages(published, applicable=["risk"], today=TODAY)
    assert current_stage(stages) == "意见采纳情况"
    everything = published + [
        StageFact(kind=kind, url=f"/{kind}/", title=kind)
        for kind in ("adoption", "attendance", "result")
    ]
    stages = hub_stages(everything, applicable=["risk"], today=TODAY)
    # Every required stage is done; the applicable risk assessment is not.
    assert current_stage(stages) == "决策结果"
    assert not is_complete(stages)
    stages = hub_stages(
        everything + [StageFact(kind="risk", url="/r/", title="风险评估报告")],
        applicable=["risk"],
        today=TODAY,
    )
    assert is_complete(stages)
