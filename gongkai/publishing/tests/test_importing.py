import csv
from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import Workbook
from wagtail.models import PageLogEntry

from gongkai.accounts.models import Agency, User
from gongkai.catalog.choices import Genre, Topic, Validity
from gongkai.publishing import importing
from gongkai.publishing.importing import (
    ImportRefusedError,
    import_documents,
    parse_date,
)
from gongkai.publishing.models import (
    Attachment,
    GovernmentInformationPage,
    IndexNumberSequence,
)
from gongkai.publishing.tests.factories import publish

NORMATIVE = "法定主动公开内容/政策文件/行政规范性文件"
OTHER = "法定主动公开内容/政策文件/其他文件"
PLANNING = "法定主动公开内容/规划信息"


def write_xlsx(path, rows, header=None):
    header = header or list(rows[0])
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(name) for name in header])
    workbook.save(path)
    return path


def write_csv(path, rows, encoding):
    header = list(rows[0])
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in header])
    return path


def write_docx(path, paragraphs, table=None):
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for cells, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(cells.cells, values, strict=True):
                cell.text = value
    document.save(path)
    return path


def write_attachment_xlsx(path, text):
    workbook = Workbook()
    workbook.active.append(["地块编号", text])
    workbook.save(path)
    return path


def item_row(**fields):
    row = {
        "标题": "关于加强耕地保护的通知",
        "文号": "",
        "成文日期": "2023-05-04",
        "发布日期": "2023-05-06",
        "栏目": NORMATIVE,
        "主题分类": "",
        "体裁": "",
        "有效性": "",
        "失效日期": "",
        "正文": "",
        "附件": "",
    }
    row.update(fields)
    return row


def mixed_rows():
    """Three good rows (2, 5, 8) and four bad ones (3, 4, 6, 7)."""
    return [
        item_row(
            标题="临淄区征地补偿标准管理办法",
            文号="临自然资发〔2023〕5号",
            成文日期=date(2023, 5, 4),
            发布日期="2023/5/6",
            正文="第一条 为规范征地补偿工作，制定本办法。\n\n第二条 本办法自发布之日起施行。",
        ),
        item_row(标题="", 文号="临自然资发〔2023〕6号"),
        item_row(标题="关于开展土地例行督察的通知", 文号="临自然资发[2023]7号"),
        item_row(
            标题="2022年度矿产资源规划执行情况",
            栏目=PLANNING,
            成文日期="2022年3月1日",
            发布日期="20220305",
            主题分类="国土资源、能源",
            体裁="报告",
        ),
        item_row(
            标题="关于公布基准地价的公告", 成文日期="2023-06-10", 发布日期="2023-06-01"
        ),
        item_row(标题="不动产登记办事指南", 栏目="法定主动公开内容/不存在的栏目"),
        item_row(
            标题="临淄区土地储备管理办法",
            文号="临自然资发〔2021〕2号",
            # Excel date cells carry no time zone.
            成文日期=datetime(2021, 1, 8, 0, 0),  # noqa: DTZ001
            发布日期=datetime(2021, 1, 12, 0, 0),  # noqa: DTZ001
            栏目=OTHER,
            主题分类="城乡建设、环境保护",
            体裁="公告",
            有效性="废止",
            失效日期="2024-01-01",
        ),
    ]


def test_good_rows_are_published_and_bad_rows_are_reported_by_row(
    tmp_path, agency, columns
):
    path = write_xlsx(tmp_path / "历史文件.xlsx", mixed_rows())

    report = import_documents(path=path, agency=agency, actor=None)

    assert (report.created, report.updated, report.rejected) == (3, 0, 4)
    assert [error.row for error in report.errors] == [3, 4, 6, 7]
    messages = {error.row: error.message for error in report.errors}
    assert "标题为空" in messages[3]
    assert "临自然资发[2023]7号" in messages[4]
    assert "六角括号" in messages[4]
    assert "早于成文日期" in messages[6]
    assert "栏目“法定主动公开内容/不存在的栏目”不存在" in messages[7]

    items = {item.title: item for item in GovernmentInformationPage.objects.all()}
    assert set(items) == {
        "临淄区征地补偿标准管理办法",
        "2022年度矿产资源规划执行情况",
        "临淄区土地储备管理办法",
    }
    measures = items["临淄区征地补偿标准管理办法"]
    assert measures.get_parent().specific == columns[NORMATIVE]
    assert measures.live
    assert measures.published_on == date(2023, 5, 6)
    assert measures.written_on == date(2023, 5, 4)
    assert measures.document_number == "临自然资发〔2023〕5号"
    assert measures.index_number == f"{agency.credit_code}/2023-00001"
    assert "第二条 本办法自发布之日起施行。" in measures.body_text

    plan = items["2022年度矿产资源规划执行情况"]
    assert plan.get_parent().specific == columns[PLANNING]
    assert plan.published_on == date(2022, 3, 5)
    assert plan.index_number == f"{agency.credit_code}/2022-00001"
    assert (plan.topic, plan.genre) == (Topic.LAND_ENERGY, Genre.REPORT)

    reserve = items["临淄区土地储备管理办法"]
    assert reserve.get_parent().specific == columns[OTHER]
    assert reserve.published_on == date(2021, 1, 12)
    assert reserve.index_number == f"{agency.credit_code}/2021-00001"
    assert (reserve.topic, reserve.genre) == (Topic.CONSTRUCTION, Genre.ANNOUNCEMENT)
    assert reserve.validity == Validity.REPEALED
    assert reserve.validity_changed_on == date(2024, 1, 1)

    # Nothing of the refused rows, not even a used-up 索引号.
    assert not IndexNumberSequence.objects.filter(
        agency=agency, year=2023, last_value__gt=1
    )


