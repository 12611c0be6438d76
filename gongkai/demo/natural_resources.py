"""Demo data of the bureau's own field, dated back from the day the demo is
loaded: a year of land market (the plan, six sales with their parcels,
成交公示 and 供应结果, and one announcement now in 三审), benchmark and
standard land prices with eight quarters of figures, a mining-right
transfer and its neighbours, and one complete expropriation project with
its documents, three villages and their notices delivered. What reviewers
did in the past is recorded as published on its day; loading twice
changes nothing."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from gongkai.accounts.models import Agency, User
from gongkai.core.selectors import working_day_calendar

LAND_COLUMN = "法定主动公开内容/重点领域信息公开/自然资源市场交易"
MINING_COLUMN = "法定主动公开内容/重点领域信息公开/矿业权信息"
EXPROPRIATION_COLUMN = "法定主动公开内容/重点领域信息公开/征地信息"
TOWNSHIPS = (
    "辛店街道",
    "凤凰镇",
    "金岭回族镇",
    "齐都镇",
    "皇城镇",
    "敬仲镇",
    "朱台镇",
    "金山镇",
)
# use, base price (万元/亩-ish, per 10,000 m²), term
USES = (
    ("industrial", Decimal("180"), 50),
    ("commercial", Decimal("620"), 40),
    ("residential", Decimal("960"), 70),
)
EXPROPRIATION_NAME = "临淄区2026年度第2批次城镇建设用地"


def load_demo_natural_resources(*, agency: Agency, departments, columns) -> None:
    from gongkai.land_market.models import TransferAnnouncement

    if TransferAnnouncement.objects.filter(agency=agency).exists():
        return
    today = timezone.localdate()
    calendar = working_day_calendar()
    _land_market(
        agency=agency,
        department=departments["自然资源利用科"],
        column=columns[LAND_COLUMN],
        today=today,
        calendar=calendar,
    )
    _land_prices(agency=agency, department=departments["自然资源利用科"], today=today)
    _mining_rights(
        agency=agency,
        department=departments["矿产资源管理科"],
        column=columns[MINING_COLUMN],
        today=today,
        calendar=calendar,
    )
    _expropriation(
        agency=agency,
        department=departments["耕保科"],
        column=columns[EXPROPRIATION_COLUMN],
        today=today,
        calendar=calendar,
    )


def _working_on_or_before(calendar, day: dt.date) -> dt.date:
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _listing_end(calendar, start: dt.date) -> dt.date:
    """The listing's last day: ten working days, at least ten days."""
    from gongkai.land_market.periods import listing_working_days

    end = start + dt.timedelta(days=13)
    while listing_working_days(starts_on=start, ends_on=end, calendar=calendar) < 10:
        end += dt.timedelta(days=1)
    return end


def _publish_notice(*, model, column, data, day, **lookup):
    """A notice the reviewers passed on ``day``: its item live from then."""
    from gongkai.publishing.generated import GeneratedStatus
    from gongkai.publishing.services import publish_item

    item = publish_item(column=column, data=data, published_on=day, actor=None)
    model.objects.update_or_create(
        **lookup,
        defaults={
            "item": item,
            "status": GeneratedStatus.PUBLISHED,
            "published_on": day,
        },
    )
    return item


