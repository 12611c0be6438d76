"""Demo data of the annual report: one reconsideration over a 2026
application, the figures the 行政许可科 and 执法监察大队 enter for table 二,
and the 2026 report's draft, its tables filled from the demo's items and
ledger. Loading twice changes nothing."""

from datetime import date
from decimal import Decimal

from gongkai.accounts.models import Agency, Department

DEMO_YEAR = 2026
# (department, field, value): what the responsible departments enter until
# the platform has 许可/处罚 modules.
DEMO_FIGURES = (
    ("行政许可科", "licensing_decisions", 126),
    ("执法监察大队", "penalty_decisions", 18),
    ("执法监察大队", "coercion_decisions", 2),
    ("财审科", "fees_amount", Decimal("0")),
)


def load_demo_report(*, agency: Agency, departments: dict[str, Department]) -> None:
    from gongkai.applications.models import (
        Appeal,
        AppealKind,
        AppealResult,
        Application,
    )
    from gongkai.reports.models import EnteredFigure
    from gongkai.reports.services import draft_annual_report

    if not Appeal.objects.filter(agency=agency, filed_on__year=DEMO_YEAR).exists():
        Appeal.objects.create(
            agency=agency,
            application=Application.objects.filter(
                agency=agency, received_on__year=DEMO_YEAR
            ).first(),
            kind=AppealKind.RECONSIDERATION,
            filed_on=date(DEMO_YEAR, 4, 20),
            decided_on=date(DEMO_YEAR, 6, 15),
            result=AppealResult.UPHELD,
        )
    for name, field, value in DEMO_FIGURES:
        department = departments.get(name)
        if department is None:
            continue
        figure, _created = EnteredFigure.objects.get_or_create(
            agency=agency, year=DEMO_YEAR, department=department
        )
        if getattr(figure, field) is None:
            setattr(figure, field, value)
            figure.save()
    draft_annual_report(agency=agency, year=DEMO_YEAR, actor=None)
