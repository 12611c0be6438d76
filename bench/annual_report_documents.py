"""Benchmark of the annual report as a document: the draft's figures (live),
the document with its task table, and the DOCX and PDF, for 100,000
applications and a work plan of 40 tasks, in under 5 s.

    .venv/bin/python bench/annual_report_documents.py [--cases 100000]

A fresh SQLite database in a temporary directory gets the cases by bulk
insert over 2024–2026 and a 40-task plan; then, five times, the report on
2025 is built as the office downloads it (live figures, document, DOCX,
PDF). The figure is the median; results also go to
``bench/results/annual_report_documents.json`` (not in git).
"""

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.cases import insert_cases, scratch_agency, write_result  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "annual_report_documents.json"
TARGET_SECONDS = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    agency = scratch_agency("gongkai-bench-documents-")
    from gongkai.reports import documents, selectors
    from gongkai.reports.services import draft_annual_report
    from gongkai.supervision.models import PlanTask, WorkPlan

    plan = WorkPlan.objects.create(
        agency=agency, title="基准测试工作方案", year=2025, issued_on=date(2025, 3, 1)
    )
    PlanTask.objects.bulk_create(
        PlanTask(
            plan=plan,
            number=number,
            task="政务公开",
            requirement=f"第{number}项工作要求",
            responsible="办公室",
            deadline_text="2025年12月底前",
            due_on=date(2025, 12, 31),
            due_kind="fixed",
        )
        for number in range(1, 41)
    )
    insert_cases(agency=agency, count=options.cases, seed=20261203)
    report = draft_annual_report(agency=agency, year=2025, actor=None)
    timings, sizes = [], (0, 0)
    for _ in range(options.runs):
        started = time.perf_counter()
        data = selectors.report_figures(report)
        document = selectors.report_document(report, data)
        sizes = (
            len(documents.render_docx(document)),
            len(documents.render_pdf(document)),
        )
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    verdict = "OK" if median < TARGET_SECONDS else "TOO SLOW"
    print(
        f"annual report documents: {options.cases} cases, 40 tasks; DOCX {sizes[0]} B, "
        f"PDF {sizes[1]} B; median {median:.3f} s, worst {max(timings):.3f} s "
        f"(target < {TARGET_SECONDS} s): {verdict}"
    )
    write_result(
        RESULTS, benchmark="annual report documents", cases=options.cases,
        timings=timings, target=TARGET_SECONDS,
    )  # fmt: skip


if __name__ == "__main__":
    main()
