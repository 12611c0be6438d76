"""Import of parcels and their results from a sheet (XLSX, or CSV in UTF-8
or GBK), one row per parcel; the headers are in docs/import-format.md.

As with the document import, every row is checked before anything is
written and each refused row is reported with its sheet row number and a
Chinese reason. The good rows are then written in one transaction, in bulk:
a sheet of 10,000 parcels must not take minutes. Rows are matched by 宗地编号
and announcements by 公告编号, so importing a corrected sheet again updates
what it created. Parcels only: the notices still go through 三审."""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import Agency, User
from gongkai.catalog.choices import choice_by_label
from gongkai.core import page_cache
from gongkai.core.selectors import working_day_calendar
from gongkai.land_market import selectors
from gongkai.land_market.choices import (
    LandUse,
    NoticeKind,
    ParcelOutcome,
    TransferMethod,
)
from gongkai.land_market.locks import SALE_FIELDS, locked_fields
from gongkai.land_market.models import (
    LandMarketNotice,
    Parcel,
    SupplyPlan,
    TransferAnnouncement,
)
from gongkai.land_market.periods import sale_problems
from gongkai.publishing.generated import GeneratedStatus, lock_message
from gongkai.publishing.importing.sheets import (
    ImportRefusedError,
    cell_text,
    map_headers,
    parse_date,
    read_sheet,
)

HEADERS: dict[str, str] = {
    "公告编号": "number",
    "公告标题": "title",
    "出让方式": "method",
    "出让活动开始日期": "sale_starts_on",
    "挂牌开始日期": "listing_starts_on",
    "挂牌截止日期": "listing_ends_on",
    "供应计划年度": "plan_year",
    "宗地编号": "code",
    "位置": "location",
    "镇（街道）": "township",
    "镇街": "township",
    "面积（平方米）": "area_m2",
    "用途": "use",
    "出让年限（年）": "term_years",
    "出让年限": "term_years",
    "容积率": "plot_ratio",
    "建筑密度": "building_density",
    "绿地率": "green_ratio",
    "建筑限高": "height_limit",
    "起始价（万元）": "starting_price",
    "竞买保证金（万元）": "deposit",
    "增价幅度（万元）": "increment",
    "出让结果": "outcome",
    "成交日期": "sold_on",
    "受让人": "buyer",
    "成交价（万元）": "deal_price",
    "合同编号": "contract_number",
    "电子监管号": "contract_number",
    "合同签订日期": "contract_signed_on",
}
REQUIRED_HEADERS = (
    "公告编号",
    "出让活动开始日期",
    "宗地编号",
    "位置",
    "面积（平方米）",
    "用途",
)
ANNOUNCEMENT_FIELDS = (
    "title",
    "method",
    "sale_starts_on",
    "listing_starts_on",
    "listing_ends_on",
)
PARCEL_FIELDS = (
    "location",
    "township",
    "area_m2",
    "use",
    "term_years",
    "plot_ratio",
    "building_density",
    "green_ratio",
    "height_limit",
    "starting_price",
    "deposit",
    "increment",
    "outcome",
    "sold_on",
    "buyer",
    "deal_price",
    "contract_number",
    "contract_signed_on",
)


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class LandImportReport:
    created: int = 0
    updated: int = 0
    # Matched by 宗地编号 with nothing to change.
    unchanged: int = 0
    announcements: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def rejected(self) -> int:
        return len(self.errors)

    def lines(self) -> list[str]:
        lines = []
        if self.dry_run:
            lines.append(_("试运行：只做检查，未写入任何数据。"))
        lines.extend(_("提示：%(warning)s") % {"warning": w} for w in self.warnings)
        lines.append(
            _(
                "宗地新增 %(created)d 宗，更新 %(updated)d 宗，未变 %(unchanged)d 宗，"
                "拒绝 %(rejected)d 行；涉及出让公告 %(announcements)d 个。"
            )
            % {
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "rejected": self.rejected,
                "announcements": self.announcements,
            }
        )
        lines.extend(
            _("第 %(row)d 行：%(message)s") % {"row": e.row, "message": e.message}
            for e in sorted(self.errors, key=lambda e: e.row)
        )
        return lines


