"""The stages of a major decision's hub, and the classes of an evaluation."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StageKind(models.TextChoices):
    """What the hub links, in the order of the work plan (二、1): the seven
    every decision publishes, then the four published where applicable
    (视情公开)."""

    DRAFT = "draft", _("决策草案全文")
    EXPLANATION = "explanation", _("草案说明")
    BACKGROUND = "background", _("决策背景")
    CONSULTATION = "consultation", _("公众意见建议收集")
    ADOPTION = "adoption", _("意见采纳情况")
    ATTENDANCE = "attendance", _("公众代表列席决策会议情况")
    RESULT = "result", _("决策结果")
    RISK = "risk", _("风险评估")
    EXPERT = "expert", _("专家论证")
    LEGALITY = "legality", _("合法性审查")
    EVALUATION = "evaluation", _("效果评估")


STAGE_ORDER: tuple[str, ...] = tuple(StageKind.values)
REQUIRED_STAGES: frozenset[str] = frozenset(
    {
        StageKind.DRAFT,
        StageKind.EXPLANATION,
        StageKind.BACKGROUND,
        StageKind.CONSULTATION,
        StageKind.ADOPTION,
        StageKind.ATTENDANCE,
        StageKind.RESULT,
    }
)


class StageState(models.TextChoices):
    DONE = "done", _("已公开")
    PENDING = "pending", _("待公开")
    LATE = "late", _("已超过预计时间")


class EvaluationMethod(models.TextChoices):
    """The ways of evaluating named by the work plan (二、3)."""

    OPEN_DAY = "open_day", _("政府开放日")
    SURVEY = "survey", _("征集调查")
    SYMPOSIUM = "symposium", _("专题座谈")
    INTERVIEW = "interview", _("重点访谈")
    OPINION_MONITORING = "opinion_monitoring", _("舆情监测")
    ONLINE = "online", _("网络问政")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("审核中")
    PUBLISHED = "published", _("已发布")


# A published evaluation is a record of its time: a later one is a new
# evaluation, not a revision that would replace the live page.
EVALUATION_TRANSITIONS: dict[str, frozenset[str]] = {
    EvaluationStatus.DRAFT: frozenset({EvaluationStatus.IN_REVIEW}),
    EvaluationStatus.IN_REVIEW: frozenset(
        {EvaluationStatus.DRAFT, EvaluationStatus.PUBLISHED}
    ),
    EvaluationStatus.PUBLISHED: frozenset(),
}


def can_move(current: str, target: str) -> bool:
    return target in EVALUATION_TRANSITIONS.get(current, frozenset())
