"""Load the demo bureau (临淄区自然资源局): its agency record, departments,
column tree, staff accounts, the 2023 work plan and realistic demo items.

Loading twice changes nothing: every step finds what the previous run made.
"""

import json
import secrets
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from gongkai.accounts import services as account_services
from gongkai.accounts.models import Agency, Department, User
from gongkai.accounts.validators import credit_code_check_character
from gongkai.catalog.choices import Genre, Topic, Validity, choice_by_label
from gongkai.catalog.columns import OFFICE_DEPARTMENT, STANDARD_DEPARTMENTS
from gongkai.demo.decisions import load_demo_decisions
from gongkai.demo.natural_resources import load_demo_natural_resources
from gongkai.demo.reports import load_demo_report
from gongkai.demo.site_health import demo_health_check
from gongkai.demo.workplan import work_plan_html, work_plan_tasks
from gongkai.publishing import selectors as publishing_selectors
from gongkai.publishing import services as publishing_services
from gongkai.publishing.models import GovernmentInformationPage
from gongkai.review.choices import ReviewLevel
from gongkai.review.services import appoint_reviewer, setup_review_workflow

CONTENT_DIR = Path(__file__).resolve().parent / "content"
AGENCY_NAME = "临淄区自然资源局"
# A made-up but well-formed 统一社会信用代码 (check character computed).
CREDIT_CODE_BODY = "11370305MB2859317"
WORK_PLAN_COLUMN = "法定主动公开内容/政策文件/其他文件"

# username, department, display name, superuser
# username, department, display name, superuser, review levels (三审)
DEMO_ACCOUNTS: tuple[tuple[str, str, str, bool, tuple[str, ...]], ...] = (
    ("admin", "", "系统管理员", True, ()),
    ("office", "办公室", "办公室（政务公开统筹，复审）", False, (ReviewLevel.SECOND,)),
    ("leader", "办公室", "分管领导（终审）", False, (ReviewLevel.FINAL,)),
    ("legal", "法规科", "法规科编辑", False, ()),
    ("legal_head", "法规科", "法规科负责人（初审）", False, (ReviewLevel.FIRST,)),
    ("market", "自然资源利用科", "自然资源利用科编辑", False, ()),
    ("farmland", "耕保科", "耕保科编辑", False, ()),
    ("farmland_head", "耕保科", "耕保科负责人（初审）", False, (ReviewLevel.FIRST,)),
    ("mining", "矿产资源管理科", "矿产资源管理科编辑", False, ()),
    ("finance", "财审科", "财审科编辑", False, ()),
)


@dataclass
class DemoReport:
    agency: Agency
    items_created: int
    accounts_file: Path


def accounts_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-accounts.txt"


@transaction.atomic
def load_demo_bureau() -> DemoReport:
    agency = _agency()
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    home = publishing_services.create_portal(
        agency=agency,
        hostname=address.hostname or "127.0.0.1",
        port=address.port or (443 if address.scheme == "https" else 80),
    )
    columns = publishing_services.create_standard_columns(home=home)
    departments = _departments(agency=agency, columns=columns)
    setup_review_workflow(agency=agency, root_column=columns[""])
    call_command("load_check_lists", verbosity=0)
    _accounts(agency=agency, departments=departments)
    created = _work_plan(agency=agency, columns=columns, departments=departments)
    created += _items(agency=agency, columns=columns, departments=departments)
    _applications(agency=agency, departments=departments)
    load_demo_decisions(agency=agency, departments=departments, columns=columns)
    load_demo_natural_resources(agency=agency, departments=departments, columns=columns)
    _guide_and_catalogue(agency=agency)
    load_demo_report(agency=agency, departments=departments)
    demo_health_check(agency=agency)
    return DemoReport(
        agency=agency, items_created=created, accounts_file=accounts_file()
    )


def _guide_and_catalogue(*, agency: Agency) -> None:
    """The guide's first version and the catalogue's lines, without waiting
    for the publish events to be delivered after commit."""
    from gongkai.catalog import services as catalog_services

    catalog_services.refresh_guide(agency=agency)
    catalog_services.rebuild_catalogue(agency=agency)


def _agency() -> Agency:
    agency, _ = Agency.objects.get_or_create(
        name=AGENCY_NAME,
        defaults={
            "short_name": "临淄区自然资源局",
            "credit_code": CREDIT_CODE_BODY
            + credit_code_check_character(CREDIT_CODE_BODY),
            "document_code": "临自然资发",
            "address": "山东省淄博市临淄区桓公路（演示地址）",
            "postcode": "255400",
            "office_hours": "工作日 上午8:30—12:00，下午13:30—17:30（法定节假日除外）",
            "phone": "0533-7180000",
            "fax": "0533-7180001",
            "email": "zrzyj@example.gov.cn",
        },
    )
    return agency


