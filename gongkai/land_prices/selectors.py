"""Reads of land prices: what the public sees (published systems and
figures only), the systems in force, each kind's history, the quarterly
series, rows for downloads, and the renewal reminders."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _l

from gongkai.accounts.selectors import scoped_to_staff
from gongkai.land_prices.choices import Indicator, PriceKind, PriceUse
from gongkai.land_prices.models import LandPricePolicy, LandPriceSystem, QuarterlyFigure

COLUMN_SLUG = "land-prices"


def visible_systems(user) -> QuerySet[LandPriceSystem]:
    return scoped_to_staff(LandPriceSystem.objects.all(), user, agency_field="agency")


def visible_figures(user) -> QuerySet[QuarterlyFigure]:
    from gongkai.accounts.selectors import agency_of

    if user.is_superuser:
        return QuarterlyFigure.objects.all()
    agency = agency_of(user)
    return (
        QuarterlyFigure.objects.filter(agency=agency)
        if agency
        else QuarterlyFigure.objects.none()
    )


def public_systems(*, agency, today: dt.date) -> QuerySet[LandPriceSystem]:
    return (
        LandPriceSystem.objects.filter(agency=agency, published_on__lte=today)
        .select_related("document")
        .prefetch_related("prices")
        .order_by("kind", "-effective_on")
    )


def systems_in_force(*, agency, today: dt.date) -> dict[str, LandPriceSystem]:
    """The latest published system of each kind already in effect."""
    current: dict[str, LandPriceSystem] = {}
    for system in public_systems(agency=agency, today=today):
        if system.effective_on <= today and system.kind not in current:
            current[system.kind] = system
    return current


@dataclass(frozen=True)
class PriceGrid:
    """Prices as a table: grades down, uses across."""

    uses: list[tuple[str, str]]
    rows: list[tuple[str, list[Decimal | None]]]


def price_grid(system: LandPriceSystem) -> PriceGrid:
    prices = list(system.prices.all())
    used = [
        value
        for value, _label in PriceUse.choices
        if any(p.use == value for p in prices)
    ]
    grades: list[str] = []
    for price in prices:
        if price.grade not in grades:
            grades.append(price.grade)
    by_key = {(p.grade, p.use): p.price for p in prices}
    return PriceGrid(
        uses=[(use, str(PriceUse(use).label)) for use in used],
        rows=[(grade, [by_key.get((grade, use)) for use in used]) for grade in grades],
    )


def public_figures(*, agency, today: dt.date) -> QuerySet[QuarterlyFigure]:
    return QuarterlyFigure.objects.filter(
        agency=agency, published_on__lte=today
    ).order_by("year", "quarter", "indicator", "use")


@dataclass(frozen=True)
class QuarterTable:
    indicator: str
    label: str
    quarters: list[str]
    uses: list[tuple[str, str]]
    # One row per quarter: its label and the value of each use.
    rows: list[tuple[str, list[Decimal | None]]]

    def series(self):
        from gongkai.land_prices.charts import Series

        return [
            Series(label, tuple(row[1][index] for row in self.rows))
            for index, (_use, label) in enumerate(self.uses)
        ]

    def latest(self) -> list[tuple[str, Decimal]]:
        if not self.rows:
            return []
        values = self.rows[-1][1]
        return [
            (label, value)
            for (_use, label), value in zip(self.uses, values, strict=True)
            if value is not None
        ]


def quarter_tables(figures) -> list[QuarterTable]:
    """Each indicator's figures as a quarter-by-use table, oldest first."""
    tables = []
    figures = list(figures)
    for indicator, label in Indicator.choices:
        mine = [f for f in figures if f.indicator == indicator]
        if not mine:
            continue
        quarters = sorted({(f.year, f.quarter) for f in mine})
        uses = [
            value for value, _l in PriceUse.choices if any(f.use == value for f in mine)
        ]
        by_key = {(f.year, f.quarter, f.use): f.value for f in mine}
        tables.append(
            QuarterTable(
                indicator=indicator,
                label=str(label),
                quarters=[f"{y}Q{q}" for y, q in quarters],
                uses=[(use, str(PriceUse(use).label)) for use in uses],
                rows=[
                    (f"{y}Q{q}", [by_key.get((y, q, use)) for use in uses])
                    for y, q in quarters
                ],
            )
        )
    return tables


FIGURE_HEADERS = (
    _l("年度"),
    _l("季度"),
    _l("指标"),
    _l("用途"),
    _l("数值"),
    _l("公布日期"),
)
PRICE_HEADERS = (
    _l("类别"),
    _l("名称"),
    _l("批准文号"),
    _l("实施日期"),
    _l("用途"),
    _l("级别或宗地"),
    _l("地价（元/平方米）"),
)


def figure_rows(figures) -> list[list]:
    return [
        [
            f.year,
            f.quarter,
            f.get_indicator_display(),
            f.get_use_display(),
            f.value,
            f.published_on.isoformat(),
        ]
        for f in figures
    ]


def price_rows(systems) -> list[list]:
    return [
        [
            system.get_kind_display(),
            system.title,
            system.document_number,
            system.effective_on.isoformat(),
            price.get_use_display(),
            price.grade,
            price.price,
        ]
        for system in systems
        for price in system.prices.all()
    ]


@dataclass(frozen=True)
class RenewalReminder:
    system: LandPriceSystem
    due_on: dt.date


def renewal_reminders(*, systems, today: dt.date) -> list[RenewalReminder]:
    """Benchmark prices in force for the whole renewal cycle, with no newer
    system of their agency: remind the department to update them."""
    years = LandPricePolicy.load().renewal_years
    latest: dict[int, LandPriceSystem] = {}
    for system in systems.filter(kind=PriceKind.BENCHMARK).order_by("-effective_on"):
        latest.setdefault(system.agency_id, system)
    return [
        RenewalReminder(system, system.renewal_due_on(years))
        for system in latest.values()
        if system.renewal_due_on(years) <= today
    ]


def last_published_on(*, agency, today: dt.date) -> dt.date | None:
    from django.db.models import Max

    days = [
        LandPriceSystem.objects.filter(
            agency=agency, published_on__lte=today
        ).aggregate(day=Max("published_on"))["day"],
        QuarterlyFigure.objects.filter(
            agency=agency, published_on__lte=today
        ).aggregate(day=Max("published_on"))["day"],
    ]
    return max((day for day in days if day), default=None)