@dataclass
class CheckedRow:
    number: int
    announcement: dict
    parcel: dict
    announcement_number: str
    code: str
    plan_year: int | None


def _decimal(text: str) -> Decimal:
    text = unicodedata.normalize("NFKC", text).replace(",", "").strip()
    value = Decimal(text)
    if not value.is_finite() or value < 0:
        raise InvalidOperation
    return value


# 《城镇国有土地使用权出让和转让暂行条例》第十二条: at most 70 years (住宅).
MAX_TERM_YEARS = 70


def _fits(values: dict, *, model, name) -> list[str]:
    """What would not fit the columns: text too long, a number with too many
    digits (PostgreSQL refuses both, and would cost the whole import).
    Numbers are rounded to the column's decimal places in ``values``."""
    problems = []
    for key, value in values.items():
        if value in (None, ""):
            continue
        field = model._meta.get_field(key)
        if (
            isinstance(value, str)
            and field.max_length
            and len(value) > field.max_length
        ):
            problems.append(
                _("“%(header)s”不能超过%(max)d个字。")
                % {"header": name(key), "max": field.max_length}
            )
        elif isinstance(value, Decimal) and getattr(field, "max_digits", None):
            if value >= Decimal(10) ** (field.max_digits - field.decimal_places):
                problems.append(_("“%(header)s”的数值过大。") % {"header": name(key)})
            else:
                values[key] = value.quantize(Decimal(1).scaleb(-field.decimal_places))
    return problems


