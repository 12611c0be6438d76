"""The department's screens of a consultation: publishing or withdrawing it,
moderating its comments (先审后发), grouping and answering them, sending the
adoption report to 三审; and the office's list of adoption deadlines."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.consultations import selectors, services
from gongkai.consultations.choices import CommentStatus, Verdict
from gongkai.consultations.models import AdoptionReport, CommentGroup
from gongkai.core.errors import DomainError

CHANGE = "consultations.change_consultation"


def can_manage(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(CHANGE))


def _consultation(request, pk: int):
    if not can_manage(request.user):
        raise PermissionDenied
    return get_object_or_404(selectors.visible_consultations(request.user), pk=pk)


def edit_url(consultation) -> str:
    return reverse(
        "wagtailsnippets_consultations_consultation:edit", args=[consultation.pk]
    )


def _run(request, action, success: str) -> bool:
    try:
        action()
    except DomainError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success)
    return True


@require_POST
def publish(request, pk: int):
    consultation = _consultation(request, pk)
    _run(
        request,
        lambda: services.publish_consultation(
            consultation=consultation, actor=request.user
        ),
        _("征求意见已发布，在征求意见期内接受公众意见。"),
    )
    return redirect(edit_url(consultation))


@require_POST
def withdraw(request, pk: int):
    consultation = _consultation(request, pk)
    _run(
        request,
        lambda: services.withdraw_consultation(
            consultation=consultation,
            reason=request.POST.get("reason", ""),
            actor=request.user,
        ),
        _("征求意见已撤回。"),
    )
    return redirect(edit_url(consultation))


def moderate(request, pk: int):
    consultation = _consultation(request, pk)
    if request.method == "POST":
        comment = get_object_or_404(
            consultation.comments, pk=request.POST.get("comment")
        )
        approve = request.POST.get("decision") == "approve"
        _run(
            request,
            lambda: services.moderate_comment(
                comment=comment,
                approve=approve,
                reason=request.POST.get("reason", ""),
                actor=request.user,
            ),
            _("意见已审核通过，在门户网站公开。")
            if approve
            else _("意见已标为不予通过。"),
        )
        return redirect(
            reverse("consultations_moderate", args=[consultation.pk])
            + f"?status={request.GET.get('status', '')}"
        )
    status = request.GET.get("status", "")
    counts = selectors.comment_counts(consultation=consultation)
    comments = selectors.moderation_queue(consultation=consultation)
    if status in CommentStatus.values:
        comments = comments.filter(status=status)
    return TemplateResponse(
        request,
        "consultations/admin/moderate.html",
        {
            "consultation": consultation,
            "comments": comments,
            "statuses": [
                (value, label, counts[value]) for value, label in CommentStatus.choices
            ],
            "status": status,
            "edit_url": edit_url(consultation),
        },
    )


def adoption(request, pk: int):
    consultation = _consultation(request, pk)
    url = reverse("consultations_adoption", args=[consultation.pk])
    if request.method == "POST":
        _adoption_action(request, consultation)
        return redirect(url)
    report = AdoptionReport.objects.filter(consultation=consultation).first()
    groups = list(selectors.groups_with_counts(consultation=consultation))
    members = {group.pk: [] for group in groups}
    for comment in consultation.comments.filter(
        status=CommentStatus.APPROVED, group__isnull=False
    ):
        members[comment.group_id].append(comment)
    return TemplateResponse(
        request,
        "consultations/admin/adoption.html",
        {
            "consultation": consultation,
            "report": report,
            "groups": [(group, members[group.pk]) for group in groups],
            "loose": consultation.comments.filter(
                status=CommentStatus.APPROVED, group__isnull=True
            ).count(),
            "verdicts": Verdict.choices,
            "problems": services.adoption_problems(consultation),
            "countdown": selectors.adoption_countdown(consultation=consultation),
            "editable": report is None or report.status == "draft",
            "edit_url": edit_url(consultation),
        },
    )


def _adoption_action(request, consultation) -> None:
    action = request.POST.get("action")
    user = request.user
    if action == "group":
        _run(
            request,
            lambda: services.group_comments(consultation=consultation, actor=user),
            _("已按相似度归类意见。"),
        )
    elif action == "answer":
        group = get_object_or_404(
            CommentGroup, consultation=consultation, pk=request.POST.get("group")
        )
        _run(
            request,
            lambda: services.answer_group(
                group=group,
                label=request.POST.get("label", ""),
                verdict=request.POST.get("verdict", ""),
                reason=request.POST.get("reason", ""),
                actor=user,
            ),
            _("已保存“%(label)s”的采纳情况。") % {"label": group.label[:20]},
        )
    elif action == "move":
        comment = get_object_or_404(
            consultation.comments, pk=request.POST.get("comment")
        )
        target = request.POST.get("target", "")
        group = (
            get_object_or_404(CommentGroup, consultation=consultation, pk=target)
            if target.isdigit()
            else None
        )
        _run(
            request,
            lambda: services.move_comment(comment=comment, group=group, actor=user),
            _("意见已调整归类。"),
        )
    elif action == "submit":
        _run(
            request,
            lambda: services.submit_adoption_report(
                consultation=consultation,
                introduction=request.POST.get("introduction", ""),
                actor=user,
            ),
            _(
                "意见采纳情况已送三审，终审通过后在“重大行政决策”栏目发布，并链接到决策事项。"
            ),
        )
    elif action == "reopen":
        report = get_object_or_404(AdoptionReport, consultation=consultation)
        _run(
            request,
            lambda: services.reopen_adoption_report(report=report, actor=user),
            _("意见采纳情况已撤回为草稿。"),
        )
    else:
        messages.error(request, _("未知的操作。"))


def deadlines(request):
    if not can_manage(request.user):
        raise PermissionDenied
    rows = selectors.adoption_countdowns(
        consultations=selectors.visible_consultations(request.user)
    )
    return TemplateResponse(
        request, "consultations/admin/deadlines.html", {"rows": rows}
    )
