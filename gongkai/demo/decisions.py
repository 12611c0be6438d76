"""Demo data of major decisions: the year's decision catalogue with two
items. The first is complete: its consultation closed months ago with a
symposium and a hearing, the comments were moderated, grouped and answered,
the decision was taken with public representatives attending, and the
adoption report went out within 10 working days of the decision document;
every stage of its hub is linked. The second is being consulted on now and
takes comments on the portal. Dates are counted back from the day the demo
is loaded, on working days. Loading twice changes nothing."""

import datetime as dt

from django.utils import timezone

from gongkai.accounts.models import Agency, Department, User

CATALOGUE_TITLE_SUFFIX = "重大行政决策事项目录"
LEGAL_DEPARTMENT = "法规科"
MARKET_DEPARTMENT = "自然资源利用科"
DECISION_COLUMN = "法定主动公开内容/重大行政决策"

COMPLETED_TITLE = "制定《临淄区国有建设用地使用权网上交易管理办法》"
OPEN_TITLE = "修订《临淄区闲置土地处置办法》"

COMPLETED_DRAFT = """临淄区国有建设用地使用权网上交易管理办法（征求意见稿）
第一章 总则
第一条 为规范国有建设用地使用权网上交易行为，维护交易各方合法权益，根据有关法律法规，结合本区实际，制定本办法。
第二条 本区行政区域内以招标、拍卖、挂牌方式出让国有建设用地使用权的网上交易活动，适用本办法。
第三条 区自然资源局负责网上交易的组织实施，区公共资源交易中心提供交易场所和技术保障。
第二章 交易程序
第四条 出让公告应当在网上交易系统和区人民政府门户网站同时发布，公告期不少于20日。
第五条 竞买人应当在公告规定的期限内通过网上交易系统提交竞买申请并交纳竞买保证金。
第六条 挂牌期限不少于10个工作日，挂牌期间竞买人可以多次报价。
第七条 成交结果应当在交易结束后10个工作日内公示。
第三章 附则
第八条 本办法自发布之日起施行，有效期5年。
"""

OPEN_DRAFT = """临淄区闲置土地处置办法（修订征求意见稿）
第一条 为有效处置和充分利用闲置土地，促进节约集约用地，根据《闲置土地处置办法》，结合本区实际，制定本办法。
第二条 本办法所称闲置土地，是指国有建设用地使用权人超过合同约定的动工开发日期满一年未动工开发的国有建设用地。
第三条 区自然资源局负责闲置土地的调查认定和处置工作。
第四条 闲置土地调查认定后，区自然资源局应当向国有建设用地使用权人下达《闲置土地认定书》，并在门户网站公开闲置土地的位置、面积和认定情况。
第五条 因国有建设用地使用权人原因造成土地闲置的，未动工开发满一年的，按照土地出让价款的百分之二十征缴土地闲置费。
第六条 本办法自发布之日起施行。
"""

# (body, article): comments of the completed consultation, in four themes
# the grouping finds.
COMPLETED_COMMENTS = (
    ("建议将出让公告期限延长到30日，20日太短，企业来不及准备竞买材料。", "第四条"),
    ("出让公告期限20日太短，建议延长到30日，方便企业准备。", "第四条"),
    ("公告期20日太短了，企业来不及准备材料，建议公告期延长至30日。", "第四条"),
    ("建议明确网上交易系统出现故障时的处理办法和交易时间顺延规则。", "第三条"),
    ("网上交易系统故障时交易如何处理、时间是否顺延，建议作出明确规定。", "第三条"),
    ("建议竞买保证金可以使用银行保函交纳，减轻企业资金压力。", "第五条"),
    ("希望允许以银行保函方式交纳竞买保证金，减轻企业负担。", "第五条"),
    ("建议成交结果公示时同时公开竞买人数量和报价轮次。", "第七条"),
)
COMPLETED_ANSWERS = {
    "第四条": (
        "not_adopted",
        "《招标拍卖挂牌出让国有建设用地使用权规定》规定出让公告应当至少在"
        "投标、拍卖或者挂牌开始日前20日发布，本办法与上位法保持一致；"
        "同时明确鼓励提前发布出让计划，便于企业提前准备。",
    ),
    "第三条": ("adopted", "已在第三条增加系统故障时暂停交易、顺延时间的规定。"),
    "第五条": (
        "partly",
        "已增加可以使用银行保函交纳竞买保证金的规定，具体办法由区财政局另行制定。",
    ),
    "第七条": ("adopted", "已在第七条增加公开竞买人数量和报价轮次的规定。"),
}

