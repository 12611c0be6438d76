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
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "annual_report.json"
TARGET_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="gongkai-bench-report-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command

    from gongkai.accounts.models import Agency
    from gongkai.applications.choices import ApplicantType, Channel, Outcome
    from gongkai.applications.models import Application
    from gongkai.applications.selectors import annual_report_figures
    from gongkai.publishing import services

    with redirect_stdout(StringIO()):
        call_command("migrate", "--noinput", verbosity=0)
    agency = Agency.objects.create(name="基准测试局", document_code="基准发")
    home = services.create_portal(agency=agency, hostname="bench.local")
    services.create_standard_columns(home=home)
    rng = random.Random(20261127)
    types = list(ApplicantType.values)
    outcomes = list(Outcome.values)
    channels = list(Channel.values)
    cases = []
    for number in range(options.cases):
        received = date(2024, 1, 1) + timedelta(days=rng.randrange(1095))
        closed = rng.random() < 0.9
        cases.append(
            Application(
                agency=agency,
                number=f"YSQ-{number:06d}",
                channel=rng.choice(channels),
                received_on=received,
                applicant_type=rng.choice(types),
                applicant_name="张某",
                description="某项政府信息",
                replied_on=received + timedelta(days=rng.randrange(1, 40))
                if closed
                else None,
                outcome=rng.choice(outcomes) if closed else "",
            )
        )
    started = time.perf_counter()
    Application.objects.bulk_create(cases, batch_size=5000)
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
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "annual report figures",
                "cases": options.cases,
                "median_s": round(median, 3),
                "worst_s": round(max(timings), 3),
                "target_s": TARGET_SECONDS,
                "python": platform.python_version(),
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