def _land_market(*, agency, department, column, today, calendar) -> None:
    from gongkai.land_market import services
    from gongkai.land_market.choices import NoticeKind, ParcelOutcome
    from gongkai.land_market.models import (
        LandMarketNotice,
        Parcel,
        SupplyPlan,
        SupplyPlanLine,
        TransferAnnouncement,
    )

    plan_day = _working_on_or_before(calendar, today - dt.timedelta(days=340))
    plan = SupplyPlan.objects.create(
        agency=agency,
        department=department,
        year=plan_day.year,
        description="依据国土空间规划和年度土地利用计划编制，优先保障重点项目和民生用地。",
    )
    for use, hectares in (
        ("industrial", "86.5"),
        ("commercial", "18.2"),
        ("residential", "42.0"),
        ("public", "12.6"),
    ):
        SupplyPlanLine.objects.create(plan=plan, use=use, hectares=Decimal(hectares))
    _publish_notice(
        model=LandMarketNotice,
        column=column,
        data=services.notice_item_data(
            kind=NoticeKind.SUPPLY_PLAN, subject=plan, written_on=plan_day
        ),
        day=plan_day,
        kind=NoticeKind.SUPPLY_PLAN,
        plan=plan,
    )
    code = 0
    for number in range(1, 7):
        sale = _working_on_or_before(
            calendar, today - dt.timedelta(days=300 - 48 * number)
        )
        published = sale - dt.timedelta(days=25)
        end = _listing_end(calendar, sale)
        announcement = TransferAnnouncement.objects.create(
            agency=agency,
            department=department,
            number=f"临自然资告字〔{sale.year}〕{number}号",
            sale_starts_on=sale,
            listing_starts_on=sale,
            listing_ends_on=end,
            place="淄博市公共资源交易网上交易系统",
            registration="竞买申请人须在挂牌截止前通过网上交易系统提交申请并交纳竞买保证金。咨询电话：0533-7180000。",
        )
        for index in range(3 if number % 2 else 2):
            code += 1
            use, base, term = USES[(number + index) % 3]
            area = Decimal(8000 + 3700 * ((number * 7 + index * 3) % 9))
            start = (base * area / Decimal(10000)).quantize(Decimal("1"))
            finished = end < today
            sold = finished and not (number == 4 and index == 1)
            signed = calendar.add_working_days(end, 12)
            signed = signed if sold and signed <= today else None
            Parcel.objects.create(
                agency=agency,
                plan=plan,
                announcement=announcement,
                code=f"{sale.year}-{code:03d}",
                location=f"{TOWNSHIPS[(number + index) % len(TOWNSHIPS)]}{['齐兴路', '桓公路', '牛山路'][index % 3]}以{['北', '南', '东'][number % 3]}",
                township=TOWNSHIPS[(number + index) % len(TOWNSHIPS)],
                area_m2=area,
                use=use,
                term_years=term,
                plot_ratio="≥1.0" if use == "industrial" else "≤2.5",
                building_density="≥40%" if use == "industrial" else "≤30%",
                green_ratio="≤15%" if use == "industrial" else "≥35%",
                height_limit="24米" if use == "industrial" else "60米",
                starting_price=start,
                deposit=(start * Decimal("0.2")).quantize(Decimal("1")),
                increment=Decimal("10"),
                outcome=ParcelOutcome.SOLD
                if sold
                else (ParcelOutcome.UNSOLD if finished else ParcelOutcome.PENDING),
                sold_on=end if sold else None,
                buyer=[
                    "淄博齐鲁新材料有限公司",
                    "山东临淄置业有限公司",
                    "淄博桓公物流有限公司",
                ][index % 3]
                if sold
                else "",
                deal_price=start + Decimal(10 * (number + index)) if sold else None,
                contract_number=f"3703052{sale.year}B{code:05d}" if signed else "",
                contract_signed_on=signed,
            )
        for kind, day in (
            (NoticeKind.ANNOUNCEMENT, published),
            (NoticeKind.TRANSACTION, calendar.add_working_days(end, 5)),
            (NoticeKind.SUPPLY_RESULT, calendar.add_working_days(end, 20)),
        ):
            if day <= today:
                _publish_notice(
                    model=LandMarketNotice,
                    column=column,
                    data=services.notice_item_data(
                        kind=kind, subject=announcement, written_on=day
                    ),
                    day=day,
                    kind=kind,
                    announcement=announcement,
                )
    # The next sale: its announcement is in 三审 now.
    sale = today + dt.timedelta(days=40)
    upcoming = TransferAnnouncement.objects.create(
        agency=agency,
        department=department,
        number=f"临自然资告字〔{sale.year}〕{20 + sale.month}号",
        sale_starts_on=sale,
        listing_starts_on=sale,
        listing_ends_on=_listing_end(calendar, sale),
        place="淄博市公共资源交易网上交易系统",
    )
    code += 1
    Parcel.objects.create(
        agency=agency, plan=plan, announcement=upcoming, code=f"{sale.year}-{code:03d}",
        location="凤凰镇齐鲁化工区纬三路以南", township="凤凰镇", area_m2=Decimal("46670"),
        use="industrial", term_years=50, plot_ratio="≥1.2", starting_price=Decimal("850"),
        deposit=Decimal("170"), increment=Decimal("10"),
    )  # fmt: skip
    editor = User.objects.filter(username="market").first()
    if editor is not None:
        services.submit_notice(
            kind=NoticeKind.ANNOUNCEMENT, announcement=upcoming, actor=editor
        )