def _departments(*, agency: Agency, columns) -> dict[str, Department]:
    departments = {}
    responsibilities = publishing_services.departments_of_columns()
    for name in STANDARD_DEPARTMENTS:
        department = account_services.create_department(
            agency=agency, name=name, is_office=name == OFFICE_DEPARTMENT
        )
        if department.columns.exists():
            departments[name] = department
            continue
        if department.is_office:
            # The office sees and edits every column.
            granted = [columns[""]]
        else:
            granted = [columns[path] for path in responsibilities.get(name, [])]
        account_services.set_department_columns(department=department, columns=granted)
        departments[name] = department
    return departments


def _accounts(*, agency: Agency, departments: dict[str, Department]) -> None:
    lines = []
    for username, department_name, display_name, is_superuser, levels in DEMO_ACCOUNTS:
        if User.objects.filter(username__iexact=username).exists():
            continue
        # No default passwords (SEC-AUTH-07): each demo install makes its own.
        password = secrets.token_urlsafe(12)
        user = User(
            username=username,
            last_name=display_name,
            is_superuser=is_superuser,
            is_staff=is_superuser,
        )
        user.set_password(password)
        user.save()
        if department_name:
            account_services.assign_user_to_department(
                user=user, department=departments[department_name]
            )
        for level in levels:
            appoint_reviewer(agency=agency, user=user, level=level)
        lines.append(f"{username}\t{password}\t{display_name}")
    if lines:
        path = accounts_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        header = "" if path.exists() else "用户名\t密码\t角色\n"
        with path.open("a", encoding="utf-8") as file:
            file.write(header + "\n".join(lines) + "\n")
        path.chmod(0o600)


def _work_plan(*, agency, columns, departments) -> int:
    text = (CONTENT_DIR / "work-plan-2023.txt").read_text(encoding="utf-8")
    title, body_html = work_plan_html(text)
    written_on = date(2023, 4, 20)
    existing = publishing_selectors.find_item_by_identity(
        agency=agency, document_number="", title=title, written_on=written_on
    )
    if existing:
        _supervision(agency=agency, text=text, title=title, document=existing)
        return 0
    item = publishing_services.publish_item(
        column=columns[WORK_PLAN_COLUMN],
        data=publishing_services.ItemData(
            title=title,
            written_on=written_on,
            publisher=agency.name,
            topic=Topic.GENERAL,
            genre=Genre.NOTICE,
            keywords="政务公开，工作方案，任务分解",
            summary="明确2023年全局政务公开工作目标任务、责任单位和时限要求，附重点工作任务分解表。",
            body_html=body_html,
            department=departments[OFFICE_DEPARTMENT],
            attachments=[
                publishing_services.AttachmentFile(
                    name="2023年政务公开重点工作任务分解表.xlsx",
                    data=_tasks_workbook(text),
                    title="附件1：2023年临淄区自然资源局政务公开重点工作任务分解表",
                )
            ],
        ),
        published_on=date(2023, 4, 25),
        actor=None,
    )
    _supervision(agency=agency, text=text, title=title, document=item)
    return 1


# 督办: tasks done on time, reported recently, or still owed.
DEMO_PROGRESS = (
    (4, date(2023, 10, 27), "已对今年以来发布的政府信息逐条规范元数据。", True),
    (5, date(2023, 5, 19), "已更新主动公开基本目录并在门户网站发布。", True),
    (6, date(2023, 10, 30), "已完成2016年以来政府文件的规范录入。", True),
    (17, date(2023, 12, 22), "已公开意见收集和采纳情况。", True),
    (19, date(2026, 11, 2), "本季度依申请公开全部按期答复。", False),
    (20, date(2026, 10, 9), "完成第三季度依申请转主动审查。", False),
    (24, date(2026, 9, 30), "三审记录完整，未发现漏审。", False),
)


# 保障措施 held: this year's training is still owed.
DEMO_MEASURE_RECORDS = (
    ("meeting", date(2023, 6, 16), "局党组会议专题研究政务公开工作"),
    ("training", date(2023, 9, 14), "全局政务公开业务培训"),
    ("meeting", date(2026, 3, 20), "局长办公会研究政务公开重点难点问题"),
    ("head_briefing", date(2026, 6, 12), "局长专题听取政务公开工作汇报"),
)


def _supervision(*, agency, text: str, title: str, document) -> None:
    """The work plan's 任务分解表 as 督办 tasks, with a few reports."""
    from gongkai.supervision import services as supervision_services

    plan = supervision_services.get_or_create_plan(
        agency=agency, title=title, year=2023, issued_on=date(2023, 4, 20),
        document=document,
    )  # fmt: skip
    if not plan.measures.exists():
        supervision_services.load_standing_measures(plan=plan, text=text)
        for kind, held_on, record_title in DEMO_MEASURE_RECORDS:
            supervision_services.record_measure(
                measure=plan.measures.get(kind=kind),
                held_on=held_on,
                title=record_title,
            )
    if plan.tasks.exists():
        return
    supervision_services.load_tasks(plan=plan, rows=work_plan_tasks(text))
    for number, reported_on, note, completes in DEMO_PROGRESS:
        task = plan.tasks.get(number=number)
        supervision_services.report_progress(
            task=task,
            department=task.departments.first(),
            reported_on=reported_on,
            note=note,
            evidence_item=document if completes else None,
            completes_task=completes,
        )


