"""Who may decide at a review level: pure rules, no database.

"重要信息做到多人审看、专人把关" (work plan, task 24): the three levels are
three different people, and nobody reviews what they wrote
("谁起草谁负责、谁审核谁负责").
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.review.choices import ReviewLevel


@dataclass(frozen=True)
class ReviewContext:
    level: str
    reviewer_id: int
    reviewer_department_id: int | None
    author_ids: frozenset[int]
    earlier_reviewer_ids: frozenset[int]
    drafting_department_id: int | None
    # 三同步, checked at 终审 only.
    requires_interpretation: bool = False
    has_reviewed_interpretation: bool = False
    # An interpretation whose document is already public comes late.
    is_late_interpretation: bool = False
    has_late_reason: bool = False
    # 机器预审, checked at 初审 and again at 终审.
    precheck_problem: str = ""


def refusal(context: ReviewContext) -> str:
    """Why the reviewer may not approve at this level, or "" when they may."""
    return reviewer_refusal(context) or approval_refusal(context)


def reviewer_refusal(context: ReviewContext) -> str:
    """Why this person may not decide at this level at all (neither approve
    nor send back), or ""."""
    if context.reviewer_id in context.author_ids:
        return _("不能审核自己起草或提交的信息。")
    if context.reviewer_id in context.earlier_reviewer_ids:
        return _("同一人不能承担两个审核层级，请由其他审核人审核。")
    if (
        context.level == ReviewLevel.FIRST
        and context.drafting_department_id is not None
        and context.reviewer_department_id != context.drafting_department_id
    ):
        return _("初审应由起草科室的负责人进行。")
    return ""


def approval_refusal(context: ReviewContext) -> str:
    """Why the content may not pass this level yet (it may still be sent
    back), or ""."""
    if context.precheck_problem and context.level in (
        ReviewLevel.FIRST,
        ReviewLevel.FINAL,
    ):
        return context.precheck_problem
    if (
        context.level == ReviewLevel.FINAL
        and context.requires_interpretation
        and not context.has_reviewed_interpretation
    ):
        return _(
            "政策文件不解读不运转：该文件须同步发布政策解读，"
            "请先关联一份已通过三审的政策解读。"
        )
    if (
        context.level == ReviewLevel.FINAL
        and context.is_late_interpretation
        and not context.has_late_reason
    ):
        return _("该解读晚于原文件发布，须先填写晚于原文件发布的理由。")
    return ""