OPEN_COMMENTS = (
    ("建议在门户网站公开闲置土地的处置结果，而不仅是认定情况。", "第四条", True),
    ("因政府原因造成闲置的情形，建议明确协商处置的期限。", "", True),
    ("土地闲置费征收标准建议区分不同闲置时间分档征收。", "第五条", False),
)


def load_demo_decisions(
    *, agency: Agency, departments: dict[str, Department], columns
) -> None:
    from gongkai.decisions.models import Decision

    if Decision.objects.filter(
        catalogue__agency=agency, title=COMPLETED_TITLE
    ).exists():
        return
    from gongkai.core.selectors import working_day_calendar

    calendar = working_day_calendar()
    today = timezone.localdate()
    legal = departments[LEGAL_DEPARTMENT]
    column = columns[DECISION_COLUMN]
    editor = User.objects.get(username="legal")
    moderator = User.objects.get(username="legal_head")

    opened = _working_day_before(calendar, today - dt.timedelta(days=160))
    catalogue = _catalogue(agency=agency, before=opened)
    completed = Decision.objects.create(
        catalogue=catalogue,
        number=1,
        title=COMPLETED_TITLE,
        department=legal,
        basis="《重大行政决策程序暂行条例》《招标拍卖挂牌出让国有建设用地使用权规定》",
        description="规范国有建设用地使用权网上交易的公告、申请、报价、成交和公示。",
        planned_on=today - dt.timedelta(days=30),
    )
    _complete(
        decision=completed,
        opened=opened,
        column=column,
        calendar=calendar,
        editor=editor,
        moderator=moderator,
        today=today,
    )
    upcoming = Decision.objects.create(
        catalogue=catalogue,
        number=2,
        title=OPEN_TITLE,
        department=legal,
        basis="《闲置土地处置办法》（国土资源部令第53号）",
        description="修订闲置土地的认定、处置和信息公开规定。",
        planned_on=today + dt.timedelta(days=90),
    )
    _open_consultation(
        decision=upcoming, today=today, calendar=calendar, moderator=moderator
    )


def _working_day_before(calendar, day: dt.date) -> dt.date:
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _catalogue(*, agency: Agency, before: dt.date):
    from gongkai.decisions.models import DecisionCatalogue

    published_on = before - dt.timedelta(days=15)
    catalogue, _created = DecisionCatalogue.objects.get_or_create(
        agency=agency,
        year=published_on.year,
        defaults={
            "title": f"{agency.name}{published_on.year}年度{CATALOGUE_TITLE_SUFFIX}",
            "approved_on": published_on - dt.timedelta(days=5),
            "published_on": published_on,
        },
    )
    return catalogue


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _consultation(
    *, decision, title, draft_title, draft, explanation, background, opens_on, closes_on
):
    from gongkai.consultations.models import Consultation

    return Consultation.objects.create(
        agency=decision.catalogue.agency,
        department=decision.department,
        decision=decision,
        title=title,
        draft_title=draft_title,
        draft_text=draft,
        explanation=explanation,
        background=background,
        opens_on=opens_on,
        closes_on=closes_on,
        other_ways="信函请寄：临淄区自然资源局法规科（演示地址），信封注明“意见建议”。",
    )


def _publish_consultation(consultation, *, on: dt.date):
    """What 发布 did on ``on`` (a day before today, which the service itself
    refuses to back-date): published, announced on the portal, new media,
    a reading room and the newspaper."""
    from gongkai.consultations.choices import ChannelKind, ConsultationStatus
    from gongkai.consultations.models import Consultation, ConsultationChannel

    Consultation.objects.filter(pk=consultation.pk).update(
        status=ConsultationStatus.PUBLISHED, published_at=_at(on, 9)
    )
    for kind, name in (
        (ChannelKind.PORTAL, f"{consultation.agency.name}门户网站"),
        (ChannelKind.NEW_MEDIA, "“临淄自然资源”微信公众号"),
        (ChannelKind.READING_ROOM, "临淄区政务服务中心政府信息查阅点"),
        (ChannelKind.NEWSPAPER, "《淄博日报》"),
    ):
        ConsultationChannel.objects.create(
            consultation=consultation, kind=kind, name=name, announced_on=on
        )
    consultation.refresh_from_db()
    return consultation


