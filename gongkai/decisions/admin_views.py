"""The evaluation's actions: send to 三审, reopen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.core.errors import DomainError
from gongkai.decisions import selectors, services

CHANGE = "decisions.change_policyevaluation"


def _evaluation(request, pk: int):
    if not (request.user.is_superuser or request.user.has_perm(CHANGE)):
        raise PermissionDenied
    return get_object_or_404(selectors.visible_evaluations(request.user), pk=pk)


def _edit_url(evaluation) -> str:
    return reverse(
        "wagtailsnippets_decisions_policyevaluation:edit", args=[evaluation.pk]
    )


@require_POST
def submit_evaluation(request, pk: int):
    evaluation = _evaluation(request, pk)
    try:
        services.submit_evaluation(evaluation=evaluation, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("政策评价已送三审，终审通过后在门户网站发布。"))
    return redirect(_edit_url(evaluation))


@require_POST
def reopen_evaluation(request, pk: int):
    evaluation = _evaluation(request, pk)
    try:
        services.reopen_evaluation(evaluation=evaluation, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("政策评价已撤回为草稿。"))
    return redirect(_edit_url(evaluation))