def _check(
    number: int, values: dict, names: dict
) -> tuple[CheckedRow | None, list[str]]:
    problems: list[str] = []
    text = {key: cell_text(value) for key, value in values.items()}

    def name(key):
        return names.get(key, key)

    def required(key):
        if not text.get(key):
            problems.append(_("“%(header)s”不能为空。") % {"header": name(key)})
        return text.get(key, "")

    def date_of(key, needed=False):
        if not text.get(key):
            if needed:
                problems.append(_("“%(header)s”不能为空。") % {"header": name(key)})
            return None
        try:
            return parse_date(values[key])
        except ValueError:
            problems.append(
                _("“%(header)s”的“%(value)s”不是日期（应写作 2026-05-06）。")
                % {"header": name(key), "value": text[key]}
            )
            return None

    def decimal_of(key, needed=False):
        if not text.get(key):
            if needed:
                problems.append(_("“%(header)s”不能为空。") % {"header": name(key)})
            return None
        try:
            return _decimal(text[key])
        except (InvalidOperation, ValueError):
            problems.append(
                _("“%(header)s”的“%(value)s”不是非负数。")
                % {"header": name(key), "value": text[key]}
            )
            return None

    def choice_of(key, choices, default=None):
        if not text.get(key):
            return default
        value = choice_by_label(choices, text[key])
        if value is None:
            problems.append(
                _("“%(header)s”的“%(value)s”无法识别，应为：%(allowed)s。")
                % {
                    "header": name(key),
                    "value": text[key],
                    "allowed": "、".join(str(label) for _v, label in choices.choices),
                }
            )
        return value

    number_text = required("number")
    code = required("code")
    announcement = {
        "title": text.get("title", ""),
        "method": choice_of("method", TransferMethod, TransferMethod.LISTING),
        "sale_starts_on": date_of("sale_starts_on", needed=True),
        "listing_starts_on": date_of("listing_starts_on"),
        "listing_ends_on": date_of("listing_ends_on"),
    }
    term = text.get("term_years", "")
    term_years = None
    if term:
        try:
            term_years = int(_decimal(term))
        except (InvalidOperation, ValueError):
            problems.append(
                _("“%(header)s”的“%(value)s”不是年数。")
                % {"header": name("term_years"), "value": term}
            )
    parcel = {
        "location": required("location"),
        "township": text.get("township", ""),
        "area_m2": decimal_of("area_m2", needed=True),
        "use": choice_of("use", LandUse) if text.get("use") else required("use"),
        "term_years": term_years,
        "plot_ratio": text.get("plot_ratio", ""),
        "building_density": text.get("building_density", ""),
        "green_ratio": text.get("green_ratio", ""),
        "height_limit": text.get("height_limit", ""),
        "starting_price": decimal_of("starting_price"),
        "deposit": decimal_of("deposit"),
        "increment": decimal_of("increment"),
        "outcome": choice_of("outcome", ParcelOutcome, ParcelOutcome.PENDING),
        "sold_on": date_of("sold_on"),
        "buyer": text.get("buyer", ""),
        "deal_price": decimal_of("deal_price"),
        "contract_number": text.get("contract_number", ""),
        "contract_signed_on": date_of("contract_signed_on"),
    }
    if parcel["area_m2"] is not None and parcel["area_m2"] == 0:
        problems.append(_("“%(header)s”必须大于 0。") % {"header": name("area_m2")})
    if parcel["outcome"] == ParcelOutcome.SOLD:
        missing = [
            name(key)
            for key in ("sold_on", "buyer", "deal_price")
            if parcel[key] in (None, "")
        ]
        if missing:
            problems.append(
                _("成交的宗地须填写%(headers)s。")
                % {"headers": "、".join(f"“{header}”" for header in missing)}
            )
    elif parcel["buyer"] or parcel["deal_price"] is not None:
        problems.append(_("填写了受让人或成交价，“出让结果”应为“成交”。"))
    if (
        announcement["method"] == TransferMethod.LISTING
        and not (announcement["listing_starts_on"] and announcement["listing_ends_on"])
        and not problems
    ):
        problems.append(_("挂牌出让须填写“挂牌开始日期”和“挂牌截止日期”。"))
    if (
        announcement["listing_starts_on"]
        and announcement["listing_ends_on"]
        and announcement["listing_ends_on"] < announcement["listing_starts_on"]
    ):
        problems.append(
            _("“%(end)s”不能早于“%(start)s”。")
            % {"end": name("listing_ends_on"), "start": name("listing_starts_on")}
        )
    plan_year = None
    if text.get("plan_year"):
        try:
            plan_year = int(_decimal(text["plan_year"]))
        except (InvalidOperation, ValueError):
            problems.append(
                _("“%(header)s”的“%(value)s”不是年份。")
                % {"header": name("plan_year"), "value": text["plan_year"]}
            )
    problems += (
        _fits(parcel, model=Parcel, name=name)
        + _fits({"code": code}, model=Parcel, name=name)
        + _fits(
            {"number": number_text, "title": announcement["title"]},
            model=TransferAnnouncement,
            name=name,
        )
    )
    if term_years is not None and term_years > MAX_TERM_YEARS:
        problems.append(
            _("“%(header)s”不能超过%(max)d年（土地使用权出让最高年限）。")
            % {"header": name("term_years"), "max": MAX_TERM_YEARS}
        )
    if problems:
        return None, problems
    return (
        CheckedRow(
            number=number,
            announcement=announcement,
            parcel=parcel,
            announcement_number=number_text,
            code=code,
            plan_year=plan_year,
        ),
        [],
    )


def import_land_market(
    *, path: Path, agency: Agency, actor: User | None, dry_run: bool = False
) -> LandImportReport:
    """Import the parcels listed in the sheet at ``path`` into ``agency``.

    Raises ImportRefusedError when the file as a whole cannot be used;
    otherwise refused rows are listed in the report and the good rows are
    written together (nothing with ``dry_run``)."""
    path = Path(path)
    rows = read_sheet(path=path)
    if not rows:
        raise ImportRefusedError(_("表格是空的：第 1 行应为表头。"))
    positions, names, warnings = map_headers(
        rows[0], headers=HEADERS, required=REQUIRED_HEADERS
    )
    report = LandImportReport(warnings=warnings, dry_run=dry_run)

    checked: list[CheckedRow] = []
    seen_codes: dict[str, int] = {}
    sale_of: dict[str, tuple[int, dict]] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell_text(cell) for cell in cells):
            continue
        values = {
            key: cells[position] if position < len(cells) else None
            for key, position in positions.items()
        }
        row, problems = _check(number, values, names)
        if row is not None:
            if row.code in seen_codes:
                problems.append(
                    _("宗地编号“%(code)s”与第 %(row)d 行重复。")
                    % {"code": row.code, "row": seen_codes[row.code]}
                )
            first = sale_of.get(row.announcement_number)
            if first is not None:
                problems += _sale_differences(
                    number=row.announcement_number,
                    first_row=first[0],
                    first=first[1],
                    other=row.announcement,
                )
        if problems:
            report.errors.append(RowError(number, " ".join(problems)))
            continue
        seen_codes[row.code] = number
        if row.announcement_number not in sale_of:
            sale_of[row.announcement_number] = (number, dict(row.announcement))
        elif row.announcement["title"]:
            # A sale's title may be written on any one of its rows.
            sale_of[row.announcement_number][1]["title"] = row.announcement["title"]
        checked.append(row)

    checked, announcements, parcels = _permitted(
        rows=checked, agency=agency, actor=actor, report=report
    )
    report.errors.sort(key=lambda error: error.row)
    _period_warnings(report=report, sales=sale_of)
    with transaction.atomic():
        _write(
            rows=checked,
            agency=agency,
            actor=actor,
            report=report,
            sales={number: sale for number, (_row, sale) in sale_of.items()},
            announcements=announcements,
            existing=parcels,
        )
        if dry_run:
            transaction.set_rollback(True)
    return report