def _complete(*, decision, opened, column, calendar, editor, moderator, today):
    from gongkai.consultations import services
    from gongkai.consultations.choices import CommentStatus, ParticipationKind
    from gongkai.consultations.models import Comment, Participation
    from gongkai.decisions.models import DecisionStage

    closes_on = opened + dt.timedelta(days=30)
    consultation = _consultation(
        decision=decision,
        title="关于公开征求《临淄区国有建设用地使用权网上交易管理办法（征求意见稿）》意见的公告",
        draft_title="临淄区国有建设用地使用权网上交易管理办法（征求意见稿）",
        draft=COMPLETED_DRAFT,
        explanation=(
            "为落实国有建设用地使用权网上交易的有关要求，区自然资源局起草了本办法。"
            "征求意见稿共三章八条，主要规定了网上交易的组织、公告、申请、报价和公示。"
        ),
        background=(
            "本区自2022年起推行国有建设用地使用权网上交易，交易规则散见于各类通知，"
            "需要以规范性文件统一规定，提高交易的公开性和便利性。"
        ),
        opens_on=opened,
        closes_on=closes_on,
    )
    consultation = _publish_consultation(consultation, on=opened)
    symposium_on = calendar.add_working_days(opened, 8)
    hearing_on = calendar.add_working_days(opened, 15)
    Participation.objects.create(
        consultation=consultation,
        kind=ParticipationKind.SYMPOSIUM,
        held_on=symposium_on,
        place="区自然资源局三楼会议室",
        participants="房地产开发企业代表6名、工业企业代表4名、区公共资源交易中心工作人员2名",
        summary="与会代表就公告期限、保证金交纳方式和系统故障处理提出意见，已纳入意见汇总。",
    )
    Participation.objects.create(
        consultation=consultation,
        kind=ParticipationKind.HEARING,
        held_on=hearing_on,
        place="区政务服务中心听证室",
        participants=(
            "听证主持人：区司法局工作人员1名\n"
            "听证参加人：企业代表5名、律师2名、人大代表和政协委员各1名、社区居民代表2名"
        ),
        participants_published_on=hearing_on - dt.timedelta(days=12),
        materials_sent_on=hearing_on - dt.timedelta(days=10),
        summary="听证参加人对征求意见稿总体赞成，建议明确系统故障时的处理规则。",
    )
    for number, (body, article) in enumerate(COMPLETED_COMMENTS):
        submitted = opened + dt.timedelta(days=1 + number * 3)
        Comment.objects.create(
            consultation=consultation,
            section_key=article,
            section_label=article,
            body=body,
            name="某房地产开发有限公司" if number % 3 == 0 else "",
            contact="0533-71" + f"{number:05d}" if number % 3 == 0 else "",
            submitted_at=_at(submitted, 14),
            status=CommentStatus.APPROVED,
            moderated_by=moderator,
            moderated_at=_at(submitted + dt.timedelta(days=1), 9),
        )
    Comment.objects.create(
        consultation=consultation,
        body="专业代开发票，联系微信。",
        submitted_at=_at(opened + dt.timedelta(days=2), 3),
        status=CommentStatus.REJECTED,
        suspicion="含有屏蔽词：代开发票",
        moderated_by=moderator,
        moderated_at=_at(opened + dt.timedelta(days=3), 9),
        moderation_reason="广告信息，与征求意见内容无关。",
    )

    meeting_on = calendar.add_working_days(closes_on, 20)
    issued_on = calendar.add_working_days(meeting_on, 3)
    legality_on = calendar.add_working_days(closes_on, 12)
    decision.meeting_on = meeting_on
    decision.issued_on = issued_on
    decision.attendance = "区政府常务会议审议时，邀请企业代表2名、律师1名、社区居民代表1名列席会议并发表意见。"
    decision.save()
    legality = _publish_item(
        column=column,
        department=decision.department,
        title="关于《临淄区国有建设用地使用权网上交易管理办法》的合法性审查意见",
        body="<p>经审查，《办法》制定主体合法，内容不违反上位法规定，程序符合要求。</p>",
        written_on=legality_on,
        published_on=legality_on,
    )
    result = _publish_item(
        column=column,
        department=decision.department,
        title="临淄区国有建设用地使用权网上交易管理办法",
        body="<p>" + "</p><p>".join(COMPLETED_DRAFT.splitlines()[1:]) + "</p>",
        written_on=issued_on,
        published_on=issued_on,
        document_number=f"临自然资发〔{issued_on.year}〕12号",
    )
    DecisionStage.objects.create(decision=decision, kind="legality", item=legality)
    DecisionStage.objects.create(decision=decision, kind="result", item=result)

    services.group_comments(consultation=consultation, actor=editor)
    for group in consultation.groups.all():
        article = group.comments.values_list("section_key", flat=True).first()
        verdict, reason = COMPLETED_ANSWERS[article]
        services.answer_group(
            group=group,
            label=group.label,
            verdict=verdict,
            reason=reason,
            actor=editor,
        )
    report = services.submit_adoption_report(
        consultation=consultation,
        introduction=(
            "征求意见期间，通过门户网站、微信公众号、政府信息查阅点和报刊公开征求意见，"
            "并召开座谈会和听证会，共收到有效意见建议8条。"
        ),
        actor=editor,
    )
    _publish_without_review(
        report.item,
        on=calendar.add_working_days(issued_on, 7),
        record=services.record_adoption_publication,
    )


