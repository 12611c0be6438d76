"""Back-office screens of proactive disclosure: publication timeliness
(发布时效, 条例 Art. 26; exportable) and withdrawal (撤稿) with a reason."""

import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts.selectors import agency_of, can_read_audit_log
from gongkai.core.errors import DomainError
from gongkai.publishing import selectors, services
from gongkai.publishing.models import GovernmentInformationPage

STATUS_LABELS = {
    "overdue": _("已超期未发布"),
    "due_soon": _("即将到期"),
    "pending": _("未到期"),
    "late": _("超期发布"),
    "on_time": _("按时发布"),
}


def timeliness_report(request):
    agency = agency_of(request.user)
    today = timezone.localdate()
    rows = (
        selectors.publication_timeliness(agency=agency, today=today) if agency else []
    )
    department_id = request.GET.get("department")
    if not can_read_audit_log(request.user):
        # A department sees its own items; the office sees everyone's.
        department_id = str(request.user.department_id or "")
    if department_id:
        rows = [row for row in rows if str(row.item.department_id) == department_id]
    if request.GET.get("export") == "csv":
        return _csv(rows)
    late = (
        selectors.late_interpretations(
            agency=agency, limit=settings.INTERPRETATION_MAX_DELAY_WORKING_DAYS
        )
        if agency
        else []
    )
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for row in rows:
        counts[row.status] += 1
    return TemplateResponse(
        request,
        "publishing/admin/timeliness_report.html",
        {
            "rows": [(row, STATUS_LABELS[row.status]) for row in rows],
            "counts": [
                (STATUS_LABELS[status], count) for status, count in counts.items()
            ],
            "today": today,
            "late_interpretations": late,
            "departments": agency.departments.all()
            if agency and can_read_audit_log(request.user)
            else [],
            "department_id": department_id or "",
            "interpretation_limit": settings.INTERPRETATION_MAX_DELAY_WORKING_DAYS,
        },
    )


def _csv(rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        'attachment; filename="publication-timeliness.csv"'
    )
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [
            _("标题"),
            _("起草科室"),
            _("形成或变更日期"),
            _("应发布日期"),
            _("发布日期"),
            _("状态"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.item.title,
                row.item.department.name if row.item.department else "",
                row.item.formed_on.isoformat(),
                row.due_on.isoformat() + ("（暂定）" if row.provisional else ""),
                row.item.published_on.isoformat() if row.item.published_on else "",
                STATUS_LABELS[row.status],
            ]
        )
    return response


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("撤稿理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_("理由将记入审计日志，信息及其历史版本不会被删除。"),
    )


def withdraw_item(request, page_id: int):
    item = get_object_or_404(GovernmentInformationPage, pk=page_id)
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_item(
                item=item, reason=form.cleaned_data["reason"], actor=request.user
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已撤稿：%(title)s") % {"title": item.title})
            return redirect("wagtailadmin_explore", item.get_parent().pk)
    return TemplateResponse(
        request, "publishing/admin/withdraw_item.html", {"item": item, "form": form}
    )


def draft_interpretation(request, page_id: int):
    """起草政策解读: open the item's interpretation, or (on confirmation)
    create a linked draft of one in the interpretation column."""
    item = get_object_or_404(GovernmentInformationPage, pk=page_id)
    if not item.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    existing = item.interpretations.order_by("pk").first()
    if existing is not None:
        return redirect("wagtailadmin_pages:edit", existing.pk)
    if request.method == "POST":
        try:
            interpretation = services.draft_interpretation(
                item=item, actor=request.user
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已新建解读草稿，请填写解读内容后提交审核。"))
            return redirect("wagtailadmin_pages:edit", interpretation.pk)
    return TemplateResponse(
        request, "publishing/admin/draft_interpretation.html", {"item": item}
    )