def _sale_differences(
    *, number: str, first_row: int, first: dict, other: dict
) -> list[str]:
    """Why a row cannot belong to the sale an earlier row described: its
    method or dates differ, or both rows name the sale differently (a row
    without the name takes the other's)."""
    problems = []
    if any(first[key] != other[key] for key in first if key != "title"):
        problems.append(
            _("公告“%(number)s”的出让方式或日期与第 %(row)d 行不一致。")
            % {"number": number, "row": first_row}
        )
    if first["title"] and other["title"] and first["title"] != other["title"]:
        problems.append(
            _("公告“%(number)s”的“公告标题”与第 %(row)d 行不一致。")
            % {"number": number, "row": first_row}
        )
    return problems


def _permitted(
    *,
    rows: list[CheckedRow],
    agency: Agency,
    actor: User | None,
    report: LandImportReport,
) -> tuple[list[CheckedRow], dict, dict]:
    """The rows the importing user may write: not another department's sale,
    and nothing a notice in review or published has fixed (``locks``); with
    the stored announcements (by 公告编号) and parcels (by 宗地编号) they
    name, for the writing."""
    announcements = {
        announcement.number: announcement
        for announcement in TransferAnnouncement.objects.filter(
            agency=agency, number__in={row.announcement_number for row in rows}
        )
    }
    parcels = {
        parcel.code: parcel
        for parcel in Parcel.objects.filter(
            agency=agency, code__in=[row.code for row in rows]
        ).select_related("announcement")
    }
    ids = {a.pk for a in announcements.values()} | {
        p.announcement_id for p in parcels.values() if p.announcement_id
    }
    sent: dict[int, set[str]] = {}
    for announcement_id, kind in (
        LandMarketNotice.objects.filter(announcement_id__in=ids)
        .exclude(status=GeneratedStatus.DRAFT)
        .values_list("announcement_id", "kind")
    ):
        sent.setdefault(announcement_id, set()).add(kind)
    scoped = actor is not None and not (actor.is_superuser or actor.is_in_office)
    labels = {
        field.name: field.verbose_name
        for model in (Parcel, TransferAnnouncement)
        for field in model._meta.fields
    }
    permitted = []
    for row in rows:
        announcement = announcements.get(row.announcement_number)
        parcel = parcels.get(row.code)
        problems = []
        for record in (announcement, parcel.announcement if parcel else None):
            if (
                scoped
                and record is not None
                and record.department_id != actor.department_id
            ):
                problems.append(
                    _("公告“%(number)s”由其他科室办理，不能通过导入修改。")
                    % {"number": record.number}
                )
                break
        locked = locked_fields(sent.get(getattr(announcement, "pk", None), ()))
        changed = []
        if announcement is not None:
            changed += [
                key
                for key in SALE_FIELDS
                if row.announcement.get(key)
                and getattr(announcement, key) != row.announcement[key]
            ]
        if parcel is None:
            if NoticeKind.ANNOUNCEMENT in sent.get(
                getattr(announcement, "pk", None), ()
            ):
                problems.append(
                    _("公告“%(number)s”已送审或已发布，不能再增加宗地。")
                    % {"number": row.announcement_number}
                )
        else:
            if parcel.announcement_id != getattr(announcement, "pk", None):
                changed.append("announcement")
                locked |= locked_fields(sent.get(parcel.announcement_id, ()))
            changed += [
                key for key in PARCEL_FIELDS if getattr(parcel, key) != row.parcel[key]
            ]
        blocked = [key for key in dict.fromkeys(changed) if key in locked]
        if blocked:
            problems.append(lock_message(fields=blocked, labels=labels))
        if problems:
            report.errors.append(RowError(row.number, " ".join(problems)))
        else:
            permitted.append(row)
    return permitted, announcements, parcels