def test_report_reads_as_a_summary_then_each_refused_row(tmp_path, agency, columns):
    path = write_xlsx(tmp_path / "sheet.xlsx", mixed_rows())

    lines = import_documents(path=path, agency=agency, actor=None).lines()

    assert lines[0] == "新增 3 条，更新 0 条，拒绝 4 条。"
    assert lines[2].startswith("第 4 行：文号“临自然资发[2023]7号”格式不规范")
    assert [line.split("：")[0] for line in lines[1:]] == [
        "第 3 行",
        "第 4 行",
        "第 6 行",
        "第 7 行",
    ]


def test_failure_while_publishing_a_row_leaves_nothing_of_it(
    tmp_path, agency, columns, monkeypatch
):
    from django.core.exceptions import ValidationError

    real_publish_item = importing.service.publish_item

    def publish_then_fail(**kwargs):
        item = real_publish_item(**kwargs)
        if item.title == "第二份文件":
            raise ValidationError({"summary": "内容概述不合规。"})
        return item

    monkeypatch.setattr(importing.service, "publish_item", publish_then_fail)
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            item_row(标题="第一份文件"),
            item_row(标题="第二份文件"),
            item_row(标题="第三份文件"),
        ],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert (report.created, report.rejected) == (2, 1)
    assert report.errors[0].row == 3
    assert "内容概述：内容概述不合规" in report.errors[0].message
    assert sorted(
        GovernmentInformationPage.objects.values_list("title", flat=True)
    ) == [
        "第一份文件",
        "第三份文件",
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_csv_in_chinese_encodings_is_imported_intact(
    tmp_path, agency, columns, encoding
):
    path = write_csv(
        tmp_path / "目录.csv",
        [
            {
                "标题": "关于公布临淄区征收农用地区片综合地价的公告",
                "文号": "临自然资发〔2023〕12号",
                "成文日期": "2023/8/1",
                "发布日期": "2023年8月3日",
                "栏目": NORMATIVE,
                "发布机构": "临淄区自然资源局",
                "关键词": "区片综合地价；征收",
                "正文": "一、适用范围\n二、地价标准（元/亩）",
            }
        ],
        encoding,
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert (report.created, report.rejected) == (1, 0)
    item = GovernmentInformationPage.objects.get()
    assert item.title == "关于公布临淄区征收农用地区片综合地价的公告"
    assert item.document_number == "临自然资发〔2023〕12号"
    assert item.keywords == "区片综合地价；征收"
    assert item.published_on == date(2023, 8, 3)
    assert "二、地价标准（元/亩）" in item.body_text


def test_importing_the_same_sheet_again_updates_instead_of_duplicating(
    tmp_path, agency, columns
):
    write_attachment_xlsx(tmp_path / "宗地表.xlsx", "临淄-2023-01")
    rows = mixed_rows()
    rows[0]["附件"] = "宗地表.xlsx"
    path = write_xlsx(tmp_path / "sheet.xlsx", rows)
    import_documents(path=path, agency=agency, actor=None)
    index_numbers = dict(
        GovernmentInformationPage.objects.values_list("title", "index_number")
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert (report.created, report.updated, report.rejected) == (0, 3, 4)
    assert GovernmentInformationPage.objects.count() == 3
    assert (
        dict(GovernmentInformationPage.objects.values_list("title", "index_number"))
        == index_numbers
    )
    measures = GovernmentInformationPage.objects.get(title="临淄区征地补偿标准管理办法")
    assert measures.attachments.count() == 1
    assert Attachment.objects.count() == 1
    assert measures.published_on == date(2023, 5, 6)


def test_corrected_row_updates_the_item_and_moves_it_to_its_new_column(
    tmp_path, agency, columns
):
    first = item_row(文号="临自然资发〔2023〕5号", 内容概述="旧概述")
    import_documents(
        path=write_xlsx(tmp_path / "a.xlsx", [first]), agency=agency, actor=None
    )
    original = GovernmentInformationPage.objects.get()

    corrected = dict(
        first, 标题="关于进一步加强耕地保护的通知", 栏目=OTHER, 内容概述="新概述"
    )
    report = import_documents(
        path=write_xlsx(tmp_path / "b.xlsx", [corrected]), agency=agency, actor=None
    )

    assert (report.created, report.updated) == (0, 1)
    item = GovernmentInformationPage.objects.get()
    assert item.pk == original.pk
    assert item.index_number == original.index_number
    assert item.title == "关于进一步加强耕地保护的通知"
    assert item.summary == "新概述"
    assert item.get_parent().specific == columns[OTHER]
    assert item.url_path.startswith(columns[OTHER].url_path)


def test_moved_item_gets_a_free_address_when_its_own_is_taken(
    tmp_path, agency, columns
):
    rows = [
        item_row(标题="通知", 成文日期="2023-01-01", 发布日期="2023-01-02"),
        item_row(标题="通知", 成文日期="2023-02-01", 发布日期="2023-02-02", 栏目=OTHER),
    ]
    import_documents(
        path=write_xlsx(tmp_path / "a.xlsx", rows), agency=agency, actor=None
    )

    rows[0]["栏目"] = OTHER
    report = import_documents(
        path=write_xlsx(tmp_path / "b.xlsx", rows), agency=agency, actor=None
    )

    assert (report.updated, report.rejected) == (2, 0)
    slugs = {
        item.slug for item in GovernmentInformationPage.objects.child_of(columns[OTHER])
    }
    assert len(slugs) == 2


def test_body_file_and_attachments_are_imported_with_their_text(
    tmp_path, agency, columns
):
    files = tmp_path / "附件"
    files.mkdir()
    write_docx(
        files / "正文.docx",
        [
            "第一条 为加强矿产资源管理，制定本办法。",
            "第二条 本办法由区自然资源局负责解释。",
        ],
        table=[["矿区名称", "面积"], ["金岭铁矿", "3.2平方公里"]],
    )
    write_attachment_xlsx(files / "矿区一览表.xlsx", "金岭铁矿采矿权")
    write_docx(
        files / "起草说明.docx", ["关于起草情况的说明：征求意见共收到建议十二条。"]
    )
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            item_row(
                正文文件="附件/正文.docx",
                附件="附件/矿区一览表.xlsx；附件\\起草说明.docx",
            )
        ],
        header=[*item_row(), "正文文件"],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert report.rejected == 0, report.lines()
    item = GovernmentInformationPage.objects.get()
    assert "第二条 本办法由区自然资源局负责解释。" in item.body_text
    assert "金岭铁矿 3.2平方公里" in item.body_text
    attachments = list(item.attachments.order_by("sort_order"))
    assert [attachment.display_title for attachment in attachments] == [
        "矿区一览表",
        "起草说明",
    ]
    assert "金岭铁矿采矿权" in attachments[0].document.extracted_text
    assert "建议十二条" in attachments[1].document.extracted_text


@pytest.mark.parametrize(
    "reference",
    ["../secret.txt", "../secret.pdf", "/etc/passwd", "子目录/../../secret.pdf"],
)
def test_attachment_outside_the_sheet_folder_is_refused(
    tmp_path, agency, columns, reference
):
    (tmp_path / "secret.txt").write_text("机密")
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.4")
    folder = tmp_path / "导入"
    folder.mkdir()
    path = write_xlsx(
        folder / "sheet.xlsx",
        [item_row(标题="正常文件"), item_row(标题="越界", 附件=reference)],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert [error.row for error in report.errors] == [3]
    assert "不能使用绝对路径或“..”" in report.errors[0].message
    assert reference in report.errors[0].message
    assert not GovernmentInformationPage.objects.filter(title="越界").exists()
    assert Attachment.objects.count() == 0


def test_missing_or_disallowed_files_are_refused_with_reasons(
    tmp_path, agency, columns
):
    (tmp_path / "程序.exe").write_bytes(b"MZ")
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            item_row(标题="甲", 附件="不存在.pdf"),
            item_row(标题="乙", 附件="程序.exe"),
            item_row(标题="丙", 正文文件="程序.exe"),
        ],
        header=[*item_row(), "正文文件"],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    messages = {error.row: error.message for error in report.errors}
    assert "附件“不存在.pdf”不存在" in messages[2]
    assert "附件“程序.exe”的文件类型不允许，只能是：pdf、docx、xlsx" in messages[3]
    assert "正文文件“程序.exe”的文件类型不允许" in messages[4]


def test_dry_run_reports_but_writes_nothing(tmp_path, agency, columns):
    (tmp_path / "附件.pdf").write_bytes(b"%PDF-1.4")
    rows = mixed_rows()
    rows[0]["附件"] = "附件.pdf"
    path = write_xlsx(tmp_path / "sheet.xlsx", rows)
    log_entries = PageLogEntry.objects.count()

    report = import_documents(path=path, agency=agency, actor=None, dry_run=True)

    assert (report.created, report.updated, report.rejected) == (3, 0, 4)
    assert report.lines()[0].startswith("试运行")
    assert GovernmentInformationPage.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert IndexNumberSequence.objects.count() == 0
    assert PageLogEntry.objects.count() == log_entries


def test_row_repeating_an_earlier_document_is_refused(tmp_path, agency, columns):
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            item_row(文号="临自然资发〔2023〕5号"),
            item_row(标题="另一个标题", 文号="临自然资发〔2023〕5号"),
            item_row(标题="无文号的通知"),
            item_row(标题="无文号的通知", 发布日期="2023-05-08"),
        ],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert report.created == 2
    messages = {error.row: error.message for error in report.errors}
    assert set(messages) == {3, 5}
    assert "与第 2 行是同一文件（文号“临自然资发〔2023〕5号”）" in messages[3]
    assert "与第 4 行是同一文件" in messages[5]


def test_unknown_labels_list_the_allowed_ones(tmp_path, agency, columns):
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            item_row(标题="甲", 主题分类="国土"),
            item_row(标题="乙", 体裁="函"),
            item_row(标题="丙", 有效性="作废"),
            item_row(标题="丁", 有效性="失效"),
        ],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    messages = {error.row: error.message for error in report.errors}
    assert "主题分类“国土”无法识别" in messages[2]
    assert "国土资源、能源" in messages[2]
    assert "体裁“函”无法识别，可选：通知；公告" in messages[3]
    assert "有效性“作废”无法识别，可选：有效；失效；废止" in messages[4]
    assert "有效性为“失效”时须填写失效日期" in messages[5]


