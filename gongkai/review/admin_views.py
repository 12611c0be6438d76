"""Back-office screens of the review: the reviewer's queue (待我审核) and an
item's machine pre-review report (机器预审)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.publishing.models import GovernmentInformationPage
from gongkai.review import selectors, services


def review_queue(request):
    entries = selectors.review_queue(user=request.user, today=timezone.localdate())
    return TemplateResponse(request, "review/review_queue.html", {"entries": entries})


def _editable_item(request, page_id: int) -> GovernmentInformationPage:
    item = get_object_or_404(GovernmentInformationPage, pk=page_id)
    if not item.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return item


def precheck_context(
    *, item: GovernmentInformationPage, version: GovernmentInformationPage | None = None
) -> dict:
    """The findings of ``version`` of the item (default: its latest), each
    with its context marked, the verdict, and whether one-click masking
    has work to do."""
    draft = version if version is not None else item.get_latest_revision_as_object()
    findings = services.precheck_findings(item=draft, check_external=False)
    texts = services.checked_texts(item=draft)
    return {
        "item": item,
        "rows": [
            {"finding": finding, "context": highlight_in_context(texts, finding)}
            for finding in findings
        ],
        "problem": services.precheck_problem(item=draft, findings=findings),
        "maskable": any(
            finding.is_error and finding.kind in services.MASKABLE_KINDS
            for finding in findings
        ),
    }


def precheck_report(request, page_id: int):
    """Every 机器预审 finding of the item's latest version, each shown in its
    surrounding text with the offending words marked."""
    item = _editable_item(request, page_id)
    return TemplateResponse(
        request, "review/precheck_report.html", precheck_context(item=item)
    )


def editor_findings(*, item, request) -> str:
    """The pre-review's findings at the top of the item's editor, with the
    offending words for the editor's script to mark; "" when none."""
    context = precheck_context(item=item, version=item)
    if not context["rows"]:
        return ""
    context["marks"] = [
        {"text": row["finding"].text} for row in context["rows"] if row["finding"].text
    ]
    return render_to_string("review/editor_findings.html", context, request=request)


@require_POST
def mask_personal_data(request, page_id: int):
    """一键脱敏: mask the blocking personal data of the item's latest version
    into a new draft, then show the pre-review again."""
    item = _editable_item(request, page_id)
    report = services.mask_personal_data(item=item, actor=request.user)
    if report.changed:
        messages.success(
            request,
            _("已脱敏并保存为新草稿：%(places)s。")
            % {"places": "、".join(report.masked)},
        )
    elif not report.not_maskable:
        messages.info(request, _("没有需要脱敏的个人信息。"))
    for location in report.not_maskable:
        messages.error(
            request,
            _("%(location)s无法自动脱敏（如PDF或扫描件），请上传脱敏后的文件替换。")
            % {"location": location},
        )
    return redirect("review_precheck_report", item.pk)


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