def _tasks_workbook(text: str) -> bytes:
    from openpyxl import Workbook

    from gongkai.demo.workplan import TASK_COLUMNS, TASK_KEYS

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分解表"
    sheet.append(list(TASK_COLUMNS))
    for task in work_plan_tasks(text):
        sheet.append([task[key] for key in TASK_KEYS])
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()


def _items(*, agency, columns, departments) -> int:
    records = json.loads((CONTENT_DIR / "items.json").read_text(encoding="utf-8"))
    created = 0
    # Documents first, so that every interpretation finds its document.
    for record in sorted(records, key=lambda record: bool(record["interprets"])):
        written_on = date.fromisoformat(record["written_on"])
        if publishing_selectors.find_item_by_identity(
            agency=agency,
            document_number=record["document_number"],
            title=record["title"],
            written_on=written_on,
        ):
            continue
        interprets = None
        if record["interprets"]:
            interprets = GovernmentInformationPage.objects.filter(
                agency=agency, title=record["interprets"]
            ).first()
        column = publishing_selectors.column_by_path(
            root=columns[""], column_path=record["column"]
        )
        publishing_services.publish_item(
            column=column,
            data=publishing_services.ItemData(
                title=record["title"],
                written_on=written_on,
                document_number=record["document_number"],
                publisher=record["publisher"],
                topic=choice_by_label(Topic, record["topic"]) or Topic.OTHER,
                genre=choice_by_label(Genre, record["genre"]) or Genre.OTHER,
                validity=choice_by_label(Validity, record["validity"])
                or Validity.VALID,
                validity_changed_on=date.fromisoformat(record["validity_changed_on"])
                if record["validity_changed_on"]
                else None,
                keywords=record["keywords"],
                summary=record["summary"],
                body_html=record["body_html"],
                department=departments.get(record["department"]),
                interprets=interprets,
            ),
            published_on=date.fromisoformat(record["published_on"]),
            actor=None,
        )
        created += 1
    return created


def _id_number(body: str) -> str:
    """A made-up resident ID number with a valid check character."""
    from gongkai.review.checks.personal_data import id_check_character

    return body + id_check_character(body)


def _applications(*, agency: Agency, departments: dict[str, Department]) -> None:
    """A year and a half of the bureau's applications ledger (台账), so that
    the ledger and the annual report's figures have something to show; and
    two open cases at work: one assigned, with a third party consulted, the
    other asking for the same information (a 依申请转主动 prompt)."""
    from gongkai.applications import services as application_services
    from gongkai.applications.ledger import import_ledger
    from gongkai.applications.models import Application, ConsultationKind

    report = import_ledger(path=CONTENT_DIR / "applications.csv", agency=agency)
    if report.errors:
        raise ValueError(report.lines())
    if Application.objects.filter(agency=agency, number="LZ-YSQ-2026-007").exists():
        return
    title = "凤凰镇2026年第1批次征地补偿安置方案及补偿协议"
    case = Application.objects.create(
        agency=agency,
        number="LZ-YSQ-2026-007",
        channel="post",
        received_on=date(2026, 11, 2),
        applicant_type="natural_person",
        applicant_name="陈某",
        id_type="居民身份证",
        id_number=_id_number("37030519750214331"),
        phone="13905331234",
        address="临淄区凤凰镇东召口村",
        info_title=title,
        description=f"申请公开{title}",
        provision_form="paper",
        obtain_way="post",
    )
    case.handling_departments.add(departments["耕保科"])
    consultation = application_services.start_consultation(
        application=case,
        kind=ConsultationKind.THIRD_PARTY,
        party="淄博某置业有限公司",
        subject="补偿协议中涉及贵公司的商业信息是否同意公开",
        sent_on=date(2026, 11, 4),
    )
    application_services.record_answer(
        consultation=consultation,
        answered_on=date(2026, 11, 13),
        answer="同意公开协议主要条款，不同意公开银行账户信息。",
    )
    application_services.prompt_proactive_review(case)
    second = Application.objects.create(
        agency=agency,
        number="LZ-YSQ-2026-008",
        channel="in_person",
        received_on=date(2026, 11, 23),
        applicant_type="natural_person",
        applicant_name="钱某",
        id_type="居民身份证",
        id_number=_id_number("37030519820305661"),
        phone="13705339876",
        description="凤凰镇2026年第1批次征地补偿安置方案",
        provision_form="electronic",
        obtain_way="email",
        email="qian@example.com",
    )
    application_services.refresh_deadline(second)
    application_services.prompt_proactive_review(second)