def test_alternative_headers_and_unknown_headers(tmp_path, agency, columns):
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            {
                " 标题 ": "关于废止部分规范性文件的决定",
                "成文日期": "2020-01-02",
                "发布日期": "2020-01-03",
                "栏目": NORMATIVE,
                "信息类别": "决定",
                "有效性": "废止",
                "废止日期": "2022-12-31",
                "备注": "原网站迁移",
            }
        ],
    )

    report = import_documents(path=path, agency=agency, actor=None)

    assert report.rejected == 0
    assert report.warnings == ["未识别的列“备注”已忽略。"]
    item = GovernmentInformationPage.objects.get()
    assert item.genre == Genre.DECISION
    assert item.validity_changed_on == date(2022, 12, 31)


def test_sheet_without_a_required_header_is_refused_as_a_whole(
    tmp_path, agency, columns
):
    rows = [{"标题": "甲", "成文日期": "2023-01-01", "栏目": NORMATIVE}]
    path = write_xlsx(tmp_path / "sheet.xlsx", rows)

    with pytest.raises(ImportRefusedError, match="缺少必填列：“发布日期”"):
        import_documents(path=path, agency=agency, actor=None)
    assert GovernmentInformationPage.objects.count() == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-06", date(2023, 5, 6)),
        ("2023/5/6", date(2023, 5, 6)),
        ("2023年5月6日", date(2023, 5, 6)),
        ("20230506", date(2023, 5, 6)),
        (20230506.0, date(2023, 5, 6)),
        ("２０２３／５／６", date(2023, 5, 6)),
        ("2023-05-06 00:00:00", date(2023, 5, 6)),
        (datetime(2023, 5, 6, 9, 30), date(2023, 5, 6)),  # noqa: DTZ001  # as Excel
        (date(2023, 5, 6), date(2023, 5, 6)),
        ("", None),
        (None, None),
    ],
)
def test_dates_are_read_in_the_forms_bureaus_write_them(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["2023-02-30", "5/6/2023", "二〇二三年五月六日", "2023-5/6"]
)
def test_dates_that_are_no_real_day_are_refused(value):
    with pytest.raises(ValueError, match=r"."):
        parse_date(value)


