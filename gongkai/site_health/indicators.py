"""The rules of the health check: plain facts about the portal in, findings
per indicator and the verdict out. No database here.

国办秘函〔2019〕19号 (domain-rules §3.1–3.2): any single-veto (单项否决) item
makes the site 不合格 and nothing else is scored; otherwise deductions come
off 100 points and below the pass mark (60) is 不合格. The deduction values
are UNCONFIRMED (§3.2), so the score is a reference score from editable
values, and every hit is listed whatever its value.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from gongkai.catalog.columns import FREQUENT_KINDS, ColumnKind
from gongkai.site_health.choices import Indicator, Outcome

FULL_SCORE = Decimal(100)


@dataclass(frozen=True)
class Thresholds:
    home_stale_days: int = 14
    stale_frequent_columns_veto: int = 5
    long_unupdated_columns_veto: int = 10
    empty_columns_veto: int = 5
    message_reply_days: int = 90
    zombie_min_days: int = 365
    zombie_cycle_multiple: int = 3
    topic_sleep_days: int = 180
    pass_score: int = 60
    points_home_broken_link: Decimal = Decimal(1)
    points_broken_link: Decimal = Decimal("0.1")
    points_stale_column: Decimal = Decimal(1)
    points_empty_column: Decimal = Decimal(1)
    points_missing_metadata: Decimal = Decimal("0.1")
    points_late_item: Decimal = Decimal("0.5")
    points_overdue_application: Decimal = Decimal(2)


@dataclass(frozen=True)
class ColumnFacts:
    page_id: int
    title: str
    url: str
    kind: str
    cycle_days: int
    # The newest publication in the column or below; None: never any.
    last_update_on: date | None
    created_on: date
    # Columns with sub-columns are not blank themselves: their children are.
    is_leaf: bool
    parent_id: int | None = None
    # A column of the standard tree (国办公开办函〔2019〕61号, 条例 Art.
    # 20): required by law, so it is updated, never merged away or closed.
    is_statutory: bool = False


@dataclass(frozen=True)
class BrokenLink:
    page_id: int
    page_title: str
    page_url: str
    target: str
    reason: str
    on_home: bool = False


@dataclass(frozen=True)
class ItemProblem:
    """An item lacking metadata, published late, or an overdue case."""

    page_id: int | None
    title: str
    url: str
    detail: str


@dataclass(frozen=True)
class MessageFacts:
    """What a 政务咨询 channel contributes: its name and the valid messages
    left unanswered, with the day each arrived."""

    channel: str
    unanswered: Sequence[tuple[str, date]] = ()


@dataclass(frozen=True)
class SiteFacts:
    today: date
    home_page_id: int | None
    home_title: str
    home_last_update_on: date | None
    columns: Sequence[ColumnFacts] = ()
    broken_links: Sequence[BrokenLink] = ()
    # None: links were not checked in this run.
    links_checked: int | None = 0
    missing_metadata: Sequence[ItemProblem] = ()
    required_metadata: Sequence[str] = ()
    late_items: Sequence[ItemProblem] = ()
    overdue_applications: Sequence[ItemProblem] = ()
    # Empty: no channel contributes messages (no 政务咨询 on this platform).
    message_channels: Sequence[MessageFacts] = ()


@dataclass(frozen=True)
class Finding:
    indicator: str
    outcome: str
    page_id: int | None = None
    page_title: str = ""
    page_url: str = ""
    target: str = ""
    detail: str = ""
    suggestion: str = ""
    points: Decimal = Decimal(0)


@dataclass(frozen=True)
class IndicatorResult:
    indicator: str
    outcome: str
    count: int
    summary: str
    findings: tuple[Finding, ...] = ()

    @property
    def points(self) -> Decimal:
        return sum((finding.points for finding in self.findings), Decimal(0))


@dataclass(frozen=True)
class Assessment:
    passed: bool
    reasons: tuple[str, ...]
    # None when a veto applies (§3.1: nothing else is scored).
    score: Decimal | None
    results: tuple[IndicatorResult, ...] = field(default_factory=tuple)

    def result(self, indicator: str) -> IndicatorResult:
        return next(r for r in self.results if r.indicator == indicator)


def days_since(last: date | None, today: date) -> int | None:
    return None if last is None else (today - last).days


def is_stale(column: ColumnFacts, today: date) -> bool:
    """Not updated within its cycle. Only columns without sub-columns count:
    a parent is as fresh as its newest child, and counting both would count
    one stale column twice. A column that never had an item is blank (空白
    栏目), counted there and not again here."""
    age = days_since(column.last_update_on, today)
    return column.is_leaf and age is not None and age > column.cycle_days


def _column_finding(indicator, outcome, column, today, points=Decimal(0), **extra):
    age = days_since(column.last_update_on, today)
    if age is None:
        detail = _("从未发布信息")
    else:
        detail = _("最近更新于%(day)s，已%(days)s天未更新（更新周期%(cycle)s天）") % {
            "day": column.last_update_on.isoformat(),
            "days": age,
            "cycle": column.cycle_days,
        }
    return Finding(
        indicator=indicator,
        outcome=outcome,
        page_id=column.page_id,
        page_title=column.title,
        page_url=column.url,
        detail=detail,
        points=points,
        **extra,
    )


def home_not_updated(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """§3.2 item 3: no update on the home page within 2 weeks is a veto. The
    home lists the latest items, so its last update is the newest
    publication anywhere below it."""
    age = days_since(facts.home_last_update_on, facts.today)
    if age is not None and age <= limits.home_stale_days:
        return IndicatorResult(
            Indicator.HOME_NOT_UPDATED,
            Outcome.PASSED,
            0,
            _("首页最近更新于%(day)s。") % {"day": facts.home_last_update_on},
        )
    if age is None:
        detail = _("首页从未更新")
    else:
        detail = _("首页最近更新于%(day)s，已%(days)s天未更新（限%(limit)s天）") % {
            "day": facts.home_last_update_on.isoformat(),
            "days": age,
            "limit": limits.home_stale_days,
        }
    finding = Finding(
        Indicator.HOME_NOT_UPDATED,
        Outcome.VETO,
        page_id=facts.home_page_id,
        page_title=facts.home_title,
        page_url="/",
        detail=detail,
    )
    return IndicatorResult(
        Indicator.HOME_NOT_UPDATED, Outcome.VETO, 1, detail + "。", (finding,)
    )


def _counted_columns(
    indicator: str,
    columns: list[ColumnFacts],
    veto_at: int,
    points: Decimal,
    today: date,
    noun: str,
) -> IndicatorResult:
    vetoed = len(columns) >= veto_at
    if not columns:
        outcome = Outcome.PASSED
    else:
        outcome = Outcome.VETO if vetoed else Outcome.DEDUCTED
    findings = tuple(
        _column_finding(
            indicator, outcome, column, today, Decimal(0) if vetoed else points
        )
        for column in columns
    )
    summary = _("%(noun)s%(count)s个（达到%(limit)s个即单项否决）。") % {
        "noun": noun,
        "count": len(columns),
        "limit": veto_at,
    }
    return IndicatorResult(indicator, outcome, len(columns), summary, findings)


def columns_not_updated(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """§3.2 item 4, first clause: 动态/要闻 columns not updated within 2
    weeks and 通知公告/政策文件 columns not updated within 6 months, together
    ≥5, is a veto. Each column's own cycle stands for its kind's limit; all
    columns of those kinds count, not only first-level ones (stricter than
    the indicator text)."""
    stale = [
        column
        for column in facts.columns
        if column.kind in FREQUENT_KINDS and is_stale(column, facts.today)
    ]
    return _counted_columns(
        Indicator.COLUMNS_NOT_UPDATED,
        stale,
        limits.stale_frequent_columns_veto,
        limits.points_stale_column,
        facts.today,
        _("超过更新周期未更新的动态、通知公告、政策文件类栏目"),
    )


def columns_long_unupdated(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """§3.2 item 4, second clause: ≥10 columns that should be updated and are
    not, measured against each column's cycle. The deduction is taken once,
    under the first clause, for the kinds counted there."""
    stale = [column for column in facts.columns if is_stale(column, facts.today)]
    result = _counted_columns(
        Indicator.COLUMNS_LONG_UNUPDATED,
        stale,
        limits.long_unupdated_columns_veto,
        limits.points_stale_column,
        facts.today,
        _("超过更新周期未更新的栏目"),
    )
    if result.outcome == Outcome.DEDUCTED:
        findings = tuple(
            finding
            if next(c for c in stale if c.page_id == finding.page_id).kind
            not in FREQUENT_KINDS
            else Finding(**{**finding.__dict__, "points": Decimal(0)})
            for finding in result.findings
        )
        result = IndicatorResult(
            result.indicator, result.outcome, result.count, result.summary, findings
        )
    return result


def empty_columns(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """§3.2 item 4, third clause: ≥5 blank columns (空白栏目) is a veto. A
    column is blank when it has no sub-columns and never published an item
    that is still public."""
    blank = [
        column
        for column in facts.columns
        if column.is_leaf and column.last_update_on is None
    ]
    return _counted_columns(
        Indicator.EMPTY_COLUMNS,
        blank,
        limits.empty_columns_veto,
        limits.points_empty_column,
        facts.today,
        _("空白栏目"),
    )


def broken_links(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """不可用链接: every hit listed with its page. The deduction values are
    UNCONFIRMED (§3.2: "default zero tolerance"); home-page links and others
    are counted apart."""
    if facts.links_checked is None:
        return IndicatorResult(
            Indicator.BROKEN_LINKS, Outcome.NOT_APPLICABLE, 0, _("本次未检查链接。")
        )
    findings = tuple(
        Finding(
            Indicator.BROKEN_LINKS,
            Outcome.DEDUCTED,
            page_id=link.page_id,
            page_title=link.page_title,
            page_url=link.page_url,
            target=link.target,
            detail=link.reason,
            points=limits.points_home_broken_link
            if link.on_home
            else limits.points_broken_link,
        )
        for link in facts.broken_links
    )
    on_home = sum(1 for link in facts.broken_links if link.on_home)
    summary = _(
        "检查链接%(checked)s个，不可用%(count)s个（首页%(home)s个，其他页面%(other)s个）。"
    ) % {
        "checked": facts.links_checked,
        "count": len(findings),
        "home": on_home,
        "other": len(findings) - on_home,
    }
    outcome = Outcome.DEDUCTED if findings else Outcome.PASSED
    return IndicatorResult(
        Indicator.BROKEN_LINKS, outcome, len(findings), summary, findings
    )


def _item_problems(
    indicator: str, problems: Sequence[ItemProblem], points: Decimal, summary: str
) -> IndicatorResult:
    findings = tuple(
        Finding(
            indicator,
            Outcome.DEDUCTED,
            page_id=problem.page_id,
            page_title=problem.title,
            page_url=problem.url,
            detail=problem.detail,
            points=points,
        )
        for problem in problems
    )
    outcome = Outcome.DEDUCTED if findings else Outcome.PASSED
    return IndicatorResult(indicator, outcome, len(findings), summary, findings)


def missing_metadata(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """Items lacking a required element of domain-rules §3.5."""
    return _item_problems(
        Indicator.MISSING_METADATA,
        facts.missing_metadata,
        limits.points_missing_metadata,
        _("必填元数据（%(fields)s）缺失的信息%(count)s条。")
        % {
            "fields": "、".join(facts.required_metadata),
            "count": len(facts.missing_metadata),
        },
    )


def late_items(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """条例 Art. 26: published later than 20 working days after formation."""
    return _item_problems(
        Indicator.LATE_ITEMS,
        facts.late_items,
        limits.points_late_item,
        _("自形成或变更之日起超过20个工作日才发布的信息%(count)s条。")
        % {"count": len(facts.late_items)},
    )


def overdue_applications(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """条例 Art. 33: applications not answered within their period."""
    return _item_problems(
        Indicator.OVERDUE_APPLICATIONS,
        facts.overdue_applications,
        limits.points_overdue_application,
        _("超过答复期限仍未答复的政府信息公开申请%(count)s件。")
        % {"count": len(facts.overdue_applications)},
    )


def unanswered_messages(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """§3.2 item 5: a valid 政务咨询 message unanswered for more than 3 months
    within the past year is a veto. The platform has no 政务咨询 channel yet;
    channels contribute their messages through ``gongkai.site_health.
    registry``. The other half of item 5, "no effective online consultation
    channel", is not judged here: the /apply/ form is for 依申请公开, which
    is not 政务咨询, so it does not count as one; the channel may live on
    another site of the agency, which this check cannot see."""
    if not facts.message_channels:
        return IndicatorResult(
            Indicator.UNANSWERED_MESSAGES,
            Outcome.NOT_APPLICABLE,
            0,
            _(
                "不适用：本平台尚无政务咨询栏目（依申请公开不属于在线咨询渠道）。"
                "“无有效在线咨询渠道”一项须另行核实。"
            ),
        )
    year_ago = facts.today.toordinal() - 365
    findings = tuple(
        Finding(
            Indicator.UNANSWERED_MESSAGES,
            Outcome.VETO,
            page_title=channel.channel,
            target=subject,
            detail=_("%(day)s收到，已%(days)s天未回复")
            % {
                "day": received_on.isoformat(),
                "days": (facts.today - received_on).days,
            },
        )
        for channel in facts.message_channels
        for subject, received_on in channel.unanswered
        if (facts.today - received_on).days > limits.message_reply_days
        and received_on.toordinal() >= year_ago
    )
    outcome = Outcome.VETO if findings else Outcome.PASSED
    summary = _("超过%(days)s天未回复的有效留言%(count)s条。") % {
        "days": limits.message_reply_days,
        "count": len(findings),
    }
    return IndicatorResult(
        Indicator.UNANSWERED_MESSAGES, outcome, len(findings), summary, findings
    )


def zombie_columns(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """僵尸栏目: nothing new for a long time (at least ``zombie_min_days`` and
    a multiple of the cycle), or blank since created that long ago.《政府网站
    发展指引》: columns that cannot be kept up should be merged or closed.
    Topics (专题) are listed as sleeping topics instead."""
    findings = []
    for column in facts.columns:
        if column.kind == ColumnKind.TOPIC or not column.is_leaf:
            continue
        limit = max(
            limits.zombie_min_days, column.cycle_days * limits.zombie_cycle_multiple
        )
        since = column.last_update_on or column.created_on
        if (facts.today - since).days <= limit:
            continue
        findings.append(
            _column_finding(
                Indicator.ZOMBIE_COLUMNS,
                Outcome.ADVISORY,
                column,
                facts.today,
                suggestion=_suggestion(column, facts),
            )
        )
    return IndicatorResult(
        Indicator.ZOMBIE_COLUMNS,
        Outcome.ADVISORY if findings else Outcome.PASSED,
        len(findings),
        _("长期无新信息的栏目%(count)s个，建议合并或关闭。") % {"count": len(findings)},
        tuple(findings),
    )


def sleeping_topics(facts: SiteFacts, limits: Thresholds) -> IndicatorResult:
    """睡眠专题: a 专题 column with nothing new for ``topic_sleep_days``."""
    findings = tuple(
        _column_finding(
            Indicator.SLEEPING_TOPICS,
            Outcome.ADVISORY,
            column,
            facts.today,
            suggestion=_("关闭（专题已结束，信息转入相关栏目）"),
        )
        for column in facts.columns
        if column.kind == ColumnKind.TOPIC
        and (facts.today - (column.last_update_on or column.created_on)).days
        > limits.topic_sleep_days
    )
    return IndicatorResult(
        Indicator.SLEEPING_TOPICS,
        Outcome.ADVISORY if findings else Outcome.PASSED,
        len(findings),
        _("长期无新信息的专题%(count)s个。") % {"count": len(findings)},
        findings,
    )


def _suggestion(column: ColumnFacts, facts: SiteFacts) -> str:
    """For a statutory column, update it; otherwise merge into a live
    sibling of the same kind when there is one, else close (its items stay
    reachable under a successor)."""
    if column.is_statutory:
        return _("法定栏目，不宜关闭：请补充更新")
    for other in facts.columns:
        if (
            other.page_id != column.page_id
            and other.parent_id == column.parent_id
            and other.kind == column.kind
            and other.is_leaf
            and not is_stale(other, facts.today)
            and other.last_update_on is not None
        ):
            return _("合并到“%(title)s”") % {"title": other.title}
    return _("关闭（信息移入上级或相近栏目）")


RULES = (
    home_not_updated,
    columns_not_updated,
    columns_long_unupdated,
    empty_columns,
    unanswered_messages,
    broken_links,
    missing_metadata,
    late_items,
    overdue_applications,
    zombie_columns,
    sleeping_topics,
)


def assess(facts: SiteFacts, limits: Thresholds) -> Assessment:
    """The verdict: 不合格 with the reasons when a veto applies (then no
    score) or the reference score is under the pass mark; otherwise 合格."""
    results = tuple(rule(facts, limits) for rule in RULES)
    vetoes = [result for result in results if result.outcome == Outcome.VETO]
    if vetoes:
        reasons = tuple(
            _("单项否决：%(indicator)s——%(summary)s")
            % {
                "indicator": Indicator(result.indicator).label,
                "summary": result.summary,
            }
            for result in vetoes
        )
        return Assessment(False, reasons, None, results)
    deducted = sum((result.points for result in results), Decimal(0))
    score = max(Decimal(0), FULL_SCORE - deducted).quantize(Decimal("0.01"))
    if score < limits.pass_score:
        reasons = (
            _("参考分%(score)s低于%(limit)s分。")
            % {"score": score, "limit": limits.pass_score},
        )
        return Assessment(False, reasons, score, results)
    return Assessment(True, (), score, results)
