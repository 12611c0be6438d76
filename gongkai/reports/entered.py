"""Import of the table 二 figures departments keep in other systems (规章,
行政许可, 行政处罚, 行政强制, 行政事业性收费) from XLSX or CSV (UTF-8 or GBK),
with row-level Chinese errors. The file is checked whole first: one bad row
and nothing is written. A row replaces the department's figures for that
year, so importing the same file again changes nothing.

Headers: 年度, 填报科室, then any of the figure headers below, 说明."""

from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gongkai.accounts.models import Agency, Department, User
from gongkai.publishing.importing import ImportRefusedError, ImportReport, RowError
from gongkai.publishing.importing.sheets import cell_text, map_headers, read_sheet
from gongkai.reports.models import EnteredFigure

HEADERS = {
    "年度": "year",
    "填报科室": "department",
    "规章本年制发件数": "rules_issued",
    "规章本年废止件数": "rules_repealed",
    "规章现行有效件数": "rules_in_force",
    "行政许可本年处理决定数量": "licensing_decisions",
    "行政处罚本年处理决定数量": "penalty_decisions",
    "行政强制本年处理决定数量": "coercion_decisions",
    "行政事业性收费本年收费金额（万元）": "fees_amount",
    "说明": "note",
}
REQUIRED_HEADERS = ("年度", "填报科室")
LABELS = {key: header for header, key in HEADERS.items()}


def _count(text: str, header: str) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(
            _("“%(header)s”应为不小于0的整数，而不是“%(text)s”。")
            % {"header": header, "text": text}
        )
    return int(text)


def _amount(text: str, header: str) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        value = None
    if value is None or value < 0 or not value.is_finite():
        raise ValueError(
            _("“%(header)s”应为以万元为单位的金额（如 12.5），而不是“%(text)s”。")
            % {"header": header, "text": text}
        )
    return value.quantize(Decimal("0.0001"))


def check_row(cells: dict[str, object], *, agency: Agency) -> tuple[tuple, dict]:
    """(year, department) and the values of one row; ValueError with the
    Chinese reason otherwise."""
    text = {key: cell_text(value).strip() for key, value in cells.items()}
    year_text = text.get("year", "")
    if not (year_text.isdigit() and 2008 <= int(year_text) <= 2100):
        raise ValueError(_("“年度”应为四位年份，如 2026。"))
    name = text.get("department", "")
    if not name:
        raise ValueError(_("“填报科室”不能为空。"))
    department = Department.objects.filter(agency=agency, name=name).first()
    if department is None:
        raise ValueError(_("本机关没有名为“%(name)s”的科室。") % {"name": name})
    values: dict[str, object] = {}
    for key in EnteredFigure.FIGURE_FIELDS:
        if key not in text:
            continue
        if key == "fees_amount":
            values[key] = _amount(text[key], LABELS[key])
        else:
            values[key] = _count(text[key], LABELS[key])
    if "note" in text:
        values["note"] = text["note"][:300]
    return (int(year_text), department), values


def import_entered_figures(
    *, path: Path, agency: Agency, actor: User | None, dry_run: bool = False
) -> ImportReport:
    """Import the sheet at ``path``; all rows or none."""
    rows = read_sheet(path=path)
    if not rows:
        raise ImportRefusedError(_("表格是空的。"))
    positions, _names, warnings = map_headers(
        rows[0], headers=HEADERS, required=REQUIRED_HEADERS
    )
    report = ImportReport(warnings=warnings, dry_run=dry_run)
    checked = []
    seen: dict[tuple, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell_text(cell) for cell in row):
            continue
        cells = {
            key: row[position] if position < len(row) else None
            for key, position in positions.items()
        }
        try:
            key, values = check_row(cells, agency=agency)
        except ValueError as error:
            report.errors.append(RowError(number, str(error)))
            continue
        if key in seen:
            report.errors.append(
                RowError(
                    number,
                    _("与第 %(row)d 行是同一科室同一年度。") % {"row": seen[key]},
                )
            )
            continue
        seen[key] = number
        checked.append((key, values))
    if report.errors:
        report.warnings.append(_("有错误的行，整个文件未导入；请修改后重新导入。"))
        return report
    with transaction.atomic():
        for (year, department), values in checked:
            existing = EnteredFigure.objects.filter(
                agency=agency, year=year, department=department
            ).exists()
            if not dry_run:
                figure, _created = EnteredFigure.objects.update_or_create(
                    agency=agency, year=year, department=department, defaults=values
                )
                log(
                    instance=figure,
                    action="reports.figures_imported",
                    user=actor,
                    data={"file": path.name},
                )
            if existing:
                report.updated += 1
            else:
                report.created += 1
    return report
