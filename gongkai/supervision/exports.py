"""The 督办 table as XLSX, for the office to send round."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

COLUMNS = (
    "序号", "工作任务", "工作要点", "工作要求", "责任单位", "牵头单位", "具体落实单位",
    "时限要求", "时限类型", "完成期限", "下次报送期限", "最近报送", "起算事件记录",
    "状态",
)  # fmt: skip
MEASURE_COLUMNS = (
    "措施", "方案要求", "年度", "每年至少次数", "本年完成次数", "最近一次", "状态",
)  # fmt: skip


def _cell(row: dict, column: str) -> object:
    if column == "工作要点":
        return row["工作要求"]["要点"]
    if column == "工作要求":
        return row["工作要求"]["具体要求"]
    value = row[column]
    if isinstance(value, dict):
        return "，".join(f"{key}{count}" for key, count in value.items())
    return "、".join(value) if isinstance(value, list) else value


def _sheet(sheet, columns, rows) -> None:
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(row, column) for column in columns])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def tasks_workbook(rows: list[dict], measures: list[dict] = ()) -> bytes:
    """The tasks, and the plan's 保障措施 on a second sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "督办情况"
    _sheet(sheet, COLUMNS, rows)
    if measures:
        _sheet(workbook.create_sheet("保障措施"), MEASURE_COLUMNS, measures)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