def _land_prices(*, agency, department, today) -> None:
    from gongkai.land_prices.models import LandPrice, LandPriceSystem, QuarterlyFigure

    benchmark = LandPriceSystem.objects.create(
        agency=agency, department=department, kind="benchmark",
        title="临淄区城区土地级别与基准地价（2023年更新）", document_number="临政字〔2023〕41号",
        valuation_on=dt.date(2023, 1, 1), effective_on=dt.date(2023, 9, 1),
        published_on=dt.date(2023, 8, 25),
    )  # fmt: skip
    older = LandPriceSystem.objects.create(
        agency=agency, department=department, kind="benchmark",
        title="临淄区城区土地级别与基准地价（2020年）", document_number="临政字〔2020〕18号",
        effective_on=dt.date(2020, 7, 1), published_on=dt.date(2020, 6, 20),
    )  # fmt: skip
    grades = ("一级", "二级", "三级", "四级")
    prices = {"commercial": 3120, "residential": 2860, "industrial": 520}
    for order, grade in enumerate(grades):
        for use, top in prices.items():
            factor = Decimal(1) - Decimal("0.18") * order
            LandPrice.objects.create(
                system=benchmark, use=use, grade=grade, sort_order=order,
                price=(Decimal(top) * factor).quantize(Decimal("1")),
            )  # fmt: skip
            LandPrice.objects.create(
                system=older, use=use, grade=grade, sort_order=order,
                price=(Decimal(top) * factor * Decimal("0.88")).quantize(Decimal("1")),
            )  # fmt: skip
    standard = LandPriceSystem.objects.create(
        agency=agency, department=department, kind="standard",
        title="临淄区2024年度标定地价", effective_on=dt.date(2024, 6, 1),
        published_on=dt.date(2024, 5, 28),
    )  # fmt: skip
    for order, (use, grade, price) in enumerate(
        (("commercial", "BD-01 辛店街道齐兴路", 3380), ("residential", "BD-02 稷下街道桓公路", 2990),
         ("industrial", "BD-03 凤凰镇齐鲁化工区", 560))
    ):  # fmt: skip
        LandPrice.objects.create(
            system=standard,
            use=use,
            grade=grade,
            price=Decimal(price),
            sort_order=order,
        )
    # Eight quarters up to the last one that ended before today.
    year, quarter = today.year, (today.month - 1) // 3
    if quarter == 0:
        year, quarter = year - 1, 4
    quarters = []
    for _step in range(8):
        quarters.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    for step, (year, quarter) in enumerate(reversed(quarters)):
        end_month = quarter * 3
        published = dt.date(year, end_month, 28) + dt.timedelta(days=20)
        for use, base, growth in (
            ("residential", 2780, 9),
            ("commercial", 3020, 6),
            ("industrial", 505, 2),
        ):
            QuarterlyFigure.objects.create(
                agency=agency, year=year, quarter=quarter, indicator="monitored_price",
                use=use, value=Decimal(base + growth * step + (7 if step % 4 == 2 else 0)),
                published_on=min(published, today),
            )  # fmt: skip
        for use, base in (
            ("residential", Decimal("8.4")),
            ("commercial", Decimal("3.1")),
        ):
            QuarterlyFigure.objects.create(
                agency=agency, year=year, quarter=quarter, indicator="real_estate_supply",
                use=use, value=base + Decimal(step % 3) * Decimal("1.7"),
                published_on=min(published, today),
            )  # fmt: skip


