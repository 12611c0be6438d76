"""Land prices on the portal: the prices in force by grade and use with
their history, quarterly charts with a data table, downloads in three
formats and the API; nothing unpublished; a renewal reminder after the
cycle."""

import datetime as dt
import io
import json
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.land_prices import charts, selectors
from gongkai.land_prices.models import LandPrice, LandPriceSystem, QuarterlyFigure


@pytest.fixture
def prices(agency, portal):
    old = LandPriceSystem.objects.create(
        agency=agency, kind="benchmark", title="2020年城区基准地价",
        effective_on=dt.date(2020, 7, 1), published_on=dt.date(2020, 6, 20),
    )  # fmt: skip
    LandPrice.objects.create(
        system=old, use="commercial", grade="一级", price=Decimal("2600")
    )
    current = LandPriceSystem.objects.create(
        agency=agency, kind="benchmark", title="2023年城区基准地价更新",
        document_number="临政字〔2023〕41号", effective_on=dt.date(2023, 9, 1),
        published_on=dt.date(2023, 8, 25),
    )  # fmt: skip
    for order, (use, grade, price) in enumerate(
        [("commercial", "一级", "3120"), ("residential", "一级", "2860"),
         ("commercial", "二级", "2450"), ("residential", "二级", "2210"),
         ("industrial", "一级", "520")]
    ):  # fmt: skip
        LandPrice.objects.create(
            system=current, use=use, grade=grade, price=Decimal(price), sort_order=order
        )
    LandPriceSystem.objects.create(
        agency=agency, kind="standard", title="未公布的标定地价",
        effective_on=dt.date(2026, 1, 1),
    )  # fmt: skip
    values = {"residential": 2800, "commercial": 3050}
    for year in (2025, 2026):
        for quarter in (1, 2, 3, 4):
            if (year, quarter) == (2026, 4):
                continue
            for use, base in values.items():
                QuarterlyFigure.objects.create(
                    agency=agency, year=year, quarter=quarter,
                    indicator="monitored_price", use=use,
                    value=Decimal(base + 10 * (year - 2025) * 4 + 10 * quarter),
                    published_on=dt.date(year, quarter * 3, 28),
                )  # fmt: skip
    QuarterlyFigure.objects.create(
        agency=agency, year=2026, quarter=4, indicator="monitored_price",
        use="residential", value=Decimal("9999"),
    )  # fmt: skip
    return current


def test_a_chart_escapes_its_text_and_breaks_at_a_missing_value():
    svg = charts.line_chart(
        title="<script>",
        categories=["2026Q1", "2026Q2", "2026Q3"],
        series=[charts.Series("住宅", (Decimal("10"), None, Decimal("30")))],
        unit="元",
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<polyline" not in svg  # two single points, no line across the gap
    assert svg.count("<circle") == 3  # two values and the legend


@pytest.mark.django_db
def test_the_portal_shows_the_prices_in_force_and_the_quarterly_chart(client, prices):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), tick=False):
        page = client.get(reverse("land_prices")).content.decode()
    assert "2023年城区基准地价更新" in page and "3120" in page
    assert "2020年城区基准地价" in page  # in the history
    assert "未公布的标定地价" not in page and "9999" not in page
    assert page.count("<svg") == 2 and 'role="img"' in page
    # The chart's numbers are in its data table, the latest quarter last.
    table = page[page.index('class="data-table quarterly-table"') :]
    assert "2025Q1" in table and "2026Q3" in table and "3120.00" in table


@pytest.mark.django_db
def test_the_figures_download_as_csv_xlsx_and_json_and_through_the_api(client, prices):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC), tick=False):
        csv = client.get(reverse("land_quarterly_download", args=["csv"]))
        xlsx = client.get(reverse("land_quarterly_download", args=["xlsx"]))
        data = client.get(reverse("land_quarterly_download", args=["json"]))
        api = client.get("/api/land-prices/quarterly?use=commercial&year=2026")
        systems = client.get("/api/land-prices/systems").json()
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "年度,季度,指标,用途,数值,公布日期" and len(lines) == 1 + 14
    assert "attachment" in csv["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 15
    assert len(json.loads(data.content)) == 14
    assert [row["value"] for row in api.json()] == ["3100.00", "3110.00", "3120.00"]
    assert [s["in_force"] for s in systems if s["kind"] == "benchmark"] == [True, False]
    schema = client.get("/api/openapi.json").json()
    assert "/api/land-prices/quarterly" in schema["paths"]


@pytest.mark.django_db
def test_benchmark_prices_are_due_for_renewal_after_the_cycle(prices):
    systems = LandPriceSystem.objects.all()
    assert (
        selectors.renewal_reminders(systems=systems, today=dt.date(2026, 8, 31)) == []
    )
    [reminder] = selectors.renewal_reminders(systems=systems, today=dt.date(2026, 9, 1))
    assert reminder.system == prices and reminder.due_on == dt.date(2026, 9, 1)
