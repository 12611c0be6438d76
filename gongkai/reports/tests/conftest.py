"""An office with a user, a second department, the 三审 workflow on the
column tree, and a small applications ledger imported through the real
importer."""

import pytest

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.applications import ledger
from gongkai.review import services as review_services

LEDGER = """申请编号,收到日期,申请方式,申请人类型,申请人姓名或名称,申请内容,答复日期,办理结果
T-2025-009,2025-12-15,当面,科研机构,某研究院,某片区控制性详细规划,2026-01-09,予以公开
T-2026-001,2026-03-10,当面,自然人,王某某,凤凰镇征收土地方案,2026-03-27,予以公开
T-2026-002,2026-05-19,邮寄,自然人,刘某,本人承包地补偿登记材料,2026-06-13,部分公开
T-2026-003,2026-09-26,网络,商业企业,淄博某置业有限公司,某宗地出让合同,2026-10-30,予以公开
T-2026-004,2026-12-20,电子邮件,法律服务机构,山东某律师事务所,某项目征收批复,,
"""


@pytest.fixture
def office(agency, columns):
    department = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    account_services.set_department_columns(
        department=department, columns=[columns[""]]
    )
    review_services.setup_review_workflow(agency=agency, root_column=columns[""])
    user = User.objects.create_user(
        "office", password="a-long-password-1", email="office@example.com"
    )
    account_services.assign_user_to_department(user=user, department=department)
    return user


@pytest.fixture
def planning(agency):
    department = account_services.create_department(agency=agency, name="规划科")
    user = User.objects.create_user("planner", password="a-long-password-1")
    account_services.assign_user_to_department(user=user, department=department)
    return user


@pytest.fixture
def imported_ledger(agency, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_text(LEDGER, encoding="utf-8")
    report = ledger.import_ledger(path=path, agency=agency)
    assert report.rejected == 0, report.lines()
    return report


def fill_sections(report):
    for name in (
        "proactive_text", "on_request_text", "management_text", "platform_text",
        "oversight_text", "problems_text", "other_text",
    ):  # fmt: skip
        setattr(report, name, f"{name} 已填写。")
    report.save()
    return report
