"""A run as plain data (the command's JSON, the dashboard's table)."""

from gongkai.site_health.choices import Indicator, Outcome
from gongkai.site_health.models import HealthCheckRun


def run_as_dict(run: HealthCheckRun, *, findings_limit: int | None = None) -> dict:
    findings_by_indicator: dict[str, list[dict]] = {}
    for finding in run.findings.order_by("pk"):
        findings_by_indicator.setdefault(finding.indicator, []).append(
            {
                "page_id": finding.page_id,
                "page_title": finding.page_title,
                "page_url": finding.page_url,
                "target": finding.target,
                "detail": finding.detail,
                "suggestion": finding.suggestion,
                "points": str(finding.points),
            }
        )
    indicators = []
    for indicator in Indicator:
        outcome = run.outcomes.get(indicator.value)
        if outcome is None:
            continue
        found = findings_by_indicator.get(indicator.value, [])
        indicators.append(
            {
                "indicator": indicator.value,
                "name": str(indicator.label),
                "outcome": outcome["outcome"],
                "outcome_label": str(Outcome(outcome["outcome"]).label),
                "summary": outcome["summary"],
                "count": run.counts.get(indicator.value, 0),
                "points": outcome["points"],
                "findings": found if findings_limit is None else found[:findings_limit],
            }
        )
    return {
        "run_id": run.pk,
        "agency": run.agency.name,
        "checked_on": run.checked_on.isoformat(),
        "verdict": run.verdict,
        "verdict_label": str(run.get_verdict_display()),
        "reasons": run.reasons,
        "score": None if run.score is None else str(run.score),
        "score_note": "参考分：扣分值未经权威文件确认，可在“网站健康检查设置”中调整。",
        "external_links_checked": run.external_links_checked,
        "indicators": indicators,
    }