def test_command_prints_the_report_and_fails_when_rows_were_refused(
    tmp_path, agency, columns
):
    path = write_xlsx(tmp_path / "sheet.xlsx", mixed_rows())
    out = StringIO()

    with pytest.raises(CommandError, match="有 4 行被拒绝"):
        call_command("import_documents", str(path), stdout=out)

    output = out.getvalue()
    assert "新增 3 条，更新 0 条，拒绝 4 条。" in output
    assert "第 4 行：文号“临自然资发[2023]7号”格式不规范" in output
    assert GovernmentInformationPage.objects.count() == 3


def test_command_records_the_user_and_succeeds_on_a_clean_sheet(
    tmp_path, agency, columns
):
    user = User.objects.create_superuser(username="wangfang", password="x")
    path = write_xlsx(tmp_path / "sheet.xlsx", [item_row()])
    out = StringIO()

    call_command(
        "import_documents", str(path), agency=agency.name, user="WangFang", stdout=out
    )

    assert "新增 1 条，更新 0 条，拒绝 0 条。" in out.getvalue()
    item = GovernmentInformationPage.objects.get()
    assert item.latest_revision.user == user


def test_command_dry_run_writes_nothing(tmp_path, agency, columns):
    path = write_xlsx(tmp_path / "sheet.xlsx", [item_row()])
    out = StringIO()

    call_command("import_documents", str(path), "--dry-run", stdout=out)

    assert "新增 1 条" in out.getvalue()
    assert GovernmentInformationPage.objects.count() == 0