def _period_warnings(*, report: LandImportReport, sales: dict) -> None:
    """Listing periods that break or strain the rules are reported; they are
    history or still to be fixed, not a reason to refuse the parcels."""
    periods = selectors.land_periods()
    calendar = working_day_calendar()
    for number, (_row, sale) in sales.items():
        for problem in sale_problems(
            published_on=None,
            sale_starts_on=sale["sale_starts_on"],
            listing_starts_on=sale["listing_starts_on"],
            listing_ends_on=sale["listing_ends_on"],
            periods=periods,
            calendar=calendar,
        ):
            report.warnings.append(
                _("公告“%(number)s”：%(message)s")
                % {"number": number, "message": problem.message}
            )


def _write(
    *,
    rows: list[CheckedRow],
    agency: Agency,
    actor: User | None,
    report: LandImportReport,
    sales: dict[str, dict],
    announcements: dict[str, TransferAnnouncement],
    existing: dict[str, Parcel],
) -> None:
    announcements = dict(announcements)
    for number in dict.fromkeys(row.announcement_number for row in rows):
        sale = sales[number]
        announcement = announcements.get(number)
        if announcement is None:
            announcement = TransferAnnouncement(
                agency=agency,
                number=number,
                # The importing department keeps the sale; without a user
                # (the command line) the office does.
                department_id=getattr(actor, "department_id", None),
            )
        changed = announcement.pk is None
        for key in ANNOUNCEMENT_FIELDS:
            if key == "title" and not sale[key]:
                continue
            if getattr(announcement, key) != sale[key]:
                setattr(announcement, key, sale[key])
                changed = True
        if changed:
            announcement.save()
        announcements[number] = announcement
    report.announcements = len({row.announcement_number for row in rows})

    plans = {
        plan.year: plan
        for plan in SupplyPlan.objects.filter(
            agency=agency, year__in={row.plan_year for row in rows if row.plan_year}
        )
    }
    new, matched = [], 0
    changes: list[tuple[int, dict]] = []
    now = timezone.now()
    missing_plans: set[int] = set()
    for row in rows:
        values = dict(row.parcel)
        values["announcement_id"] = announcements[row.announcement_number].pk
        if row.plan_year:
            if row.plan_year in plans:
                values["plan_id"] = plans[row.plan_year].pk
            else:
                missing_plans.add(row.plan_year)
        parcel = existing.get(row.code)
        if parcel is None:
            new.append(Parcel(agency=agency, code=row.code, **values))
            continue
        matched += 1
        # A sheet imported again mostly repeats what is stored: write only
        # what changed, one row at a time (bulk_update's CASE expressions
        # over twenty columns are slower than this on SQLite).
        changed = {
            key: value for key, value in values.items() if getattr(parcel, key) != value
        }
        if changed:
            changes.append((parcel.pk, changed))
    report.warnings.extend(
        _("%(year)d 年度的土地供应计划尚未建立，这些宗地未关联计划。") % {"year": year}
        for year in sorted(missing_plans)
    )
    if new or changes:
        # bulk writes send no post_save: drop the cached portal pages here.
        transaction.on_commit(page_cache.invalidate)
    Parcel.objects.bulk_create(new, batch_size=500)
    for pk, changed in changes:
        Parcel.objects.filter(pk=pk).update(**changed, updated_at=now)
    report.created, report.updated = len(new), len(changes)
    report.unchanged = matched - len(changes)
    if rows:
        log(
            instance=agency,
            action="land_market.imported",
            user=actor,
            data={
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
        )
