"""The applications ledger (台账) bureaus keep in Excel: import from XLSX or
CSV (UTF-8 or GBK) with the same row-level Chinese errors and idempotency as
the document import, and export in the same format.

Headers: 申请编号, 收到日期, 申请方式, 申请人类型, 申请人姓名或名称, 申请内容,
答复日期, 办理结果. A row is matched to an existing case by 申请编号, so a
corrected ledger can be imported again.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.accounts.models import Agency
from gongkai.applications import services
from gongkai.applications.choices import ApplicantType, Channel, Outcome
from gongkai.applications.models import Application
from gongkai.publishing.importing import ImportRefusedError, ImportReport, RowError
from gongkai.publishing.importing.sheets import (
    cell_text,
    map_headers,
    parse_date,
    read_sheet,
)

HEADERS = {
    "申请编号": "number",
    "收到日期": "received_on",
    "申请方式": "channel",
    "申请人类型": "applicant_type",
    "申请人姓名或名称": "applicant_name",
    "申请内容": "description",
    "答复日期": "replied_on",
    "办理结果": "outcome",
}
REQUIRED_HEADERS = tuple(list(HEADERS)[:6])
FIELDS = list(HEADERS.values())
CHANNELS = {str(label): value for value, label in Channel.choices}
APPLICANT_TYPES = {str(label): value for value, label in ApplicantType.choices}
OUTCOMES = {str(label): value for value, label in Outcome.choices}


@dataclass(frozen=True)
class LedgerRow:
    number: str
    values: dict


def _choice(text: str, choices: dict[str, str], header: str) -> str:
    if text in choices:
        return choices[text]
    raise ValueError(
        _("“%(header)s”应为以下之一：%(choices)s（当前为“%(value)s”）。")
        % {"header": header, "choices": "、".join(choices), "value": text}
    )


def check_ledger_row(cells: dict[str, object]) -> LedgerRow:
    """The case a ledger row describes; raises ValueError with every problem
    of the row in Chinese."""
    problems = []
    text = {key: cell_text(cells.get(key)) for key in FIELDS}
    values: dict = {}
    for key in ("number", "applicant_name", "description"):
        if not text[key]:
            header = next(h for h, k in HEADERS.items() if k == key)
            problems.append(_("“%(header)s”不能为空。") % {"header": header})
        values[key] = text[key]
    for key, header in (("received_on", "收到日期"), ("replied_on", "答复日期")):
        try:
            values[key] = parse_date(cells.get(key))
        except ValueError:
            problems.append(
                _("“%(header)s”“%(value)s”不是有效日期。")
                % {"header": header, "value": text[key]}
            )
            values[key] = None
            continue
        if key == "received_on" and values[key] is None:
            problems.append(_("“收到日期”不能为空。"))
    for key, choices, header in (
        ("channel", CHANNELS, "申请方式"),
        ("applicant_type", APPLICANT_TYPES, "申请人类型"),
    ):
        try:
            values[key] = _choice(text[key], choices, header)
        except ValueError as error:
            problems.append(str(error))
    # The result as the report labels it; an ASCII colon is taken too.
    outcome = unicodedata.normalize("NFC", text["outcome"]).replace(":", "：")
    outcome = "：".join(part.strip() for part in outcome.split("："))
    values["outcome"] = ""
    if outcome:
        if outcome in OUTCOMES:
            values["outcome"] = OUTCOMES[outcome]
        else:
            problems.append(
                _(
                    "“办理结果”“%(value)s”无法识别：应为“予以公开”“部分公开”，"
                    "或类别与年报所列情形以全角冒号分隔，如“不予公开：属于国家秘密”。"
                )
                % {"value": text["outcome"]}
            )
    replied = values.get("replied_on")
    if bool(replied) != bool(outcome):
        problems.append(
            _("“答复日期”和“办理结果”须同时填写（办理中的申请两项都留空）。")
        )
    received = values.get("received_on")
    if replied and received and replied < received:
        problems.append(_("“答复日期”不能早于“收到日期”。"))
    if problems:
        raise ValueError("".join(str(problem) for problem in problems))
    return LedgerRow(number=values.pop("number"), values=values)


def _not_overwritable(existing: Application, row: LedgerRow) -> str:
    """Why the row may not update ``existing`` ("" when it may): a case
    handled on the platform is kept as handled, and a closed case keeps its
    reply."""
    handled = (
        existing.correction_requested_on
        or existing.extension_working_days
        or existing.letters.exists()
        or existing.consultations.exists()
    )
    if handled:
        return _("申请“%(number)s”已在平台上办理，不能用台账修改。") % {
            "number": existing.number
        }
    if existing.is_closed and (
        row.values.get("replied_on") != existing.replied_on
        or row.values.get("outcome") != existing.outcome
    ):
        return _("申请“%(number)s”已办结，不能用台账修改答复日期或办理结果。") % {
            "number": existing.number
        }
    return ""


def import_ledger(*, path: Path, agency: Agency, dry_run: bool = False) -> ImportReport:
    """Import the ledger at ``path`` into ``agency``'s cases. Every row is
    checked first; good rows are written one transaction each."""
    rows = read_sheet(path=path)
    if not rows:
        raise ImportRefusedError(_("表格是空的。"))
    positions, names, warnings = map_headers(
        rows[0], headers=HEADERS, required=REQUIRED_HEADERS
    )
    report = ImportReport(warnings=warnings, dry_run=dry_run)
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell_text(cell) for cell in row):
            continue
        cells = {
            key: row[position] if position < len(row) else None
            for key, position in positions.items()
        }
        try:
            checked = check_ledger_row(cells)
        except ValueError as error:
            report.errors.append(RowError(number, str(error)))
            continue
        if checked.number in seen:
            report.errors.append(
                RowError(
                    number,
                    _("申请编号“%(number)s”与第 %(row)d 行重复。")
                    % {"number": checked.number, "row": seen[checked.number]},
                )
            )
            continue
        seen[checked.number] = number
        existing = Application.objects.filter(
            agency=agency, number=checked.number
        ).first()
        problem = existing and _not_overwritable(existing, checked)
        if problem:
            report.errors.append(RowError(number, problem))
            continue
        exists = existing is not None
        if not dry_run:
            with transaction.atomic():
                application, created = Application.objects.update_or_create(
                    agency=agency, number=checked.number, defaults=checked.values
                )
                services.refresh_deadline(application)
                if created:
                    services.prompt_proactive_review(application)
        if exists:
            report.updated += 1
        else:
            report.created += 1
    return report


def ledger_rows(*, agency: Agency) -> list[list[str]]:
    """The agency's cases as ledger rows, header first (the import format)."""
    rows = [list(HEADERS)]
    for case in Application.objects.filter(agency=agency).order_by(
        "received_on", "number"
    ):
        rows.append(
            [
                case.number,
                case.received_on.isoformat(),
                case.get_channel_display(),
                case.get_applicant_type_display(),
                case.applicant_name,
                case.description,
                case.replied_on.isoformat() if case.replied_on else "",
                case.get_outcome_display() if case.outcome else "",
            ]
        )
    return rows


def write_ledger(*, path: Path, agency: Agency) -> int:
    """Write the ledger to ``path`` (.xlsx, or .csv in UTF-8 with a BOM so
    that Excel opens it); the number of cases written."""
    rows = ledger_rows(agency=agency)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "依申请公开台账"
        for row in rows:
            sheet.append(row)
        workbook.save(path)
    else:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return len(rows) - 1