def _publish_item(
    *, column, department, title, body, written_on, published_on, document_number=""
):
    from gongkai.catalog.choices import Genre
    from gongkai.publishing.services import ItemData, publish_item

    return publish_item(
        column=column,
        data=ItemData(
            title=title,
            written_on=written_on,
            document_number=document_number,
            publisher="临淄区自然资源局",
            genre=Genre.MEASURES if document_number else Genre.OPINION,
            department=department,
            body_html=body,
        ),
        published_on=published_on,
        actor=None,
    )


def _publish_without_review(item, *, on: dt.date, record) -> None:
    """What the three reviewers did months ago: the item goes live dated
    ``on``, and its report is recorded as published that day."""
    from gongkai.consultations.models import AdoptionReport
    from gongkai.publishing.services import publish_datetime

    state = item.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    item.first_published_at = publish_datetime(on)
    item.written_on = on
    item.save_revision(user=None).publish(user=None)
    record(item=item, actor=None)
    at = publish_datetime(on)
    type(item).objects.filter(pk=item.pk).update(
        first_published_at=at, last_published_at=at, written_on=on
    )
    AdoptionReport.objects.filter(item=item).update(published_at=at)


def _open_consultation(*, decision, today, calendar, moderator):
    from gongkai.consultations import services

    opened = _working_day_before(calendar, today - dt.timedelta(days=5))
    consultation = _consultation(
        decision=decision,
        title="关于公开征求《临淄区闲置土地处置办法（修订征求意见稿）》意见的公告",
        draft_title="临淄区闲置土地处置办法（修订征求意见稿）",
        draft=OPEN_DRAFT,
        explanation=(
            "为落实节约集约用地要求，区自然资源局对2018年印发的《临淄区闲置土地处置办法》"
            "进行了修订，主要增加了闲置土地认定情况公开和土地闲置费征收的规定。"
        ),
        background="近年来本区闲置土地处置工作中出现认定程序不统一、信息公开不及时等问题。",
        opens_on=opened,
        closes_on=today + dt.timedelta(days=30),
    )
    consultation = _publish_consultation(consultation, on=opened)
    for body, article, approve in OPEN_COMMENTS:
        comment = services.submit_comment(
            consultation=consultation,
            data=services.CommentData(body=body, section_key=article),
            client_address="",
        )
        if approve:
            services.moderate_comment(
                comment=comment, approve=True, reason="", actor=moderator
            )