def _mining_rights(*, agency, department, column, today, calendar) -> None:
    from gongkai.mining_rights import services
    from gongkai.mining_rights.choices import MiningNoticeKind
    from gongkai.mining_rights.models import (
        MiningApproval,
        MiningDisclosure,
        MiningNotice,
        MiningRightTransfer,
    )

    published = _working_on_or_before(calendar, today - dt.timedelta(days=7))
    sale = calendar.add_working_days(published, 21)
    listing_end = calendar.add_working_days(sale, 9)
    transfer = MiningRightTransfer.objects.create(
        agency=agency, department=department, number=f"临自然资矿告〔{sale.year}〕1号",
        right_type="extraction", name="临淄区峱山建筑石料用灰岩矿", mineral="建筑石料用灰岩",
        location="齐陵街道峱山南麓", township="齐陵街道", area_km2=Decimal("0.1523"),
        term_years=10, method="listing", starting_price=Decimal("3600"), deposit=Decimal("720"),
        sale_starts_on=sale, listing_starts_on=sale, listing_ends_on=listing_end,
    )  # fmt: skip
    _publish_notice(
        model=MiningNotice, column=column,
        data=services.notice_item_data(kind=MiningNoticeKind.ANNOUNCEMENT, subject=transfer, written_on=published),
        day=published, kind=MiningNoticeKind.ANNOUNCEMENT, transfer=transfer,
    )  # fmt: skip
    approved = _working_on_or_before(calendar, today - dt.timedelta(days=60))
    approval = MiningApproval.objects.create(
        agency=agency, department=department, right_type="extraction", kind="extension",
        holder="淄博金岭铁矿有限公司", name="金岭铁矿侯家庄矿区", license_number="C3700002009121120049876",
        mineral="铁矿", approved_on=approved, valid_from=approved,
        valid_until=approved.replace(year=approved.year + 5),
    )  # fmt: skip
    _publish_notice(
        model=MiningNotice, column=column,
        data=services.notice_item_data(kind=MiningNoticeKind.APPROVAL, subject=approval, written_on=approved),
        day=calendar.add_working_days(approved, 3), kind=MiningNoticeKind.APPROVAL, approval=approval,
    )  # fmt: skip
    disclosure = MiningDisclosure.objects.create(
        agency=agency, department=department, year=today.year - 1, holder="淄博金岭铁矿有限公司",
        name="金岭铁矿侯家庄矿区", license_number="C3700002009121120049876",
        summary="年度开采铁矿石42万吨，矿山地质环境治理恢复面积1.6公顷，按规定缴纳矿业权出让收益。",
        finding="未发现问题",
    )  # fmt: skip
    day = _working_on_or_before(calendar, today - dt.timedelta(days=30))
    _publish_notice(
        model=MiningNotice, column=column,
        data=services.notice_item_data(kind=MiningNoticeKind.DISCLOSURE, subject=disclosure, written_on=day),
        day=day, kind=MiningNoticeKind.DISCLOSURE, disclosure=disclosure,
    )  # fmt: skip


