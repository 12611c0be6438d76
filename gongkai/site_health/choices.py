"""The indicators of the health check, their outcomes and the verdict."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.TextChoices):
    """What the check looks at, after 国办秘函〔2019〕19号 (domain-rules §3.2)."""

    HOME_NOT_UPDATED = "home_not_updated", _("首页不更新")
    COLUMNS_NOT_UPDATED = "columns_not_updated", _("动态、通知公告、政策文件栏目不更新")
    COLUMNS_LONG_UNUPDATED = "columns_long_unupdated", _("栏目长期未更新")
    EMPTY_COLUMNS = "empty_columns", _("空白栏目")
    BROKEN_LINKS = "broken_links", _("不可用链接")
    MISSING_METADATA = "missing_metadata", _("元数据缺失")
    LATE_ITEMS = "late_items", _("超期发布的信息")
    OVERDUE_APPLICATIONS = "overdue_applications", _("依申请公开超期未答复")
    UNANSWERED_MESSAGES = "unanswered_messages", _("政务咨询留言超期未回复")
    ZOMBIE_COLUMNS = "zombie_columns", _("僵尸栏目")
    SLEEPING_TOPICS = "sleeping_topics", _("睡眠专题")


class Outcome(models.TextChoices):
    PASSED = "passed", _("通过")
    VETO = "veto", _("单项否决")
    DEDUCTED = "deducted", _("扣分")
    ADVISORY = "advisory", _("提示")
    NOT_APPLICABLE = "not_applicable", _("不适用")


class Verdict(models.TextChoices):
    PASSED = "passed", _("合格")
    FAILED = "failed", _("不合格")


class Trigger(models.TextChoices):
    DAILY = "daily", _("每日检查")
    ADMIN = "admin", _("后台立即检查")
    COMMAND = "command", _("命令行")
    DEMO = "demo", _("演示数据")
