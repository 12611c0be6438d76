"""条例 Art. 12: the 政府信息公开指南 and the 主动公开基本目录, generated
from the agency record, the column tree and the published items, always
current, each change a dated version."""

import csv
import io
from datetime import date

import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.catalog import guide, selectors, services
from gongkai.catalog.models import CatalogEntry, GuideVersion
from gongkai.publishing.models import GovernmentInformationPage
from gongkai.publishing.tests.factories import publish


def test_the_guide_names_the_office_its_contacts_and_the_columns(agency, columns):
    from gongkai.accounts import services as account_services

    office = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    office.phone = "0533-7180001"
    office.save()
    sections = guide.build_guide(selectors.guide_facts(agency=agency))
    text = str(guide.sections_to_json(sections))
    assert "临淄区自然资源局办公室" in text
    assert "0533-7180001" in text and "山东省淄博市临淄区桓公路" in text
    assert "20个工作日内予以答复" in text and "http://testserver/apply/" in text
    tree = next(section for section in sections if section.columns)
    titles = [(column.depth, column.title) for column in tree.columns]
    assert (1, "法定主动公开内容") in titles and (3, "行政规范性文件") in titles
    assert dict(sections[1].rows)["传真号码"] == guide.NOT_SET


def test_a_change_of_the_agency_record_makes_a_new_dated_version(agency, columns):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        first = services.refresh_guide(agency=agency)
    assert first is not None
    assert services.refresh_guide(agency=agency) is None  # nothing changed
    agency.phone = "0533-7189999"
    agency.save()
    with time_machine.travel(date(2026, 6, 15), tick=False):
        second = services.refresh_guide(agency=agency)
    assert second is not None and second.created_at.date() == date(2026, 6, 15)
    assert selectors.current_guide(agency=agency) == second
    assert selectors.guide_is_current(agency=agency)
    assert list(selectors.guide_versions(agency=agency)) == [second, first]
    assert "0533-7189999" in str(second.sections)
    assert "0533-7189999" not in str(first.sections)


def test_a_new_column_reaches_the_guide_through_the_publish_event(
    agency, columns, django_capture_on_commit_callbacks
):
    from gongkai.publishing.models import ColumnPage

    services.refresh_guide(agency=agency)
    with django_capture_on_commit_callbacks(execute=True):
        column = ColumnPage(title="政务新媒体", slug="new-media", description="账号")
        columns["法定主动公开内容"].add_child(instance=column)
        column.save_revision().publish()
    assert GuideVersion.objects.count() == 2
    assert "政务新媒体" in str(selectors.current_guide(agency=agency).sections)


def test_the_portal_shows_the_guide_on_its_column_and_its_versions(
    client, agency, columns
):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        old = services.refresh_guide(agency=agency)
    agency.phone = "0533-7189999"
    agency.save()
    services.refresh_guide(agency=agency)
    column_page = client.get(columns["政府信息公开指南"].url).content.decode()
    assert "0533-7189999" in column_page and "政府信息公开工作机构" in column_page
    assert "本栏目暂无信息" not in column_page
    page = client.get(reverse("guide")).content.decode()
    assert "现行版本" in page and "2026-03-02" in page
    old_page = client.get(reverse("guide_version", args=[old.pk])).content.decode()
    assert "历史版本" in old_page and "0533-7180000" in old_page


def test_the_catalogue_lists_published_items_with_the_four_elements(
    client, agency, columns, django_assert_max_num_queries
):
    column = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    for number in range(12):
        publish(
            column, title=f"征收土地预公告（第{number}号）",
            written_on=date(2026, 3, 1), published_on=date(2026, 3, 5),
            summary="凤凰镇东召口村征收土地预公告。",
        )  # fmt: skip
    draft = GovernmentInformationPage(
        title="尚未发布的草稿", slug="draft", live=False, written_on=date(2026, 3, 1)
    )
    column.add_child(instance=draft)
    services.rebuild_catalogue(agency=agency, today=date(2026, 3, 5))
    with django_assert_max_num_queries(16):
        page = client.get(reverse("catalogue")).content.decode()
    assert "征收土地预公告（第11号）" in page and "尚未发布的草稿" not in page
    assert "凤凰镇东召口村征收土地预公告。" in page and "2026-03-01" in page
    assert "共 12 条" in page and "征地信息" in page
    entry = CatalogEntry.objects.current().first()
    assert entry.index_number.endswith("/2026-" + entry.index_number[-5:])


