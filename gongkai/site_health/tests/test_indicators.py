"""The rules of 国办秘函〔2019〕19号 over plain facts (domain-rules §3.2)."""

from datetime import date, timedelta
from decimal import Decimal

from gongkai.catalog.columns import ColumnKind
from gongkai.site_health import indicators
from gongkai.site_health.choices import Indicator, Outcome
from gongkai.site_health.indicators import (
    BrokenLink,
    ColumnFacts,
    ItemProblem,
    MessageFacts,
    SiteFacts,
    Thresholds,
)

TODAY = date(2026, 12, 1)


def column(pk, kind=ColumnKind.NEWS, updated_days_ago=1, cycle=14, **extra):
    last = (
        None if updated_days_ago is None else TODAY - timedelta(days=updated_days_ago)
    )
    return ColumnFacts(
        page_id=pk,
        title=f"栏目{pk}",
        url=f"/c{pk}/",
        kind=kind,
        cycle_days=cycle,
        last_update_on=last,
        created_on=extra.pop("created_on", date(2020, 1, 1)),
        is_leaf=extra.pop("is_leaf", True),
        parent_id=extra.pop("parent_id", 1),
    )


def facts(**fields):
    defaults = {
        "today": TODAY,
        "home_page_id": 1,
        "home_title": "首页",
        "home_last_update_on": TODAY - timedelta(days=1),
    }
    return SiteFacts(**{**defaults, **fields})


def test_a_healthy_site_passes_with_full_score():
    result = indicators.assess(facts(columns=[column(2), column(3)]), Thresholds())
    assert result.passed
    assert result.score == Decimal("100.00")
    assert result.reasons == ()


def test_home_page_not_updated_for_more_than_two_weeks_is_a_veto():
    stale = facts(home_last_update_on=TODAY - timedelta(days=15))
    result = indicators.assess(stale, Thresholds())
    assert not result.passed
    assert result.score is None
    assert result.result(Indicator.HOME_NOT_UPDATED).outcome == Outcome.VETO
    assert "首页不更新" in result.reasons[0]
    fresh = facts(home_last_update_on=TODAY - timedelta(days=14))
    assert indicators.assess(fresh, Thresholds()).passed


def test_five_stale_news_and_notice_columns_together_are_a_veto():
    columns = [column(pk, updated_days_ago=15) for pk in range(2, 5)] + [
        column(pk, kind=ColumnKind.NOTICES, cycle=180, updated_days_ago=181)
        for pk in range(5, 7)
    ]
    result = indicators.assess(facts(columns=columns), Thresholds())
    assert not result.passed
    found = result.result(Indicator.COLUMNS_NOT_UPDATED)
    assert found.outcome == Outcome.VETO and found.count == 5
    # Four are only deducted.
    result = indicators.assess(facts(columns=columns[:4]), Thresholds())
    assert result.passed
    assert result.result(Indicator.COLUMNS_NOT_UPDATED).outcome == Outcome.DEDUCTED
    assert result.score == Decimal("96.00")


def test_a_column_inside_its_cycle_is_not_stale():
    result = indicators.assess(
        facts(
            columns=[
                column(2, kind=ColumnKind.POLICIES, cycle=180, updated_days_ago=180)
            ]
        ),
        Thresholds(stale_frequent_columns_veto=1),
    )
    assert result.passed


def test_ten_long_unupdated_columns_of_any_kind_are_a_veto():
    columns = [
        column(pk, kind=ColumnKind.OTHER, cycle=180, updated_days_ago=200)
        for pk in range(2, 12)
    ]
    result = indicators.assess(facts(columns=columns), Thresholds())
    assert result.result(Indicator.COLUMNS_LONG_UNUPDATED).outcome == Outcome.VETO
    assert result.result(Indicator.COLUMNS_NOT_UPDATED).count == 0
    assert not result.passed


def test_five_empty_leaf_columns_are_a_veto_and_parents_do_not_count():
    columns = [column(pk, updated_days_ago=None) for pk in range(2, 7)]
    parent = column(7, updated_days_ago=None, is_leaf=False)
    result = indicators.assess(facts(columns=[*columns[:4], parent]), Thresholds())
    assert result.passed
    assert result.result(Indicator.EMPTY_COLUMNS).count == 4
    result = indicators.assess(facts(columns=columns), Thresholds())
    assert not result.passed
    assert any("空白栏目" in reason for reason in result.reasons)


def test_messages_are_not_applicable_without_a_channel_and_a_veto_past_three_months():
    result = indicators.assess(facts(), Thresholds())
    messages = result.result(Indicator.UNANSWERED_MESSAGES)
    assert messages.outcome == Outcome.NOT_APPLICABLE
    assert "政务咨询" in messages.summary
    channel = MessageFacts(
        "局长信箱",
        unanswered=[("咨询宅基地", TODAY - timedelta(days=91)), ("咨询", TODAY)],
    )
    result = indicators.assess(facts(message_channels=[channel]), Thresholds())
    assert result.result(Indicator.UNANSWERED_MESSAGES).count == 1
    assert not result.passed


def test_deductions_are_listed_per_hit_and_the_score_can_fail():
    broken = [
        BrokenLink(3, "某页", "/a/", "/missing/", "站内地址不存在"),
        BrokenLink(1, "首页", "/", "http://x.invalid/", "HTTP 404", on_home=True),
    ]
    late = [ItemProblem(4, "迟发", "/b/", "…")] * 3
    result = indicators.assess(
        facts(broken_links=broken, links_checked=10, late_items=late), Thresholds()
    )
    assert result.result(Indicator.BROKEN_LINKS).points == Decimal("1.1")
    assert result.score == Decimal("97.40")
    strict = Thresholds(points_late_item=Decimal(20))
    result = indicators.assess(facts(late_items=late), strict)
    assert not result.passed
    assert result.score == Decimal("40.00")
    assert "低于60分" in result.reasons[0]


def test_zombie_columns_get_a_suggestion_and_topics_are_sleeping():
    active = column(2, kind=ColumnKind.NOTICES, cycle=180, updated_days_ago=10)
    zombie = column(3, kind=ColumnKind.NOTICES, cycle=180, updated_days_ago=600)
    lonely = column(4, kind=ColumnKind.OTHER, cycle=180, updated_days_ago=700)
    topic = column(5, kind=ColumnKind.TOPIC, cycle=180, updated_days_ago=200)
    statutory = column(6, kind=ColumnKind.OTHER, cycle=180, updated_days_ago=700)
    statutory = ColumnFacts(**{**statutory.__dict__, "is_statutory": True})
    result = indicators.assess(
        facts(columns=[active, zombie, lonely, topic, statutory]), Thresholds()
    )
    zombies = result.result(Indicator.ZOMBIE_COLUMNS).findings
    assert [(f.page_id, f.suggestion) for f in zombies] == [
        (3, "合并到“栏目2”"),
        (4, "关闭（信息移入上级或相近栏目）"),
        (6, "法定栏目，不宜关闭：请补充更新"),
    ]
    assert [f.page_id for f in result.result(Indicator.SLEEPING_TOPICS).findings] == [5]
