"""Reads of the annual report: its figures (live while a draft, frozen once
sent to review), the document built from them, what section 一 is
pre-filled with, the departments' entered figures and the due reminder."""

import datetime as dt
from collections import Counter

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.accounts.models import Agency
from gongkai.reports import documents, figures
from gongkai.reports.choices import ReportStatus
from gongkai.reports.due import DueReminder, due_reminder
from gongkai.reports.models import (
    DEFAULT_TITLES,
    OVERVIEW_PARTS,
    AnnualDisclosureReport,
    EnteredFigure,
)

# domain-rules §2.1: section 六's official sub-items are UNCONFIRMED; the
# prompts are a setting (REPORT_SECTION6_PROMPTS) with these defaults.
DEFAULT_SECTION6_PROMPTS = (
    "（一）收取信息处理费情况：{fees}",
    "（二）年度政务公开工作要点落实情况：（请填写本年度政务公开工作要点的落实情况。）",
    "（三）人大代表建议和政协委员提案办理结果公开情况：（请填写。）",
)


# A pre-filled prompt still in the text means the section is not written.
PROMPT_MARK = "（请填写"


def section6_prompts() -> tuple[str, ...]:
    """``{fees}`` in a prompt is replaced by the fee sentence."""
    return tuple(
        getattr(settings, "REPORT_SECTION6_PROMPTS", None) or DEFAULT_SECTION6_PROMPTS
    )


def entered_figures(*, agency: Agency, year: int) -> QuerySet[EnteredFigure]:
    return EnteredFigure.objects.filter(agency=agency, year=year)


def visible_entered_figures(*, user) -> QuerySet[EnteredFigure]:
    """The office (and superusers) see every department's rows; another
    department only its own."""
    rows = EnteredFigure.objects.select_related("department", "agency")
    if user.is_superuser or user.is_in_office:
        return rows
    if user.department_id is None:
        return rows.none()
    return rows.filter(department_id=user.department_id)


def _work_plan(*, agency: Agency, year: int):
    from gongkai.supervision.models import WorkPlan

    return (
        WorkPlan.objects.filter(agency=agency, year__lte=year)
        .order_by("-year", "-issued_on")
        .first()
    )


def task_implementation(*, agency: Agency, year: int, today: dt.date | None = None):
    """The work plan's tasks with their state at the end of ``year`` (or
    today, if earlier): the implementation status the plan requires in the
    annual report. None when the agency has no plan."""
    from gongkai.supervision.selectors import measure_statuses, report_rows

    plan = _work_plan(agency=agency, year=year)
    if plan is None:
        return None
    today = min(today or timezone.localdate(), dt.date(year, 12, 31))
    rows = [
        {
            "序号": row["序号"],
            "工作要求": row["工作要求"]["具体要求"] or row["工作任务"],
            "责任单位": row["责任单位"],
            "时限要求": row["时限要求"],
            "状态": row["状态"],
        }
        for row in report_rows(plan=plan, today=today)
    ]
    return {
        "caption": f"附：{plan.title}任务落实情况",
        "rows": rows,
        "measures": [_measure_row(status) for status in
                     measure_statuses(plan=plan, today=today, year=year)],
    }  # fmt: skip


def _measure_row(status) -> dict:
    """A 保障措施 as a line of the task table: what the plan asks, and how
    often it was done in the year."""
    measure = status.measure
    if status.is_counted:
        done = f"{status.state_label}（{status.held}/{measure.times_per_year}次）"
        limit = f"每年至少{measure.times_per_year}次"
    else:
        done = status.state_label
        limit = "及时更新"
    return {
        "序号": "保障措施",
        "工作要求": f"{measure.get_kind_display()}：{measure.requirement}",
        "责任单位": "办公室",
        "时限要求": limit,
        "状态": done,
    }


def live_figures(*, agency: Agency, year: int) -> dict:
    """Tables 二, 三 and 四 computed from the data now, with table 二
    completed by the departments' entered figures, and the task table.
    Raises ``ReportCheckError`` when table 三's check rule fails."""
    from gongkai.applications.selectors import annual_report_figures

    data = annual_report_figures(agency=agency, year=year)
    table_2, missing = figures.complete_table_2(
        data[figures.TABLE_2],
        entered_figures(agency=agency, year=year).values(*EnteredFigure.FIGURE_FIELDS),
    )
    return {
        "年度": year,
        "机关": agency.name,
        figures.TABLE_2: table_2,
        figures.TABLE_3: data[figures.TABLE_3],
        figures.TABLE_4: data[figures.TABLE_4],
        figures.TASKS: task_implementation(agency=agency, year=year),
        "未填报": missing,
    }


def report_figures(report: AnnualDisclosureReport) -> dict:
    """The frozen figures once the report left the draft state, else live."""
    if report.status != ReportStatus.DRAFT and report.frozen_figures:
        return report.frozen_figures
    return live_figures(agency=report.agency, year=report.year)


def fee_total(data: dict) -> float:
    return data[figures.TABLE_2]["第二十条第（八）项"]["行政事业性收费"][
        figures.FEES_LABEL
    ]


