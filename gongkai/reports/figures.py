"""Pure rules of the report's figures: table 二 completed with the figures
departments entered, table 三's check rule, and the tables laid out as grids
of cells with the official labels of the 2021 format (国办公开办函〔2021〕30号,
domain-rules §2). Plain data in, plain data out."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

TABLE_2 = "二、主动公开政府信息情况"
TABLE_3 = "三、收到和处理政府信息公开申请情况"
TABLE_4 = "四、政府信息公开行政复议、行政诉讼情况"
TASKS = "任务落实情况"
FEES_LABEL = "本年收费金额（单位：万元）"

# Where each entered figure goes in table 二.
ENTERED_PATHS: dict[str, tuple[str, str, str]] = {
    "rules_issued": ("第二十条第（一）项", "规章", "本年制发件数"),
    "rules_repealed": ("第二十条第（一）项", "规章", "本年废止件数"),
    "rules_in_force": ("第二十条第（一）项", "规章", "现行有效件数"),
    "licensing_decisions": ("第二十条第（五）项", "行政许可", "本年处理决定数量"),
    "penalty_decisions": ("第二十条第（六）项", "行政处罚", "本年处理决定数量"),
    "coercion_decisions": ("第二十条第（六）项", "行政强制", "本年处理决定数量"),
    "fees_amount": ("第二十条第（八）项", "行政事业性收费", FEES_LABEL),
}


def complete_table_2(
    table: Mapping, entries: Iterable[Mapping[str, object]]
) -> tuple[dict, list[str]]:
    """Table 二 with the entered figures summed in. The national format
    expects a number in every cell, so a figure nobody entered is shown as
    0; its label is returned so the office is warned before publication.

    ``entries`` are the departments' rows (field name → value or None)."""
    completed = {
        article: {row: dict(cells) for row, cells in rows.items()}
        for article, rows in table.items()
    }
    sums: dict[tuple[str, str, str], Decimal | int | None] = {}
    for entry in entries:
        for name, path in ENTERED_PATHS.items():
            value = entry.get(name)
            if value is None:
                continue
            sums[path] = (sums.get(path) or 0) + value
    for path, total in sums.items():
        article, row, column = path
        completed[article][row][column] = (
            _amount(total) if column == FEES_LABEL else int(total)
        )
    missing = []
    for rows in completed.values():
        for row, cells in rows.items():
            for column, value in cells.items():
                if value is None:
                    missing.append(f"{row}·{column}")
                    cells[column] = 0
    return completed, missing


def _amount(value) -> float:
    return float(round(Decimal(str(value)), 4))


def table_3_problems(table: Mapping) -> list[str]:
    """The columns where 一 + 二 ≠ 三（七）总计 + 四 (the check rule printed in
    table 三's corner); empty when the table is consistent."""
    received = table["一、本年新收政府信息公开申请数量"]
    carried_in = table["二、上年结转政府信息公开申请数量"]
    total = table["三、本年度办理结果"]["（七）总计"]
    carried_out = table["四、结转下年度继续办理"]
    return [
        column
        for column in received
        if received[column] + carried_in[column] != total[column] + carried_out[column]
    ]


# Tables as grids


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass
class Grid:
    """A table as rows of cells; a cell spanning rows or columns is given
    once, at its top-left position, as in HTML."""

    caption: str
    rows: list[list[Cell]]
    header_rows: int = 1
    widths: list[float] = field(default_factory=list)

    @property
    def width(self) -> int:
        return sum(cell.colspan for cell in self.rows[0])

    def placed(self) -> list[tuple[int, int, Cell]]:
        """Each cell with its row and column in the full grid."""
        taken: set[tuple[int, int]] = set()
        placed = []
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                placed.append((r, c, cell))
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan
        return placed