def test_command_needs_a_clear_agency(tmp_path, agency, columns):
    path = write_xlsx(tmp_path / "sheet.xlsx", [item_row()])
    with pytest.raises(CommandError, match="机关“不存在的局”不存在"):
        call_command(
            "import_documents", str(path), agency="不存在的局", stdout=StringIO()
        )

    Agency.objects.create(
        name="临淄区住房和城乡建设局", credit_code="", document_code="临建发"
    )
    with pytest.raises(CommandError, match="请用 --agency 指定"):
        call_command("import_documents", str(path), stdout=StringIO())


def test_rows_are_refused_where_the_user_may_not_publish(tmp_path, agency, columns):
    User.objects.create_user(username="lisi", password="x")
    path = write_xlsx(tmp_path / "sheet.xlsx", [item_row()])

    report = import_documents(
        path=path,
        agency=agency,
        actor=importing.actor_for_import(username="lisi"),
    )

    assert report.errors == [
        importing.RowError(2, "用户“lisi”无权在栏目“行政规范性文件”发布信息。")
    ]
    assert GovernmentInformationPage.objects.count() == 0


def test_changed_attachment_replaces_the_old_one_on_re_import(
    tmp_path, agency, columns
):
    attachment = write_attachment_xlsx(tmp_path / "宗地表.xlsx", "旧宗地")
    path = write_xlsx(tmp_path / "sheet.xlsx", [item_row(附件="宗地表.xlsx")])
    import_documents(path=path, agency=agency, actor=None)

    write_attachment_xlsx(attachment, "新宗地")
    import_documents(path=path, agency=agency, actor=None)

    item = GovernmentInformationPage.objects.get()
    assert item.attachments.count() == 1
    assert "新宗地" in item.attachments.get().document.extracted_text


def test_attachment_whose_content_does_not_match_its_name_is_refused_even_in_a_dry_run(
    tmp_path, agency, columns
):
    (tmp_path / "通知.pdf").write_bytes(b"MZ\x90\x00 renamed program")
    path = write_xlsx(tmp_path / "sheet.xlsx", [item_row(附件="通知.pdf")])

    report = import_documents(path=path, agency=agency, actor=None, dry_run=True)

    assert [error.row for error in report.errors] == [2]
    assert "通知.pdf" in report.errors[0].message
    assert "内容与扩展名不符" in report.errors[0].message


def test_re_import_keeps_the_link_an_editor_made_to_the_interpreted_document(
    tmp_path, agency, columns
):
    document = publish(columns[NORMATIVE], title="临淄区征地补偿标准管理办法")
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            item_row(
                标题="《临淄区征地补偿标准管理办法》解读",
                栏目="法定主动公开内容/政策解读",
            )
        ],
    )
    import_documents(path=path, agency=agency, actor=None)
    interpretation = GovernmentInformationPage.objects.get(title__endswith="解读")
    interpretation.interprets = document
    interpretation.save_revision().publish()

    import_documents(path=path, agency=agency, actor=None)

    interpretation.refresh_from_db()
    assert interpretation.interprets == document