def _expropriation(*, agency, department, column, today, calendar) -> None:
    from gongkai.catalog.choices import Genre
    from gongkai.expropriation.choices import StageKind
    from gongkai.expropriation.models import (
        AffectedVillage,
        ExpropriationProject,
        NoticeDelivery,
        ProjectDocument,
    )
    from gongkai.publishing.services import ItemData, publish_item

    pre = _working_on_or_before(calendar, today - dt.timedelta(days=220))
    pre_until = calendar.add_working_days(pre, 11)
    plan_day = calendar.add_working_days(pre_until, 15)
    plan_until = plan_day + dt.timedelta(days=31)
    submitted = calendar.add_working_days(plan_until, 15)
    received = calendar.add_working_days(submitted, 25)
    announced = calendar.add_working_days(received, 8)
    project = ExpropriationProject.objects.create(
        agency=agency, department=department, name=EXPROPRIATION_NAME,
        purpose="城镇建设（齐鲁化工区配套道路和安置住房）", area_hectares=Decimal("23.4816"),
        approval_number=f"鲁政土字〔{received.year}〕317号", approval_received_on=received,
        registration_until=plan_until, registration_place="凤凰镇人民政府征地办公室（镇政府二楼）",
        objection_channel="书面意见送凤凰镇人民政府征地办公室，或电话 0533-7180000",
        contact="0533-7180000", published_on=pre,
    )  # fmt: skip
    for township, village, groups, area in (
        ("凤凰镇", "东刘村", "第一、二村民小组", "9.8120"),
        ("凤凰镇", "西刘村", "第三村民小组", "7.2046"),
        ("金岭回族镇", "南卧石村", "", "6.4650"),
    ):
        AffectedVillage.objects.create(
            project=project,
            township=township,
            village=village,
            groups=groups,
            area_hectares=Decimal(area),
        )
    villages = "凤凰镇东刘村、西刘村和金岭回族镇南卧石村"

    def item(title, day, body, genre=Genre.ANNOUNCEMENT, number=""):
        return publish_item(
            column=column,
            data=ItemData(
                title=title, written_on=day, document_number=number, publisher=agency.name,
                department=department, genre=genre, summary=title, body_html=body,
            ),
            published_on=day,
            actor=None,
        )  # fmt: skip

    documents = [
        (
            StageKind.PRE_ANNOUNCEMENT,
            item(
                f"{EXPROPRIATION_NAME}征收土地预公告",
                pre,
                f"<p>因城镇建设需要，拟征收{villages}集体土地23.4816公顷。自本公告发布之日起，"
                "任何单位和个人不得在拟征收范围内抢栽抢建；违反规定抢栽抢建的，对抢栽抢建部分不予补偿。"
                "土地现状调查将于公告期满后开展，请被征收土地的所有权人、使用权人予以配合。</p>",
            ),
            (pre, pre_until),
        ),
        (
            StageKind.SURVEY,
            item(
                f"{EXPROPRIATION_NAME}土地现状调查结果",
                calendar.add_working_days(pre_until, 8),
                "<p>土地现状调查结果已经被征收土地的所有权人、使用权人确认。</p>",
                Genre.PUBLICITY,
            ),
            None,
        ),
        (
            StageKind.COMPENSATION_PLAN,
            item(
                f"{EXPROPRIATION_NAME}征地补偿安置方案公告",
                plan_day,
                "<p>征收范围、土地现状、征收目的、补偿方式和标准、安置对象、安置方式、社会保障等内容详见方案。"
                f"请被征收土地的所有权人、使用权人于{plan_until.isoformat()}前到凤凰镇人民政府征地办公室办理补偿登记。"
                "对方案有异议的，可在公告期内书面提出。</p>",
            ),
            (plan_day, plan_until),
        ),
    ]
    for kind, title in (
        (StageKind.PROPOSAL, "建设用地项目呈报说明书"),
        (StageKind.CONVERSION_PLAN, "农用地转用方案"),
        (StageKind.FARMLAND_PLAN, "补充耕地方案"),
        (StageKind.EXPROPRIATION_PLAN, "征收土地方案"),
        (StageKind.SUPPLY_PLAN, "供地方案"),
    ):
        documents.append(
            (
                kind,
                item(
                    f"{EXPROPRIATION_NAME}{title}",
                    received,
                    f"<p>{title}（经批准）。</p>",
                    Genre.PLAN,
                ),
                None,
            )
        )
    documents += [
        (
            StageKind.APPROVAL,
            item(
                f"山东省人民政府关于{EXPROPRIATION_NAME}农用地转用和土地征收的批复",
                received,
                "<p>同意将23.4816公顷农用地转为建设用地并征收。</p>",
                Genre.DECISION,
                f"鲁政土字〔{received.year}〕317号",
            ),
            None,
        ),
        (
            StageKind.ANNOUNCEMENT,
            item(
                f"{EXPROPRIATION_NAME}征收土地公告",
                announced,
                "<p>经山东省人民政府批准，现将征收范围、征收时间和补偿安置等事项公告如下。</p>",
            ),
            None,
        ),
        (
            StageKind.COMPENSATION_RECORD,
            item(
                f"{EXPROPRIATION_NAME}征地补偿款支付情况",
                calendar.add_working_days(announced, 20),
                "<p>征地补偿款已足额支付至被征收土地的农村集体经济组织和个人账户。</p>",
                Genre.PUBLICITY,
            ),
            None,
        ),
    ]
    for order, (kind, page, posted) in enumerate(documents):
        ProjectDocument.objects.create(
            project=project, stage=kind, item=page, sort_order=order,
            posted_from=posted[0] if posted else None, posted_until=posted[1] if posted else None,
        )  # fmt: skip
    ProjectDocument.objects.create(
        project=project, stage=StageKind.POLICY, title="《中华人民共和国土地管理法实施条例》",
        url="https://www.gov.cn/zhengce/content/2021-07/30/content_5628349.htm",
        published_on=dt.date(2021, 7, 30), sort_order=0,
    )  # fmt: skip
    for village in project.villages.all():
        for stage, day in (
            (StageKind.PRE_ANNOUNCEMENT, pre),
            (StageKind.COMPENSATION_PLAN, plan_day),
            (StageKind.ANNOUNCEMENT, announced),
        ):
            for channel, place in (
                ("bulletin_board", f"{village.village}村务公开栏"),
                ("wechat_group", f"{village.village}村民微信群"),
                ("broadcast", f"{village.village}村广播"),
            ):
                NoticeDelivery.objects.create(
                    project=project, village=village, stage=stage, channel=channel,
                    place=place, delivered_on=day, delivered_by=f"{village.township}征地办公室",
                )  # fmt: skip
