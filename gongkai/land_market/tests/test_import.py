"""Importing parcels from a GBK CSV saved by Excel and from XLSX: bad rows
are reported by row number with a reason and the good ones imported; a
second import of the corrected sheet updates instead of duplicating."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from gongkai.land_market.importing import import_land_market
from gongkai.land_market.models import Parcel, TransferAnnouncement

HEADER = (
    "公告编号,出让方式,出让活动开始日期,挂牌开始日期,挂牌截止日期,宗地编号,位置,"
    "镇（街道）,面积（平方米）,用途,出让年限（年）,容积率,起始价（万元）,出让结果,"
    "成交日期,受让人,成交价（万元）"
)
ROWS = [
    # 2: good, sold
    "临自然资告字〔2026〕5号,挂牌,2026-07-01,2026-07-01,2026-07-14,2026-101,凤凰镇工业园,"
    "凤凰镇,30000,工矿仓储用地,50,≥1.0,900,成交,2026-07-14,淄博某某化工有限公司,905",
    # 3: the area is no number
    "临自然资告字〔2026〕5号,挂牌,2026-07-01,2026-07-01,2026-07-14,2026-102,凤凰镇,"
    "凤凰镇,三万,工矿仓储用地,50,,800,,,,",
    # 4: an unknown use
    "临自然资告字〔2026〕5号,挂牌,2026-07-01,2026-07-01,2026-07-14,2026-103,凤凰镇,"
    "凤凰镇,12000,养殖用地,50,,300,,,,",
    # 5: sold without a buyer
    "临自然资告字〔2026〕5号,挂牌,2026-07-01,2026-07-01,2026-07-14,2026-104,凤凰镇,"
    "凤凰镇,12000,商服用地,40,,300,成交,2026-07-14,,320",
    # 6: good, unsold, at another sale
    "临自然资告字〔2026〕6号,拍卖,2026/8/3,,,2026-105,金山镇,金山镇,5000.5,住宅用地,"
    "70,≤2.5,1500,流拍,,,",
    # 7: the same parcel code again
    "临自然资告字〔2026〕6号,拍卖,2026/8/3,,,2026-105,金山镇,金山镇,5000.5,住宅用地,"
    "70,≤2.5,1500,,,,",
]


def write_gbk(path, rows):
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("gbk"))
    return path


@pytest.mark.django_db
def test_a_gbk_sheet_imports_its_good_rows_and_reports_each_bad_one(agency, tmp_path):
    report = import_land_market(
        path=write_gbk(tmp_path / "宗地.csv", ROWS), agency=agency, actor=None
    )
    assert (report.created, report.updated, report.rejected) == (2, 0, 4)
    messages = {error.row: error.message for error in report.errors}
    assert "“面积（平方米）”的“三万”不是非负数" in messages[3]
    assert "“养殖用地”无法识别" in messages[4] and "商服用地" in messages[4]
    assert "成交的宗地须填写“受让人”" in messages[5]
    assert "与第 6 行重复" in messages[7]
    sold = Parcel.objects.get(code="2026-101")
    assert sold.buyer == "淄博某某化工有限公司" and sold.deal_price == Decimal("905")
    assert sold.announcement.number == "临自然资告字〔2026〕5号"
    assert sold.announcement.listing_ends_on == dt.date(2026, 7, 14)
    assert Parcel.objects.get(code="2026-105").area_m2 == Decimal("5000.5")
    lines = report.lines()
    assert "第 3 行：" in "\n".join(lines)
    # A 14-day listing has 10 working days: no period warning for it.
    assert not any("5号" in warning for warning in report.warnings)


@pytest.mark.django_db
def test_importing_the_corrected_sheet_again_updates_what_it_created(agency, tmp_path):
    path = write_gbk(tmp_path / "宗地.csv", ROWS)
    import_land_market(path=path, agency=agency, actor=None)
    corrected = [ROWS[0].replace(",905", ",910"), ROWS[1].replace("三万", "30000")]
    report = import_land_market(
        path=write_gbk(path, corrected), agency=agency, actor=None
    )
    assert (report.created, report.updated, report.rejected) == (1, 1, 0)
    assert Parcel.objects.filter(code="2026-101").get().deal_price == Decimal("910")
    assert Parcel.objects.count() == 3
    assert TransferAnnouncement.objects.count() == 2
    # The same sheet once more: every parcel found, nothing to change.
    report = import_land_market(path=path, agency=agency, actor=None)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert "更新 0 宗，未变 2 宗" in "\n".join(report.lines())


@pytest.mark.django_db
def test_a_sales_title_on_one_of_its_rows_names_the_sale(agency, tmp_path):
    header = HEADER.replace("公告编号,", "公告编号,公告标题,", 1)
    title = "临淄区自然资源局国有建设用地使用权挂牌出让公告"
    first, second = ROWS[0], ROWS[0].replace("2026-101", "2026-108")
    path = tmp_path / "宗地.csv"
    rows = [
        first.replace(",", f",{title},", 1),
        second.replace(",", ",,", 1),
        # Another title for the same sale is a mistake.
        second.replace("2026-108", "2026-109").replace(",", ",另一个标题,", 1),
    ]
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("gbk"))
    report = import_land_market(path=path, agency=agency, actor=None)
    assert (report.created, report.rejected) == (2, 1)
    assert "“公告标题”与第 2 行不一致" in report.errors[0].message
    announcement = TransferAnnouncement.objects.get()
    assert announcement.title == title and announcement.parcels.count() == 2


@pytest.mark.django_db
def test_a_listing_that_ends_before_it_starts_is_refused(agency, tmp_path):
    row = ROWS[0].replace(
        "2026-07-01,2026-07-14,2026-101", "2026-07-14,2026-07-01,2026-101"
    )
    report = import_land_market(
        path=write_gbk(tmp_path / "宗地.csv", [row]), agency=agency, actor=None
    )
    assert report.rejected == 1 and Parcel.objects.count() == 0
    assert "“挂牌截止日期”不能早于“挂牌开始日期”" in report.errors[0].message


@pytest.mark.django_db
def test_a_dry_run_writes_nothing(agency, tmp_path):
    report = import_land_market(
        path=write_gbk(tmp_path / "宗地.csv", ROWS[:1]),
        agency=agency,
        actor=None,
        dry_run=True,
    )
    assert report.created == 1 and Parcel.objects.count() == 0
    assert TransferAnnouncement.objects.count() == 0


@pytest.mark.django_db
def test_the_command_reads_xlsx_and_fails_when_rows_were_refused(agency, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "临自然资告字〔2026〕9号",
            "挂牌",
            dt.date(2026, 9, 28),
            dt.date(2026, 9, 28),
            dt.date(2026, 10, 7),
            "2026-201",
            "辛店街道",
            "辛店街道",
            8000.0,
            "商服用地",
            40,
            "",
            600.0,
            "",
            None,
            "",
            None,
        ]
    )
    sheet.append(["临自然资告字〔2026〕9号", "挂牌", "2026-13-01"])
    path = tmp_path / "宗地.xlsx"
    workbook.save(path)
    with pytest.raises(CommandError, match="有 1 行被拒绝"):
        call_command("import_land_market", str(path))
    assert Parcel.objects.get(code="2026-201").area_m2 == Decimal("8000")


@pytest.mark.django_db
def test_a_sheet_without_the_required_headers_is_refused_whole(agency, tmp_path):
    path = tmp_path / "宗地.csv"
    path.write_text("宗地编号,位置\n2026-1,凤凰镇\n", encoding="utf-8")
    with pytest.raises(CommandError, match="表头缺少必填列"):
        call_command("import_land_market", str(path))
    assert Parcel.objects.count() == 0


@pytest.mark.django_db
def test_an_import_changes_neither_what_review_fixed_nor_another_departments_sale(
    land_bureau, tmp_path
):
    from gongkai.land_market.choices import NoticeKind
    from gongkai.land_market.tests.conftest import published_notice

    path = write_gbk(tmp_path / "宗地.csv", [ROWS[0], ROWS[4]])
    import_land_market(
        path=path, agency=land_bureau["agency"], actor=land_bureau["clerk"]
    )
    fifth = TransferAnnouncement.objects.get(number="临自然资告字〔2026〕5号")
    published_notice(
        kind=NoticeKind.ANNOUNCEMENT, announcement=fifth, column=land_bureau["column"]
    )
    # The sixth sale belongs to the office.
    TransferAnnouncement.objects.filter(number="临自然资告字〔2026〕6号").update(
        department=None
    )
    corrected = [
        # the starting price of an announced parcel: refused
        ROWS[0].replace(",900,", ",950,"),
        # the deal price, fixed by no notice yet: taken
        ROWS[0].replace(",905", ",906").replace(",2026-101,", ",2026-101,"),
        # a new parcel on the announced sale: refused
        ROWS[1].replace("三万", "30000"),
        # the office's sale: refused for 自然资源利用科
        ROWS[4].replace(",1500,", ",1600,"),
    ]
    report = import_land_market(
        path=write_gbk(path, corrected[:1] + corrected[2:]),
        agency=land_bureau["agency"],
        actor=land_bureau["clerk"],
    )
    messages = {error.row: error.message for error in report.errors}
    assert "起始价（万元）" in messages[2] and "撤稿" in messages[2]
    assert "不能再增加宗地" in messages[3]
    assert "由其他科室办理" in messages[4]
    assert Parcel.objects.get(code="2026-101").starting_price == Decimal("900")
    report = import_land_market(
        path=write_gbk(path, corrected[1:2]),
        agency=land_bureau["agency"],
        actor=land_bureau["clerk"],
    )
    assert report.rejected == 0
    assert Parcel.objects.get(code="2026-101").deal_price == Decimal("906")


@pytest.mark.django_db
def test_values_that_do_not_fit_are_refused_by_row(agency, tmp_path):
    long_buyer = "淄博" * 120
    rows = [
        ROWS[0].replace("淄博某某化工有限公司", long_buyer),
        ROWS[4].replace(",70,", ",99,"),
        ROWS[4].replace("5000.5", "99999999999999").replace("2026-105", "2026-106"),
        ROWS[4].replace("5000.5", "5000.555").replace("2026-105", "2026-107"),
    ]
    report = import_land_market(
        path=write_gbk(tmp_path / "宗地.csv", rows), agency=agency, actor=None
    )
    messages = {error.row: error.message for error in report.errors}
    assert "“受让人”不能超过200个字" in messages[2]
    assert "不能超过70年" in messages[3]
    assert "“面积（平方米）”的数值过大" in messages[4]
    assert report.created == 1
    assert Parcel.objects.get(code="2026-107").area_m2 == Decimal("5000.56")