def test_the_catalogue_downloads_as_xlsx_and_csv(client, agency, columns):
    item = publish(
        columns["法定主动公开内容/政策文件/其他文件"], title="关于规范政府信息公开的通知",
        written_on=date(2026, 4, 1), published_on=date(2026, 4, 3),
        summary="规范公开工作。", document_number="临自然资发〔2026〕3号",
    )  # fmt: skip
    services.rebuild_catalogue(agency=agency)
    response = client.get(reverse("catalogue_download", args=["xlsx"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "主动公开基本目录" in rows[0][0]
    assert rows[1][:4] == ["索引号", "名称", "内容概述", "生成日期"]
    assert rows[2][:4] == [
        item.index_number,
        item.title,
        "规范公开工作。",
        "2026-04-01",
    ]
    assert rows[2][6] == "临自然资发〔2026〕3号"
    assert rows[2][8].startswith("http://testserver/")
    text = client.get(reverse("catalogue_download", args=["csv"])).content
    lines = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert lines[0][0] == "索引号" and lines[1][1] == item.title
    assert client.get("/catalogue.exe").status_code == 404


def test_every_change_of_the_catalogue_is_a_dated_version(agency, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    kept = publish(column, title="长期有效的通知", written_on=date(2026, 1, 5),
                   published_on=date(2026, 1, 6))  # fmt: skip
    changed = publish(column, title="原标题", written_on=date(2026, 1, 5),
                      published_on=date(2026, 1, 6))  # fmt: skip
    withdrawn = publish(column, title="后来撤回的通知", written_on=date(2026, 1, 5),
                        published_on=date(2026, 1, 6))  # fmt: skip
    services.rebuild_catalogue(agency=agency, today=date(2026, 1, 6))

    changed.title = "更正后的标题"
    changed.save_revision().publish()
    withdrawn.unpublish()
    assert (
        services.sync_catalogue_entry(page_id=changed.pk, today=date(2026, 2, 10))
        == "changed"
    )
    assert (
        services.sync_catalogue_entry(page_id=withdrawn.pk, today=date(2026, 2, 10))
        == "removed"
    )
    # Nothing changed: no new version.
    assert services.sync_catalogue_entry(page_id=kept.pk, today=date(2026, 3, 1)) == ""

    def titles(day=None):
        return sorted(
            selectors.catalogue_entries(agency=agency, as_of=day).values_list(
                "title", flat=True
            )
        )

    assert titles(date(2026, 1, 31)) == ["原标题", "后来撤回的通知", "长期有效的通知"]
    assert titles(date(2026, 2, 10)) == ["更正后的标题", "长期有效的通知"]
    assert titles() == ["更正后的标题", "长期有效的通知"]
    assert selectors.catalogue_version_days(agency=agency) == [
        date(2026, 2, 10),
        date(2026, 1, 6),
    ]
    assert selectors.catalogue_changed_on(agency=agency) == date(2026, 2, 10)


def test_a_past_version_of_the_catalogue_opens_on_the_portal(client, agency, columns):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    item = publish(column, title="后来撤回的通知", written_on=date(2026, 1, 5),
                   published_on=date(2026, 1, 6))  # fmt: skip
    services.rebuild_catalogue(agency=agency, today=date(2026, 1, 6))
    item.unpublish()
    services.sync_catalogue_entry(page_id=item.pk, today=date(2026, 2, 10))
    now = client.get(reverse("catalogue")).content.decode()
    past = client.get(reverse("catalogue"), {"as_of": "2026-01-31"}).content.decode()
    assert "后来撤回的通知" not in now
    assert "后来撤回的通知" in past and "2026-01-31 的目录版本" in past
    workbook = client.get(
        reverse("catalogue_download", args=["xlsx"]), {"as_of": "2026-01-31"}
    )
    rows = list(load_workbook(io.BytesIO(workbook.content)).active.values)
    assert rows[2][1] == "后来撤回的通知"


def test_the_demo_has_a_guide_and_a_catalogue(db):
    from gongkai.demo.services import load_demo_bureau

    report = load_demo_bureau()
    assert selectors.current_guide(agency=report.agency) is not None
    listed = selectors.catalogue_entries(agency=report.agency).count()
    assert listed == GovernmentInformationPage.objects.live().count() > 10


def test_the_guide_column_is_neither_empty_nor_stale_for_site_health(agency, portal):
    from gongkai.site_health.selectors import column_facts

    with time_machine.travel(date(2026, 6, 1), tick=False):
        services.refresh_guide(agency=agency)
    columns, _home_updated = column_facts(home=portal["home"])
    by_slug = {column.url.rstrip("/").rsplit("/", 1)[-1]: column for column in columns}
    assert by_slug["guide"].last_update_on == date(2026, 6, 1)
    assert by_slug["rules"].last_update_on is None


def test_a_title_that_looks_like_a_formula_stays_text(client, agency, columns):
    publish(
        columns["法定主动公开内容/政策文件/其他文件"],
        title='=HYPERLINK("http://example.com","点击")关于征地的通知',
        written_on=date(2026, 4, 1),
        published_on=date(2026, 4, 3),
    )
    services.rebuild_catalogue(agency=agency)
    response = client.get(reverse("catalogue_download", args=["xlsx"]))
    cell = load_workbook(io.BytesIO(response.content)).active.cell(row=3, column=2)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    text = client.get(reverse("catalogue_download", args=["csv"])).content
    lines = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert lines[1][1].startswith("'=HYPERLINK")


def test_the_daily_command_repairs_a_missed_line_and_says_so(agency, columns):
    from io import StringIO

    from django.core.management import call_command

    publish(columns["法定主动公开内容/政策文件/其他文件"], title="事件未送达的通知")
    output = StringIO()
    call_command("refresh_catalogue", stdout=output)
    assert "目录新增1条" in output.getvalue()
    assert selectors.catalogue_is_current(agency=agency)
    quiet = StringIO()
    call_command("refresh_catalogue", verbosity=0, stdout=quiet)
    assert quiet.getvalue() == ""


def test_a_download_is_served_again_until_the_catalogue_changes(
    client, agency, columns
):
    column = columns["法定主动公开内容/政策文件/其他文件"]
    publish(column, title="第一份通知")
    services.rebuild_catalogue(agency=agency)
    url = reverse("catalogue_download", args=["csv"])
    assert "第一份通知" in client.get(url).content.decode("utf-8-sig")
    publish(column, title="第二份通知", written_on=date(2024, 3, 2))
    services.rebuild_catalogue(agency=agency)
    assert "第二份通知" in client.get(url).content.decode("utf-8-sig")
