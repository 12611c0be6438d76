"""The 任务分解表 (附件1) of the 2023 work plan: responsible units and due
rules parsed from the cells as written."""

import datetime as dt
from pathlib import Path

import pytest

from gongkai.demo.workplan import work_plan_tasks
from gongkai.supervision.due_rules import FIXED, RELATIVE, STANDING, parse_due_rule
from gongkai.supervision.units import parse_responsible_units

WORK_PLAN = Path(__file__).parents[2] / "demo" / "content" / "work-plan-2023.txt"


@pytest.mark.parametrize(
    ("cell", "lead", "implementing"),
    [
        ("财审科", ["财审科"], []),
        ("办公室牵头，文件起草科室具体落实", ["办公室"], ["文件起草科室"]),
        ("办公室、法规科、行政许可科", ["办公室", "法规科", "行政许可科"], []),
        (
            "法规科、办公室牵头，文件起草科室具体落实",
            ["法规科", "办公室"],
            ["文件起草科室"],
        ),
        (
            "政策法规科牵头，区政府重大行政决策承办单位、区政府行政规范性文件实施部门"
            "和行政规范性文件起草部门具体落实",
            ["政策法规科"],
            [
                "区政府重大行政决策承办单位",
                "区政府行政规范性文件实施部门",
                "行政规范性文件起草部门",
            ],
        ),
        ("", [], []),
    ],
)
def test_responsible_units(cell, lead, implementing):
    units = parse_responsible_units(cell)
    assert list(units.lead) == lead
    assert list(units.implementing) == implementing


@pytest.mark.parametrize(
    ("cell", "kind", "due_on", "event", "days"),
    [
        ("2023年10月底前对今年以来所发布政府信息全面规范", FIXED, dt.date(2023, 10, 31), "", 0),
        ("2023年12月底前完成", FIXED, dt.date(2023, 12, 31), "", 0),
        ("2024年2月底前", FIXED, dt.date(2024, 2, 29), "", 0),
        ("2023年6月30日前报送", FIXED, dt.date(2023, 6, 30), "", 0),
        ("信息形成或变更之日起20个工作日内公开", RELATIVE, None, "信息形成或变更", 20),
        ("决策文件出台后的10个工作日内", RELATIVE, None, "决策文件出台", 10),
        (
            "本方案发布之日起20个工作日内及时动态更新本单位主动公开基本目录",
            RELATIVE,
            None,
            "本方案发布",
            20,
        ),
        ("长期坚持", STANDING, None, "", 0),
        ("及时公开", STANDING, None, "", 0),
    ],
)  # fmt: skip
def test_due_rules(cell, kind, due_on, event, days):
    rule = parse_due_rule(cell)
    assert (rule.kind, rule.due_on, rule.event, rule.days) == (
        kind,
        due_on,
        event,
        days,
    )


def test_the_2023_task_table_parses_into_25_tasks_with_units_and_due_rules():
    tasks = work_plan_tasks(WORK_PLAN.read_text(encoding="utf-8"))
    assert [task["number"] for task in tasks] == list(range(1, 26))
    kinds = [parse_due_rule(task["deadline"]).kind for task in tasks]
    assert kinds.count(FIXED) == 4  # tasks 4, 6, 17, 18
    assert kinds.count(RELATIVE) == 4  # tasks 2, 3, 5, 16
    assert kinds.count(STANDING) == 17
    by_number = {task["number"]: task for task in tasks}
    units = parse_responsible_units(by_number[10]["responsible"])
    assert units.lead == ("办公室", "法规科")
    assert units.implementing == ("文件起草科室",)
    assert parse_due_rule(by_number[16]["deadline"]).event == "决策文件出台"
    # Merged cells carried down: every row has its task and requirement.
    assert all(task["task"] and task["focus"] for task in tasks)
