"""The land market's back-office actions: send a notice to 三审, take it
back, import parcels from a sheet, and the list of period deadlines."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gongkai.accounts.selectors import agency_of
from gongkai.core.errors import DomainError
from gongkai.core.files import uploaded_file
from gongkai.core.selectors import working_day_calendar
from gongkai.land_market import selectors, services
from gongkai.land_market.choices import NoticeKind
from gongkai.land_market.importing import import_land_market
from gongkai.land_market.models import LandMarketNotice

CHANGE = "land_market.change_transferannouncement"


def can_manage(user) -> bool:
    return user.is_superuser or user.has_perm(CHANGE)


def _edit_url(notice_or_subject) -> str:
    if isinstance(notice_or_subject, LandMarketNotice):
        notice_or_subject = notice_or_subject.plan or notice_or_subject.announcement
    name = type(notice_or_subject)._meta.model_name
    return reverse(
        f"wagtailsnippets_land_market_{name}:edit", args=[notice_or_subject.pk]
    )


@require_POST
def submit_notice(request, kind: str, pk: int):
    if not can_manage(request.user) or kind not in NoticeKind.values:
        raise PermissionDenied
    if kind == NoticeKind.SUPPLY_PLAN:
        subject = get_object_or_404(selectors.visible_plans(request.user), pk=pk)
        lookup = {"plan": subject}
    else:
        subject = get_object_or_404(
            selectors.visible_announcements(request.user), pk=pk
        )
        lookup = {"announcement": subject}
    try:
        services.submit_notice(kind=kind, actor=request.user, **lookup)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("“%(kind)s”已送三审，终审通过后在“自然资源市场交易”栏目发布。")
            % {"kind": NoticeKind(kind).label},
        )
    return redirect(_edit_url(subject))


@require_POST
def reopen_notice(request, pk: int):
    if not can_manage(request.user):
        raise PermissionDenied
    notice = get_object_or_404(LandMarketNotice, pk=pk)
    subject = notice.plan or notice.announcement
    visible = (
        selectors.visible_plans(request.user)
        if notice.plan_id
        else selectors.visible_announcements(request.user)
    )
    if not visible.filter(pk=subject.pk).exists():
        raise PermissionDenied
    try:
        services.reopen_notice(notice=notice, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已撤回为草稿。"))
    return redirect(_edit_url(subject))


class LandImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("宗地表格（.xlsx 或 .csv）"),
        help_text=gettext_lazy(
            "每行一宗地。必填列：公告编号、出让活动开始日期、宗地编号、位置、面积（平方米）、用途；"
            "格式见“导入说明”。CSV 可为 UTF-8 或 GBK 编码。"
        ),
    )
    dry_run = forms.BooleanField(label=gettext_lazy("只检查，不写入"), required=False)


def import_parcels(request):
    if not can_manage(request.user):
        raise PermissionDenied
    form = LandImportForm(request.POST or None, request.FILES or None)
    lines: list[str] = []
    agency = agency_of(request.user)
    if request.method == "POST" and form.is_valid() and agency is not None:
        with uploaded_file(form.cleaned_data["file"], stem="parcels") as path:
            try:
                report = import_land_market(
                    path=path,
                    agency=agency,
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except DomainError as error:
                lines = [str(error)]
                messages.error(request, str(error))
            else:
                lines = [str(line) for line in report.lines()]
                if report.rejected:
                    messages.warning(
                        request,
                        _("有 %(count)d 行被拒绝，请修改后重新导入；其余各行已处理。")
                        % {"count": report.rejected},
                    )
                else:
                    messages.success(request, _("宗地表格已导入。"))
    return TemplateResponse(
        request,
        "core/admin/import.html",
        {"form": form, "lines": lines, "title": _("导入宗地")},
    )


def deadlines(request):
    if not can_manage(request.user):
        raise PermissionDenied
    rows = selectors.land_deadlines(
        announcements=selectors.visible_announcements(request.user),
        today=timezone.localdate(),
        periods=selectors.land_periods(),
        calendar=working_day_calendar(),
    )
    return TemplateResponse(request, "land_market/admin/deadlines.html", {"rows": rows})
