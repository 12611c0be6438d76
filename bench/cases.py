"""What the annual-report benchmarks share: a scratch SQLite database with
one agency and its portal, 2024–2026 applications by bulk insert, and the
result file."""

import json
import os
import platform
import random
import tempfile
from contextlib import redirect_stdout
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scratch_agency(prefix: str):
    """Django set up on a fresh migrated SQLite database in a temporary
    directory, with one agency, its portal and standard columns."""
    data_dir = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.pop("DATABASE_URL", None)
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command

    from gongkai.accounts.models import Agency
    from gongkai.publishing import services

    with redirect_stdout(StringIO()):
        call_command("migrate", "--noinput", verbosity=0)
    agency = Agency.objects.create(name="基准测试局", document_code="基准发")
    home = services.create_portal(agency=agency, hostname="bench.local")
    services.create_standard_columns(home=home)
    return agency


def insert_cases(*, agency, count: int, seed: int) -> None:
    """``count`` applications received over 2024–2026 with random applicant
    types, channels and outcomes; one in ten still open."""
    from gongkai.applications.choices import ApplicantType, Channel, Outcome
    from gongkai.applications.models import Application

    rng = random.Random(seed)
    types = list(ApplicantType.values)
    outcomes = list(Outcome.values)
    channels = list(Channel.values)
    cases = []
    for number in range(count):
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
    Application.objects.bulk_create(cases, batch_size=5000)


def write_result(path: Path, *, benchmark: str, cases: int, timings, target) -> None:
    import statistics

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "benchmark": benchmark,
                "cases": cases,
                "median_s": round(statistics.median(timings), 3),
                "worst_s": round(max(timings), 3),
                "target_s": target,
                "python": platform.python_version(),
            },
            indent=2,
        )
        + "\n"
    )