def _head(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, colspan, rowspan, header=True)


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def table_2_grid(table: Mapping) -> Grid:
    rows: list[list[Cell]] = []
    for article, items in table.items():
        columns = list(next(iter(items.values())))
        rows.append([_head(article, 4)])
        if len(columns) == 1:
            rows.append([_head("信息内容"), _head(columns[0], 3)])
        else:
            rows.append([_head("信息内容"), *(_head(column) for column in columns)])
        for label, cells in items.items():
            if len(columns) == 1:
                rows.append([Cell(label), Cell(_number(cells[columns[0]]), 3)])
            else:
                rows.append([Cell(label), *(Cell(_number(cells[c])) for c in columns)])
    return Grid(TABLE_2, rows, header_rows=0, widths=[2, 1, 1, 1])


def table_3_grid(table: Mapping) -> Grid:
    first = table["一、本年新收政府信息公开申请数量"]
    columns = list(first)  # 自然人, five kinds of organisation, 总计
    results = table["三、本年度办理结果"]
    result_rows = sum(
        len(value) if isinstance(next(iter(value.values())), dict) else 1
        for value in results.values()
    )
    rows: list[list[Cell]] = [
        [
            _head(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            _head("申请人情况", len(columns)),
        ],
        [
            _head(columns[0], rowspan=2),
            _head("法人或其他组织", len(columns) - 2),
            _head(columns[-1], rowspan=2),
        ],
        [_head(column) for column in columns[1:-1]],
    ]

    def values(cells: Mapping) -> list[Cell]:
        return [Cell(_number(cells[column])) for column in columns]

    rows.append([Cell("一、本年新收政府信息公开申请数量", 3), *values(first)])
    rows.append(
        [
            Cell("二、上年结转政府信息公开申请数量", 3),
            *values(table["二、上年结转政府信息公开申请数量"]),
        ]
    )
    lead: list[Cell] = [Cell("三、本年度办理结果", rowspan=result_rows)]
    for category, value in results.items():
        if isinstance(next(iter(value.values())), dict):
            for index, (label, cells) in enumerate(value.items()):
                row = [*lead]
                if index == 0:
                    row.append(Cell(category, rowspan=len(value)))
                rows.append([*row, Cell(label), *values(cells)])
                lead = []
        else:
            rows.append([*lead, Cell(category, 2), *values(value)])
            lead = []
    rows.append(
        [Cell("四、结转下年度继续办理", 3), *values(table["四、结转下年度继续办理"])]
    )
    return Grid(TABLE_3, rows, header_rows=3, widths=[1.2, 2, 3.2] + [1] * 7)


def table_4_grid(table: Mapping) -> Grid:
    reconsideration = table["行政复议"]
    direct = table["行政诉讼"]["未经复议直接起诉"]
    after = table["行政诉讼"]["复议后起诉"]
    labels = list(reconsideration)
    rows = [
        [_head("行政复议", len(labels)), _head("行政诉讼", 2 * len(labels))],
        [
            *(_head(label, rowspan=2) for label in labels),
            _head("未经复议直接起诉", len(labels)),
            _head("复议后起诉", len(labels)),
        ],
        [_head(label) for label in labels * 2],
        [
            Cell(_number(group[label]))
            for group in (reconsideration, direct, after)
            for label in labels
        ],
    ]
    return Grid(TABLE_4, rows, header_rows=3, widths=[1] * 15)


def tasks_grid(rows: list[Mapping], caption: str) -> Grid:
    grid_rows = [
        [
            _head("序号"),
            _head("工作要求"),
            _head("责任单位"),
            _head("时限要求"),
            _head("落实情况"),
        ]
    ]
    for row in rows:
        grid_rows.append(
            [
                Cell(str(row["序号"])),
                Cell(row["工作要求"]),
                Cell(row["责任单位"]),
                Cell(row["时限要求"]),
                Cell(row["状态"]),
            ]
        )
    return Grid(caption, grid_rows, header_rows=1, widths=[0.6, 4, 1.6, 1.6, 1])
