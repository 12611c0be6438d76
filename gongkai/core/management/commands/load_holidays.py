"""Load a year's State Council holiday arrangement into the working-day
calendar: ``python manage.py load_holidays FILE.csv [--source TEXT]``.

The file has one ``date,kind`` row per day (kind ``holiday`` or
``workday`` for a 调休上班 day), optionally a third column with the day's
name, and may start with a ``date,kind`` header. Nothing is loaded unless
every row is right; every wrong row is reported with its line number.
"""

import csv
import datetime as dt
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.core import services
from gongkai.core.text import decode_text

KINDS = {"holiday": False, "workday": True}


def parse_arrangement(text: str) -> tuple[list[services.ArrangementDay], list[str]]:
    """The days of the file and the errors of its wrong rows (in Chinese)."""
    days: dict[dt.date, services.ArrangementDay] = {}
    errors = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() == "date":
            continue
        if len(cells) < 2:
            errors.append(f"第{number}行：应为“日期,类型”两列。")
            continue
        try:
            day = dt.date.fromisoformat(cells[0])
        except ValueError:
            errors.append(f"第{number}行：日期“{cells[0]}”应写作 YYYY-MM-DD。")
            continue
        kind = cells[1].lower()
        if kind not in KINDS:
            errors.append(
                f"第{number}行：类型“{cells[1]}”应为 holiday（放假）或 workday（调休上班）。"
            )
            continue
        entry = services.ArrangementDay(
            day=day, is_working_day=KINDS[kind], name=cells[2] if len(cells) > 2 else ""
        )
        if day in days and days[day].is_working_day != entry.is_working_day:
            errors.append(f"第{number}行：{day:%Y-%m-%d} 与前面的行矛盾。")
            continue
        days[day] = entry
    if not days and not errors:
        errors.append("文件中没有任何日期。")
    return sorted(days.values(), key=lambda entry: entry.day), errors


class Command(BaseCommand):
    help = "载入国务院办公厅公布的某年节假日安排（date,kind 每行一天）。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--source",
            default="",
            help="依据，如：国务院办公厅关于2027年部分节假日安排的通知",
        )

    def handle(self, *args, file: Path, source: str, **options):
        try:
            text = decode_text(file.read_bytes())
        except OSError as error:
            raise CommandError(f"无法读取文件 {file}：{error.strerror}") from error
        days, errors = parse_arrangement(text)
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(f"有 {len(errors)} 行不正确，未载入任何日期。")
        arrangements = services.load_holiday_arrangement(days=days, source=source)
        for arrangement in arrangements:
            in_year = [entry for entry in days if entry.day.year == arrangement.year]
            holidays = sum(not entry.is_working_day for entry in in_year)
            self.stdout.write(
                f"已载入 {arrangement.year} 年节假日安排："
                f"放假 {holidays} 天，调休上班 {len(in_year) - holidays} 天。"
            )
