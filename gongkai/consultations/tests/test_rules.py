"""The statutory rules of a consultation, pure: the comment period, the
hearing, the adoption report's 10 working days, and comment grouping."""

import datetime as dt

from gongkai.consultations import drafts, filters, grouping, rules
from gongkai.core.calendar import WorkingDayCalendar

CALENDAR = WorkingDayCalendar()


def test_a_period_of_30_days_both_ends_included_needs_no_reason():
    assert rules.period_days(dt.date(2026, 6, 1), dt.date(2026, 6, 30)) == 30
    assert (
        rules.period_problems(
            opens_on=dt.date(2026, 6, 1),
            closes_on=dt.date(2026, 6, 30),
            shortened_reason="",
        )
        == {}
    )


def test_a_shorter_period_needs_its_reason():
    problems = rules.period_problems(
        opens_on=dt.date(2026, 6, 1),
        closes_on=dt.date(2026, 6, 29),
        shortened_reason="",
    )
    assert "29天" in problems["shortened_reason"]
    assert (
        rules.period_problems(
            opens_on=dt.date(2026, 6, 1),
            closes_on=dt.date(2026, 6, 15),
            shortened_reason="汛期地质灾害防治需要，紧急出台。",
        )
        == {}
    )


def test_the_minimum_is_configurable_and_the_end_cannot_precede_the_start():
    assert "shortened_reason" in rules.period_problems(
        opens_on=dt.date(2026, 6, 1),
        closes_on=dt.date(2026, 7, 10),
        shortened_reason="",
        min_days=45,
    )
    assert "closes_on" in rules.period_problems(
        opens_on=dt.date(2026, 6, 10),
        closes_on=dt.date(2026, 6, 1),
        shortened_reason="",
    )


def test_a_hearing_publishes_its_participants_before_and_sends_materials_7_days_ahead():
    held_on = dt.date(2026, 6, 20)
    assert (
        rules.hearing_problems(
            held_on=held_on,
            participants_published_on=dt.date(2026, 6, 10),
            materials_sent_on=dt.date(2026, 6, 13),
        )
        == {}
    )
    problems = rules.hearing_problems(
        held_on=held_on,
        participants_published_on=held_on,
        materials_sent_on=dt.date(2026, 6, 14),
    )
    assert set(problems) == {"participants_published_on", "materials_sent_on"}


def test_the_adoption_report_is_due_10_working_days_after_the_document_over_national_day():
    # 9/29, 9/30, (10/1–10/7 holiday), 10/8, 10/9, 10/10 (调休上班), 10/12–10/16.
    countdown = rules.adoption_countdown(
        issued_on=dt.date(2026, 9, 28),
        published_on=None,
        today=dt.date(2026, 9, 28),
        calendar=CALENDAR,
    )
    assert countdown.due_on == dt.date(2026, 10, 16)
    assert countdown.state == rules.CountdownState.RUNNING
    assert countdown.working_days_left == 10


def test_the_countdown_warns_in_the_last_3_working_days_and_flags_the_breach():
    def on(day, published_on=None):
        return rules.adoption_countdown(
            issued_on=dt.date(2026, 9, 28),
            published_on=published_on,
            today=day,
            calendar=CALENDAR,
        )

    assert on(dt.date(2026, 10, 12)).state == rules.CountdownState.RUNNING
    soon = on(dt.date(2026, 10, 13))
    assert (soon.state, soon.working_days_left) == (rules.CountdownState.DUE_SOON, 3)
    assert on(dt.date(2026, 10, 16)).working_days_left == 0
    late = on(dt.date(2026, 10, 19))
    assert (late.state, late.working_days_left) == (rules.CountdownState.OVERDUE, -1)
    assert on(dt.date(2026, 10, 30), dt.date(2026, 10, 16)).state == "on_time"
    assert on(dt.date(2026, 10, 30), dt.date(2026, 10, 19)).is_breach


def test_no_countdown_before_the_document_is_issued():
    countdown = rules.adoption_countdown(
        issued_on=None, published_on=None, today=dt.date(2026, 6, 1), calendar=CALENDAR
    )
    assert countdown.state == rules.CountdownState.WAITING and not countdown.is_open


