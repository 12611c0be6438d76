"""The mining-right notices' actions: send to 三审, take back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.errors import DomainError
from gongkai.mining_rights import selectors, services
from gongkai.mining_rights.choices import MiningNoticeKind
from gongkai.mining_rights.models import MiningNotice

CHANGE = "mining_rights.change_miningrighttransfer"
KINDS = {
    "miningrighttransfer": (MiningNoticeKind.ANNOUNCEMENT, MiningNoticeKind.RESULT),
    "miningapproval": (MiningNoticeKind.APPROVAL,),
    "miningdisclosure": (MiningNoticeKind.DISCLOSURE,),
}
VISIBLE = {
    "miningrighttransfer": selectors.visible_transfers,
    "miningapproval": selectors.visible_approvals,
    "miningdisclosure": selectors.visible_disclosures,
}


def can_manage(user) -> bool:
    return user.is_superuser or user.has_perm(CHANGE)


def _edit_url(subject) -> str:
    return reverse(
        f"wagtailsnippets_mining_rights_{type(subject)._meta.model_name}:edit",
        args=[subject.pk],
    )


@require_POST
def submit_notice(request, model: str, kind: str, pk: int):
    if not can_manage(request.user):
        raise PermissionDenied
    if kind not in KINDS.get(model, ()):
        raise Http404
    subject = get_object_or_404(VISIBLE[model](request.user), pk=pk)
    try:
        services.submit_notice(kind=kind, subject=subject, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已送三审，终审通过后在“矿业权信息”栏目发布。"))
    return redirect(_edit_url(subject))


@require_POST
def reopen_notice(request, pk: int):
    if not can_manage(request.user):
        raise PermissionDenied
    notice = get_object_or_404(MiningNotice, pk=pk)
    subject = notice.subject
    if (
        not VISIBLE[type(subject)._meta.model_name](request.user)
        .filter(pk=subject.pk)
        .exists()
    ):
        raise PermissionDenied
    try:
        services.reopen_notice(notice=notice, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已撤回为草稿。"))
    return redirect(_edit_url(subject))
