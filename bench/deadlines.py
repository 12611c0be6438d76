"""Benchmark of an application's deadlines (issue #4): the deadlines of one
case must be computed in under 1 ms.

    .venv/bin/python bench/deadlines.py [--cases 10000]

Cases are drawn at random over 2025–2026 (both years' arrangements loaded
from chinesecalendar): some with a correction, some with one or two
consultations, some extended, each looked at on a day of its first six
weeks (an open case on the dashboard). The calendar is built once, as a
request builds it once. The figure is the mean and the 99th percentile per case;
results also go to ``bench/results/deadlines.json`` (not in git).
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "deadlines.json"
TARGET_MS = 1.0


def random_case(rng: random.Random):
    from gongkai.applications.deadlines import CaseDates, Consultation

    received = date(2025, 1, 2) + timedelta(days=rng.randrange(680))
    fields = {"received_on": received}
    if rng.random() < 0.2:
        requested = received + timedelta(days=rng.randrange(1, 9))
        fields["correction_requested_on"] = requested
        fields["correction_due_on"] = requested + timedelta(days=15)
        fields["correction_received_on"] = requested + timedelta(days=rng.randrange(10))
    consultations = []
    for _ in range(rng.choice((0, 0, 0, 1, 2))):
        sent = received + timedelta(days=rng.randrange(1, 15))
        answered = sent + timedelta(days=rng.randrange(1, 25))
        consultations.append(
            Consultation(sent, answered if rng.random() < 0.8 else None)
        )
    fields["consultations"] = tuple(consultations)
    if rng.random() < 0.1:
        fields["extension_working_days"] = rng.randrange(1, 21)
    # Looked at while open: some day in its first six weeks.
    return CaseDates(**fields), received + timedelta(days=rng.randrange(42))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from gongkai.applications.deadlines import case_deadlines
    from gongkai.core.calendar import WorkingDayCalendar

    rng = random.Random(20261127)
    cases = [random_case(rng) for _ in range(options.cases)]
    calendar = WorkingDayCalendar()
    case_deadlines(cases[0][0], calendar=calendar, today=cases[0][1])  # warm-up
    timings = []
    for case, today in cases:
        started = time.perf_counter()
        case_deadlines(case, calendar=calendar, today=today)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    mean = statistics.fmean(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    row = {
        "benchmark": "case deadlines",
        "cases": options.cases,
        "mean_ms": round(mean, 4),
        "p99_ms": round(p99, 4),
        "max_ms": round(timings[-1], 4),
        "target_ms": TARGET_MS,
        "python": platform.python_version(),
    }
    verdict = "OK" if p99 < TARGET_MS else "TOO SLOW"
    print(
        f"case deadlines: {options.cases} cases, mean {mean:.3f} ms, "
        f"p99 {p99:.3f} ms, max {timings[-1]:.3f} ms (target < {TARGET_MS} ms): {verdict}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(row, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