def test_concentrated_opinions_not_adopted_need_their_reason():
    groups = [
        rules.GroupAnswer("延长公告期", 5, "not_adopted", ""),
        rules.GroupAnswer("个别意见", 1, "not_adopted", ""),
        rules.GroupAnswer("增加听证", 3, "partly", "已在第八条增加"),
        rules.GroupAnswer("未处理的", 2, "undecided", ""),
    ]
    problems = rules.answer_problems(
        groups,
        concentrated=3,
        undecided="undecided",
        rejected={"not_adopted", "partly"},
    )
    assert len(problems) == 2
    assert "延长公告期" in problems[0] and "5条" in problems[0]
    assert "未处理的" in problems[1]


def test_similar_comments_are_grouped_and_different_ones_kept_apart():
    comments = [
        (1, "建议将出让公告期限延长到30日，20日太短，企业来不及准备竞买材料。"),
        (2, "出让公告期限20日太短，建议延长到30日。"),
        (3, "请在办法中明确征地补偿款的发放时间和标准。"),
        (4, "公告期限太短了，企业准备竞买材料来不及，应延长公告期限。"),
        (5, "征地补偿款发放时间和补偿标准应当在办法中写明。"),
        (6, "网上交易系统的操作手册希望一并公布。"),
    ]
    groups = grouping.group_similar(comments, threshold=0.3)
    assert groups[0] == [1, 2, 4]
    assert [3, 5] in groups
    assert [6] in groups
    assert len(groups) == 3


def test_grouping_finds_matching_words_inside_longer_ones():
    # 矿权 inside 采矿权: the bigram tokens match where words would not.
    groups = grouping.group_similar(
        [(1, "采矿权出让收益如何缴纳"), (2, "矿权出让收益的缴纳方式")], threshold=0.3
    )
    assert groups == [[1, 2]]


def test_a_draft_is_split_into_its_articles_or_paragraphs():
    sections = drafts.sections(
        "某办法\n第一章 总则\n第一条 目的。\n本条第二款。\n第二条 范围。"
    )
    assert [(s.key, s.label) for s in sections] == [
        ("", ""),
        ("", ""),
        ("第一条", "第一条"),
        ("第二条", "第二条"),
    ]
    assert "本条第二款" in sections[2].text
    assert drafts.section_choices("一段。\n\n二段。") == [
        ("p1", "第1段"),
        ("p2", "第2段"),
    ]


def test_filters_hold_links_blocked_words_noise_and_repeats():
    def reasons(text, earlier=()):
        return filters.suspicion_reasons(
            text, blocked_words=["代开发票"], earlier_texts=list(earlier)
        )

    assert reasons("建议延长公告期限到30日。") == []
    assert len(reasons("优惠 http://a.example.com 和 www.b.example.com")) == 1
    assert "代开发票" in reasons("专业代开发票，联系我")[0]
    assert reasons("啊啊啊啊啊啊啊啊啊啊啊啊")
    assert reasons("好")
    assert reasons("建议延长公告期限。", earlier=["建议延长 公告期限。"])


def test_a_comment_between_two_opinions_does_not_merge_them():
    # Each comment is measured against a whole group: the one that speaks of
    # both the deposit and the listing period joins one group, and the two
    # opinions stay apart (single linkage would chain them into one).
    comments = [
        (1, "竞买保证金比例太高，建议降低竞买保证金比例。"),
        (2, "建议降低竞买保证金的比例，减轻企业负担。"),
        (3, "竞买保证金比例过高，企业负担重，应当降低。"),
        (4, "竞买保证金比例太高，挂牌期限也太短，建议延长挂牌期限。"),
        (5, "挂牌期限太短，建议延长挂牌期限到20个工作日。"),
        (6, "建议延长挂牌期限，挂牌期限10个工作日太短。"),
        (7, "挂牌期限太短了，应当延长。"),
    ]
    groups = grouping.group_similar(comments, threshold=0.35)
    deposit = next(group for group in groups if 1 in group)
    listing = next(group for group in groups if 5 in group)
    assert deposit != listing
    assert {1, 2, 3} <= set(deposit)
    assert {5, 6, 7} <= set(listing)


def test_personal_data_a_commenter_writes_is_masked_for_the_public():
    from gongkai.consultations.privacy import public_text

    text = public_text(
        "联系电话：13812345678，座机0533-7123456，邮箱zhang.san@example.com，"
        "出让公告期限20日太短。"
    )
    assert "13812345678" not in text and "138****5678" in text
    assert "7123456" not in text and "053****3456" in text
    assert "zhang.san@" not in text and "z***@example.com" in text
    assert "出让公告期限20日太短" in text
