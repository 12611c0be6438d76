"""Tests for the 2023 work-plan parser (plain pytest, no Django)."""

import pathlib
import re
from html.parser import HTMLParser

import pytest

from gongkai.demo.workplan import TASK_COLUMNS, work_plan_html, work_plan_tasks

PLAN_PATH = (
    pathlib.Path(__file__).resolve().parent.parent / "content" / "work-plan-2023.txt"
)

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRS = {"colspan", "rowspan", "scope"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.stack.append(tag)
        if tag in {"h2", "h3", "caption", "th", "td"}:
            self._buffer = []

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (
            f"mis-nested </{tag}> in {self.stack}"
        )
        self.stack.pop()
        if tag in {"h2", "h3", "caption", "th", "td"}:
            self.texts.setdefault(tag, []).append("".join(self._buffer))

    def handle_data(self, data):
        self._buffer.append(data)


@pytest.fixture(scope="module")
def text() -> str:
    return PLAN_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tasks(text):
    return work_plan_tasks(text)


@pytest.fixture(scope="module")
def rendered(text):
    return work_plan_html(text)


@pytest.fixture(scope="module")
def parsed(rendered):
    collector = _Collector()
    collector.feed(rendered[1])
    collector.close()
    assert collector.stack == []
    return collector


def test_twenty_five_numbered_tasks(tasks):
    assert len(tasks) == 25
    assert [task["number"] for task in tasks] == list(range(1, 26))
    assert all(
        set(task)
        == {"number", "task", "focus", "requirement", "responsible", "deadline"}
        for task in tasks
    )


def test_no_empty_or_padded_cells(tasks):
    for task in tasks:
        for key, value in task.items():
            if key == "number":
                assert isinstance(value, int)
                continue
            assert value, f"task {task['number']} has empty {key}"
            assert value == value.strip(), (
                f"task {task['number']} {key} not stripped: {value!r}"
            )
            assert "\u3000" not in value and "\t" not in value


def test_task_10_three_synchronous_interpretation(tasks):
    task = tasks[9]
    assert task["number"] == 10
    assert "三同步" in task["requirement"]
    # The source has a stray space in "政策解读 “三同步”"; it is removed.
    assert "政策解读“三同步”工作机制" in task["requirement"]
    assert task["responsible"].startswith("办公室、法规科牵头")
    assert task["responsible"] == "办公室、法规科牵头，文件起草科室具体落实"
    assert task["task"] == "推进政策发布解读回应提质增效"
    assert task["focus"] == "持续深化政策高质量解读"
    assert task["deadline"] == "长期坚持"


def test_merged_cells_are_filled_down(tasks):
    assert (
        tasks[0]["task"]
        == tasks[1]["task"]
        == tasks[2]["task"]
        == "推进绿色低碳高质量发展信息公开"
    )
    assert tasks[1]["focus"] == "围绕解决群众急难愁盼问题强化公开"
    assert tasks[2]["focus"] == "围绕解决群众急难愁盼问题强化公开"
    assert tasks[2]["responsible"] == "信访室"
    assert tasks[21]["task"] == "推进政务公开规范化建设"
    assert tasks[21]["focus"] == "扎实推进基层政务公开"
    assert tasks[24]["task"] == "大力提升信息发布平台建管水平"
    assert tasks[24]["focus"] == "推动政府网站和政务新媒体健康有序发展"


def test_title_is_first_line(rendered):
    title, _ = rendered
    assert title == "2023年临淄区自然资源局政务公开工作方案"


def test_only_allowed_tags_and_attributes(parsed):
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, _ in attrs:
            assert name in ALLOWED_ATTRS, (tag, name)
            assert tag in {"th", "td"}, (tag, name)


def test_headings(parsed):
    assert parsed.texts["h2"][:3] == ["一、总体要求", "二、工作任务", "三、措施保障"]
    assert parsed.texts["h3"] == [
        "（一）聚焦中心工作和重点领域加大公开力度",
        "（二）持续推进行政决策、执行、管理、服务和结果全过程公开",
        "（三）加快推进政务公开标准化规范化建设",
    ]


def test_numbered_paragraphs(rendered):
    body = rendered[1]
    assert (
        "<p><strong>1．聚焦自然资源市场交易加强信息公开。</strong>及时规范发布土地供应计划"
        in body
    )
    assert "<p><strong>4．强化工作落实。</strong>" in body
    # Table title is the caption, not a stray paragraph; the title line is not repeated in the body.
    assert "<p>2023年临淄区自然资源局政务公开重点工作任务分解表</p>" not in body
    assert "<p>2023年临淄区自然资源局政务公开工作方案</p>" not in body


def test_accessible_task_table(rendered, parsed):
    body = rendered[1]
    assert body.count("<table>") == 1
    assert parsed.texts["caption"] == [
        "2023年临淄区自然资源局政务公开重点工作任务分解表"
    ]
    assert parsed.texts["th"] == list(TASK_COLUMNS)
    assert list(TASK_COLUMNS) == [
        "序号",
        "工作任务",
        "工作要点",
        "工作要求",
        "责任单位",
        "时限要求",
    ]
    assert all(
        dict(attrs).get("scope") == "col" for tag, attrs in parsed.tags if tag == "th"
    )
    tbody = re.search(r"<tbody>(.*)</tbody>", body, re.DOTALL).group(1)
    assert tbody.count("<tr>") == 25
    cells = parsed.texts["td"]
    assert len(cells) == 25 * 6
    assert cells[6 * 1 + 1] == "推进绿色低碳高质量发展信息公开"


def test_no_raw_whitespace_artifacts(rendered):
    body = rendered[1]
    assert "\t" not in body and "\u3000" not in body
    assert " </" not in body and "> " not in body


def test_html_escaping():
    text = "标题\n\n一、总体要求\n\n正文含有<script>和&符号。\n"
    title, body = work_plan_html(text)
    assert title == "标题"
    assert "<script>" not in body
    assert "&lt;script&gt;" in body and "&amp;" in body


def test_full_width_spaces_stripped_and_fill_down():
    text = (
        "标题\n\n表\n\n"
        "\t序号\n\t工作任务\n\t工作要求\n\t责任单位\n\t时限要求\n\n"
        "\t1\n\t\u3000任务甲\u3000\n\t要点甲 \n\t要求一\n\t办公室\n\t长期坚持\n\n"
        "\t2\n\t\u3000\n\t\n\t要求二\n\t法规科\n\t及时公开\n"
    )
    assert work_plan_tasks(text) == [
        {
            "number": 1,
            "task": "任务甲",
            "focus": "要点甲",
            "requirement": "要求一",
            "responsible": "办公室",
            "deadline": "长期坚持",
        },
        {
            "number": 2,
            "task": "任务甲",
            "focus": "要点甲",
            "requirement": "要求二",
            "responsible": "法规科",
            "deadline": "及时公开",
        },
    ]


def test_malformed_row_is_rejected():
    text = "标题\n\n\t序号\n\t工作任务\n\t工作要求\n\t责任单位\n\t时限要求\n\n\t1\n\t只有两格\n"
    with pytest.raises(ValueError, match="cells"):
        work_plan_tasks(text)