def report_document(
    report: AnnualDisclosureReport, data: dict, *, signed_on: dt.date | None = None
) -> documents.ReportDocument:
    """The report in order: 一 with its five parts, the three tables under
    二–四, 五, 六 and the task table as its annex."""
    blocks: list = [documents.Heading(report.title_overview)]
    if report.overview_lead.strip():
        blocks.append(documents.Text(report.overview_lead))
    for name, label in OVERVIEW_PARTS.items():
        blocks.append(documents.Heading(label, level=2))
        blocks.append(documents.Text(getattr(report, name)))
    blocks += [
        documents.Heading(report.title_proactive),
        figures.table_2_grid(data[figures.TABLE_2]),
        documents.Heading(report.title_requests),
        figures.table_3_grid(data[figures.TABLE_3]),
        documents.Heading(report.title_appeals),
        figures.table_4_grid(data[figures.TABLE_4]),
        documents.Heading(report.title_problems),
        documents.Text(report.problems_text),
        documents.Heading(report.title_other),
        documents.Text(report.other_text),
    ]
    tasks = data.get(figures.TASKS)
    if tasks and tasks["rows"]:
        blocks.append(
            figures.tasks_grid(
                tasks["rows"] + tasks.get("measures", []), tasks["caption"]
            )
        )
    return documents.ReportDocument(
        title=report.title,
        agency_name=report.agency.name,
        signed_on=signed_on
        or (timezone.localdate(report.submitted_at) if report.submitted_at else None)
        or timezone.localdate(),
        blocks=blocks,
    )


def empty_sections(report: AnnualDisclosureReport) -> list[str]:
    """The sections staff must write before publication (条例 Art. 50:
    nothing left out)."""
    wanted = {
        **OVERVIEW_PARTS,
        "problems_text": report.title_problems,
        "other_text": report.title_other,
    }
    return [
        str(label)
        for name, label in wanted.items()
        if not getattr(report, name).strip() or PROMPT_MARK in getattr(report, name)
    ]


def overview_facts(*, agency: Agency, year: int, data: dict) -> dict[str, str]:
    """Section 一 pre-filled from the platform: items published in the year
    by column, interpretations, applications received and answered, and the
    work plan's task completion."""
    from wagtail.models import Page

    from gongkai.publishing.models import GovernmentInformationPage

    items = GovernmentInformationPage.objects.filter(
        agency=agency, first_published_at__year=year
    )
    # An item's column is its parent: the path one step (Page.steplen) up.
    paths = list(items.values_list("path", flat=True))
    titles = dict(
        Page.objects.filter(
            path__in={path[: -Page.steplen] for path in paths}
        ).values_list("path", "title")
    )
    by_column: Counter[str] = Counter(
        titles.get(path[: -Page.steplen], "") for path in paths
    )
    total = sum(by_column.values())
    interpretations = items.filter(interprets__isnull=False).count()
    columns = "，".join(f"{title}{count}条" for title, count in by_column.most_common())
    proactive = (
        f"{year}年，本机关在政府信息公开专栏主动公开政府信息{total}条"
        + (f"，其中{columns}" if columns else "")
        + f"；发布政策解读{interpretations}篇。"
    )
    table_3 = data[figures.TABLE_3]
    received = table_3["一、本年新收政府信息公开申请数量"]["总计"]
    carried = table_3["二、上年结转政府信息公开申请数量"]["总计"]
    answered = table_3["三、本年度办理结果"]["（七）总计"]["总计"]
    pending = table_3["四、结转下年度继续办理"]["总计"]
    on_request = (
        f"{year}年，本机关新收政府信息公开申请{received}件，上年结转{carried}件，"
        f"办结{answered}件，结转下年度继续办理{pending}件。"
    )
    tasks = data.get(figures.TASKS)
    management = (
        "（请填写政府信息管理情况：公开属性源头认定、保密审查、政策文件清理等。）"
    )
    if tasks and tasks["rows"]:
        states = Counter(row["状态"] for row in tasks["rows"])
        summary = "，".join(f"{state}{count}项" for state, count in states.items())
        management += (
            f"年度政务公开工作任务共{len(tasks['rows'])}项：{summary}（见附表）。"
        )
    return {
        "proactive_text": proactive,
        "on_request_text": on_request,
        "management_text": management,
        "platform_text": "（请填写政府网站信息公开专栏、政务新媒体等平台建设情况。）",
        "oversight_text": "（请填写工作考核、社会评议和责任追究结果等监督保障情况。）",
    }


def section_titles() -> dict[str, str]:
    """The titles a new draft starts with (四 and 五 are UNCONFIRMED,
    domain-rules §2.1): the defaults, overridden by REPORT_SECTION_TITLES."""
    overrides = getattr(settings, "REPORT_SECTION_TITLES", None) or {}
    return {
        **DEFAULT_TITLES,
        **{k: v for k, v in overrides.items() if k in DEFAULT_TITLES},
    }


def reminder_for(*, agency: Agency, today: dt.date | None = None) -> DueReminder | None:
    """The due reminder the office sees from 1 January until the previous
    year's report is published."""
    today = today or timezone.localdate()
    year = today.year - 1
    published = AnnualDisclosureReport.objects.filter(
        agency=agency, year=year, status=ReportStatus.PUBLISHED
    ).exists()
    return due_reminder(today=today, published=published)
