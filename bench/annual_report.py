"""Benchmark of the annual report's figures (issue #4): tables 二, 三 and 四
for 100,000 cases in under 2 s.

    .venv/bin/python bench/annual_report.py [--cases 100000]

A fresh SQLite database (migrated, one agency, its portal and columns) in a
temporary directory gets the cases by bulk insert over 2024–2026, with
random applicant types, outcomes and open cases; then
``annual_report_figures`` runs for 2025 — the database query and the
counting — five times. The figure is the median; results also go to
``bench/results/annual_report.json`` (not in git).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.cases import insert_cases, scratch_agency, write_result  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "annual_report.json"
TARGET_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    agency = scratch_agency("gongkai-bench-report-")
    from gongkai.applications.selectors import annual_report_figures

    started = time.perf_counter()
    insert_cases(agency=agency, count=options.cases, seed=20261127)
    print(f"{options.cases} cases inserted in {time.perf_counter() - started:.1f} s")
    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        figures = annual_report_figures(agency=agency, year=2025)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    received = figures["三、收到和处理政府信息公开申请情况"][
        "一、本年新收政府信息公开申请数量"
    ]["总计"]
    verdict = "OK" if median < TARGET_SECONDS else "TOO SLOW"
    print(
        f"annual report figures: {options.cases} cases ({received} received in 2025), "
        f"median {median:.3f} s, worst {max(timings):.3f} s "
        f"(target < {TARGET_SECONDS} s): {verdict}"
    )
    write_result(
        RESULTS, benchmark="annual report figures", cases=options.cases,
        timings=timings, target=TARGET_SECONDS,
    )  # fmt: skip


if __name__ == "__main__":
    main()
