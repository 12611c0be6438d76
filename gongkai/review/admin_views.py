"""Back-office screens of the review: the reviewer's queue (待我审核) and an
item's machine pre-review report (机器预审)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html

from gongkai.publishing.models import GovernmentInformationPage
from gongkai.review import selectors, services


def review_queue(request):
    entries = selectors.review_queue(user=request.user, today=timezone.localdate())
    return TemplateResponse(request, "review/review_queue.html", {"entries": entries})


def precheck_report(request, page_id: int):
    """Every 机器预审 finding of the item's latest version, each shown in its
    surrounding text with the offending words marked."""
    item = get_object_or_404(GovernmentInformationPage, pk=page_id)
    if not item.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    draft = item.get_latest_revision_as_object()
    findings = services.precheck_findings(item=draft)
    texts = services.checked_texts(item=draft)
    rows = [
        {"finding": finding, "context": highlight_in_context(texts, finding)}
        for finding in findings
    ]
    return TemplateResponse(
        request,
        "review/precheck_report.html",
        {
            "item": item,
            "rows": rows,
            "problem": services.precheck_problem(item=draft, findings=findings),
        },
    )


CONTEXT_RADIUS = 30


def highlight_in_context(texts: dict[str, str], finding) -> str:
    """The finding's text marked inside the text it was found in."""
    source = texts.get(finding.location, "")
    start = finding.offset
    if not finding.text or source[start : start + len(finding.text)] != finding.text:
        start = source.find(finding.text) if finding.text else -1
    if start < 0:
        return format_html("<mark>{}</mark>", finding.text) if finding.text else ""
    end = start + len(finding.text)
    before = source[max(0, start - CONTEXT_RADIUS) : start]
    after = source[end : end + CONTEXT_RADIUS]
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if start > CONTEXT_RADIUS else "",
        before,
        finding.text,
        after,
        "…" if end + CONTEXT_RADIUS < len(source) else "",
    )
