"""Benchmark of the land-market import (issue #7): an XLSX of 10,000
parcels imported with ``import_land_market`` in under 20 s, and the same
sheet imported again (every parcel matched, none changed or duplicated).

    .venv/bin/python bench/land_import.py [--parcels 10000]

A fresh SQLite database (migrated, one agency) in a temporary directory.
The sheet is written with openpyxl: 500 sales of 20 parcels each, every
column of docs/import-format.md filled, a third of the parcels sold with a
buyer and a price, and 1% of the rows bad (an area that is no number, an
unknown use) so that the row checks and the report are part of the time.
The figures are the wall time of each import, sheet reading included.
Results also go to ``bench/results/land_import.json`` (not in git).
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "land_import.json"
TARGET_SECONDS = 20.0
HEADERS = (
    "公告编号", "出让方式", "出让活动开始日期", "挂牌开始日期", "挂牌截止日期", "宗地编号",
    "位置", "镇（街道）", "面积（平方米）", "用途", "出让年限（年）", "容积率", "建筑密度",
    "绿地率", "建筑限高", "起始价（万元）", "竞买保证金（万元）", "增价幅度（万元）",
    "出让结果", "成交日期", "受让人", "成交价（万元）", "合同编号", "合同签订日期",
)  # fmt: skip
TOWNS = ("稷下街道", "齐陵街道", "闻韶街道", "雪宫街道", "辛店街道", "凤凰镇", "金岭回族镇", "朱台镇", "皇城镇", "敬仲镇")  # fmt: skip
USES = ("工矿仓储用地", "商服用地", "住宅用地", "公共管理与公共服务用地")


def write_sheet(path: Path, parcels: int, rng: random.Random) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("宗地")
    sheet.append(list(HEADERS))
    bad = 0
    for number in range(parcels):
        sale_number = number // 20
        start = dt.date(2016, 1, 4) + dt.timedelta(days=7 * sale_number)
        end = start + dt.timedelta(days=13)
        sold = number % 3 == 0
        area: object = 5000 + rng.randrange(60000)
        use = rng.choice(USES)
        if number % 100 == 57:
            area, bad = "约三万", bad + 1
        elif number % 100 == 91:
            use, bad = "养殖用地", bad + 1
        price = rng.randrange(200, 5000)
        sheet.append(
            [
                f"临自然资告字〔{start.year}〕{sale_number + 1}号",
                "挂牌",
                start,
                start,
                end,
                f"LZ{start.year}-{number:05d}",
                f"{TOWNS[number % 10]}第{number % 37}号地块",
                TOWNS[number % 10],
                area,
                use,
                50,
                "≤2.5",
                "≤30%",
                "≥35%",
                "60米",
                price,
                price // 5,
                10,
                "成交" if sold else "",
                end if sold else None,
                "淄博某某置业有限公司" if sold else "",
                price + 30 if sold else None,
                f"3703052B{number:06d}" if sold else "",
                end + dt.timedelta(days=20) if sold else None,
            ]  # fmt: skip
        )
    workbook.save(path)
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=10_000)
    options = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="gongkai-bench-land-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command

    from gongkai.accounts.models import Agency
    from gongkai.land_market.importing import import_land_market
    from gongkai.land_market.models import Parcel

    with redirect_stdout(StringIO()):
        call_command("migrate", "--noinput", verbosity=0)
    agency = Agency.objects.create(name="基准测试局", document_code="基准发")
    sheet = data_dir / "parcels.xlsx"
    bad = write_sheet(sheet, options.parcels, random.Random(20261204))
    results = {"parcels": options.parcels, "bad_rows": bad, "target_s": TARGET_SECONDS}
    for run in ("first", "again"):
        started = time.perf_counter()
        report = import_land_market(path=sheet, agency=agency, actor=None)
        seconds = time.perf_counter() - started
        results[run] = {
            "seconds": round(seconds, 2),
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": report.rejected,
        }
        print(
            f"{run:>5}: {seconds:6.2f} s  created {report.created}, "
            f"updated {report.updated}, unchanged {report.unchanged}, "
            f"rejected {report.rejected}"
        )
    results["stored"] = Parcel.objects.count()
    results["machine"] = platform.platform()
    ok = (
        results["first"]["seconds"] < TARGET_SECONDS
        and results["stored"] == options.parcels - bad
    )
    print(
        f"{options.parcels} parcels: {results['first']['seconds']} s "
        f"(target < {TARGET_SECONDS:.0f} s) {'OK' if ok else 'MISSED'}; {results['stored']} stored"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
