"""The stage logic of an expropriation hub: what is done, missing, late or
wrong under 实施条例 Art. 26, 28 and 31."""

import datetime as dt

from gongkai.core.calendar import WorkingDayCalendar
from gongkai.expropriation.choices import ONE_BOOK_FOUR_PLANS, StageKind, StageState
from gongkai.expropriation.stages import (
    DocumentFact,
    ProjectFacts,
    current_stage,
    project_stages,
)

CALENDAR = WorkingDayCalendar()


def doc(stage, day, posted=None):
    start, end = posted or (None, None)
    return DocumentFact(stage, f"{stage}", f"/{stage}/", day, start, end)


def by_kind(facts, today=dt.date(2026, 9, 1)):
    return {s.kind: s for s in project_stages(facts, today=today, calendar=CALENDAR)}


def test_a_new_project_lists_every_required_stage_and_starts_at_the_pre_announcement():
    stages = project_stages(
        ProjectFacts(documents=()), today=dt.date(2026, 3, 1), calendar=CALENDAR
    )
    kinds = [stage.kind for stage in stages]
    assert kinds[0] == StageKind.PRE_ANNOUNCEMENT
    assert set(ONE_BOOK_FOUR_PLANS) <= set(kinds) and StageKind.HEARING not in kinds
    assert current_stage(stages).kind == StageKind.PRE_ANNOUNCEMENT


def test_a_pre_announcement_posted_over_a_holiday_is_too_short():
    # 2026-09-28 to 10-09: twelve days but only 5 working days
    # (1–7 October are the National Day holiday).
    facts = ProjectFacts(
        documents=(
            doc(
                StageKind.PRE_ANNOUNCEMENT,
                dt.date(2026, 9, 28),
                (dt.date(2026, 9, 28), dt.date(2026, 10, 9)),
            ),
        )
    )
    stage = by_kind(facts)[StageKind.PRE_ANNOUNCEMENT]
    assert stage.state == StageState.PROBLEM
    assert "只有5个工作日" in stage.problems[0]
    facts = ProjectFacts(
        documents=(
            doc(
                StageKind.PRE_ANNOUNCEMENT,
                dt.date(2026, 3, 2),
                (dt.date(2026, 3, 2), dt.date(2026, 3, 13)),
            ),
        )
    )
    assert by_kind(facts)[StageKind.PRE_ANNOUNCEMENT].state == StageState.DONE


def test_the_compensation_plan_needs_30_days_and_says_how_to_register_and_object():
    short = ProjectFacts(
        documents=(
            doc(
                StageKind.COMPENSATION_PLAN,
                dt.date(2026, 4, 1),
                (dt.date(2026, 4, 1), dt.date(2026, 4, 29)),
            ),
        )
    )
    problems = by_kind(short)[StageKind.COMPENSATION_PLAN].problems
    assert "只有29日" in problems[0]
    assert any("补偿登记" in p for p in problems) and any("异议" in p for p in problems)
    complete = ProjectFacts(
        documents=(
            doc(
                StageKind.COMPENSATION_PLAN,
                dt.date(2026, 4, 1),
                (dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
            ),
        ),
        registration_until=dt.date(2026, 4, 30),
        registration_place="凤凰镇政府征地办公室",
        objection_channel="书面意见送凤凰镇政府",
    )
    assert by_kind(complete)[StageKind.COMPENSATION_PLAN].state == StageState.DONE


def test_a_majority_objection_requires_a_hearing():
    stages = by_kind(ProjectFacts(documents=(), majority_objected=True))
    assert stages[StageKind.HEARING].state == StageState.PENDING


def test_the_announcement_is_due_15_working_days_after_the_approval_arrives():
    # Received Friday 2026-09-25: 1–7 October are not counted and Saturday
    # 10-10 is worked (调休), so the 15th working day is 10-22.
    facts = ProjectFacts(documents=(), approval_received_on=dt.date(2026, 9, 25))
    stage = by_kind(facts, today=dt.date(2026, 10, 22))[StageKind.ANNOUNCEMENT]
    assert stage.due_on == dt.date(2026, 10, 22) and stage.state == StageState.PENDING
    assert (
        by_kind(facts, today=dt.date(2026, 10, 23))[StageKind.ANNOUNCEMENT].state
        == StageState.LATE
    )
    late = ProjectFacts(
        documents=(doc(StageKind.ANNOUNCEMENT, dt.date(2026, 10, 23)),),
        approval_received_on=dt.date(2026, 9, 25),
    )
    stage = by_kind(late, today=dt.date(2026, 10, 26))[StageKind.ANNOUNCEMENT]
    assert stage.state == StageState.PROBLEM and "2026-10-22" in stage.problems[0]


def test_optional_documents_show_once_published_and_unpublished_ones_do_not_count():
    facts = ProjectFacts(
        documents=(
            doc(StageKind.POLICY, dt.date(2026, 1, 5)),
            doc(StageKind.APPROVAL, None),
        )
    )
    stages = by_kind(facts)
    assert stages[StageKind.POLICY].state == StageState.DONE
    assert stages[StageKind.APPROVAL].state == StageState.PENDING
    assert StageKind.COMPENSATION_RECORD not in stages
