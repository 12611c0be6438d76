"""Validate the bundled demo items (content/items.json); plain pytest, no Django."""

import collections
import datetime
import json
import pathlib
import re
from html.parser import HTMLParser

import pytest

from gongkai.catalog.columns import STANDARD_DEPARTMENTS, column_paths

ITEMS_PATH = pathlib.Path(__file__).resolve().parent.parent / "content" / "items.json"

KEYS = {
    "title",
    "column",
    "document_number",
    "written_on",
    "published_on",
    "publisher",
    "department",
    "topic",
    "genre",
    "validity",
    "validity_changed_on",
    "keywords",
    "summary",
    "body_html",
    "interprets",
}
COLUMNS = [
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容/机构职能",
    "法定主动公开内容/政策文件/行政规范性文件",
    "法定主动公开内容/政策文件/其他文件",
    "法定主动公开内容/政策解读",
    "法定主动公开内容/规划信息",
    "法定主动公开内容/财政信息",
    "法定主动公开内容/行政许可和服务",
    "法定主动公开内容/行政执法公示",
    "法定主动公开内容/重大行政决策",
    "法定主动公开内容/就业创业",
    "法定主动公开内容/信访信息",
    "法定主动公开内容/重点领域信息公开/自然资源市场交易",
    "法定主动公开内容/重点领域信息公开/地价信息",
    "法定主动公开内容/重点领域信息公开/征地信息",
    "法定主动公开内容/重点领域信息公开/矿业权信息",
    "政府信息公开年报",
]
NORMATIVE = "法定主动公开内容/政策文件/行政规范性文件"
OTHER_POLICY = "法定主动公开内容/政策文件/其他文件"
INTERPRETATION = "法定主动公开内容/政策解读"
MARKET = "法定主动公开内容/重点领域信息公开/自然资源市场交易"
LAND_PRICE = "法定主动公开内容/重点领域信息公开/地价信息"
EXPROPRIATION = "法定主动公开内容/重点领域信息公开/征地信息"
MINING = "法定主动公开内容/重点领域信息公开/矿业权信息"

MINIMUM_PER_COLUMN = {
    "政府信息公开指南": 1,
    "政府信息公开年报": 1,
    NORMATIVE: 2,
    INTERPRETATION: 3,
    "法定主动公开内容/财政信息": 2,
    MARKET: 6,
    LAND_PRICE: 2,
    EXPROPRIATION: 6,
    MINING: 3,
}
DEPARTMENTS = set(STANDARD_DEPARTMENTS)
TOPICS = {
    "国土资源、能源",
    "城乡建设、环境保护",
    "财政、金融、审计",
    "综合政务",
    "劳动、人事、监察",
    "农业、林业、水利",
}
GENRES = {"通知", "公告", "公示", "意见", "办法", "规划", "报告", "解读", "其他"}
VALIDITIES = {"有效", "失效", "废止"}
ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
REQUIRED_WORDS = [
    "征地",
    "征地补偿",
    "采矿权",
    "出让",
    "基准地价",
    "政务公开",
    "土地供应",
    "成交公示",
]
DEMO_FOOTER = "<p>（本条为演示数据）</p>"
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]+〔(\d{4})〕([1-9]\d*)号$")
EARLIEST, LATEST = datetime.date(2022, 1, 1), datetime.date(2026, 10, 31)


class _BodyParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: collections.Counter = collections.Counter()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if not (tag == "th" and name == "scope" and value in {"col", "row"}):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"void tag <{tag}/>")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"mis-nested </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if not self.stack and data.strip():
            self.problems.append(f"text outside any block: {data[:20]!r}")
        self.text.append(data)


def _parse(body: str) -> _BodyParser:
    parser = _BodyParser()
    parser.feed(body)
    parser.close()
    if parser.stack:
        parser.problems.append(f"unclosed {parser.stack}")
    return parser


def _date(value: str) -> datetime.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return datetime.date.fromisoformat(value)


@pytest.fixture(scope="module")
def items():
    data = json.loads(ITEMS_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _ids(items):
    return [item.get("title", "?")[:30] for item in items]


def test_count_and_keys(items):
    assert len(items) >= 40
    for item in items:
        assert set(item) == KEYS, item.get("title")
        assert all(isinstance(value, str) for value in item.values()), item["title"]


def test_titles_unique(items):
    titles = [item["title"] for item in items]
    assert len(titles) == len(set(titles))


def test_every_column_covered_and_key_areas_weighted(items):
    counts = collections.Counter(item["column"] for item in items)
    assert set(counts) <= set(COLUMNS), set(counts) - set(COLUMNS)
    assert not set(COLUMNS) - set(counts), f"uncovered: {set(COLUMNS) - set(counts)}"
    for column, minimum in MINIMUM_PER_COLUMN.items():
        assert counts[column] >= minimum, (column, counts[column])
    assert counts[NORMATIVE] + counts[OTHER_POLICY] >= 3
    assert counts["政府信息公开指南"] == 1 and counts["政府信息公开年报"] == 1


def test_enumerations(items):
    for item in items:
        assert item["department"] in DEPARTMENTS, item["title"]
        assert item["topic"] in TOPICS, item["title"]
        assert item["genre"] in GENRES, item["title"]
        assert item["validity"] in VALIDITIES, item["title"]
        assert item["publisher"], item["title"]
        assert item["title"] == item["title"].strip() and item["title"]


def test_document_numbers(items):
    for item in items:
        number = item["document_number"]
        if item["column"] == NORMATIVE:
            assert number, f"normative document without 文号: {item['title']}"
        if number:
            match = DOCUMENT_NUMBER.match(number)
            assert match, number
            assert match.group(1) == item["written_on"][:4], (
                number,
                item["written_on"],
            )
    numbers = [item["document_number"] for item in items if item["document_number"]]
    assert len(numbers) == len(set(numbers))


def test_dates(items):
    for item in items:
        written, published = _date(item["written_on"]), _date(item["published_on"])
        assert EARLIEST <= written <= published <= LATEST, item["title"]
        assert (published - written).days <= 30, item["title"]
        changed = item["validity_changed_on"]
        if item["validity"] == "有效":
            assert changed == "", item["title"]
        else:
            assert _date(changed) > published, item["title"]
            assert _date(changed) <= LATEST
    years = collections.Counter(item["published_on"][:4] for item in items)
    assert sum(years[y] for y in ("2023", "2024", "2025", "2026")) > len(items) / 2


def test_lapsed_and_repealed_policies(items):
    policy = [item for item in items if item["column"] in (NORMATIVE, OTHER_POLICY)]
    assert any(item["validity"] == "失效" for item in policy)
    assert any(item["validity"] == "废止" for item in policy)


def test_keywords_and_summary(items):
    for item in items:
        keywords = item["keywords"].split("，")
        assert 2 <= len(keywords) <= 4, item["keywords"]
        assert all(keyword and keyword == keyword.strip() for keyword in keywords), (
            item["keywords"]
        )
        summary = item["summary"]
        assert summary.endswith("。") and summary.count("。") == 1, summary


def test_interpretations_point_at_policy_documents(items):
    by_title = {item["title"]: item for item in items}
    interpreted = []
    for item in items:
        if item["column"] == INTERPRETATION:
            assert item["genre"] == "解读"
            target = by_title.get(item["interprets"])
            assert target is not None, (
                f"{item['title']} interprets missing {item['interprets']!r}"
            )
            assert target["column"] in (NORMATIVE, OTHER_POLICY)
            assert item["published_on"] >= target["published_on"]
            interpreted.append(item["interprets"])
        else:
            assert item["interprets"] == "", item["title"]
    assert len(interpreted) >= 3 and len(set(interpreted)) == len(interpreted)


def test_bodies_are_clean_html_of_sensible_length(items):
    for item in items:
        body = item["body_html"]
        parser = _parse(body)
        assert not parser.problems, (item["title"], parser.problems[:3])
        assert body.endswith(DEMO_FOOTER), item["title"]
        assert body.count("本条为演示数据") == 1
        text_length = len("".join(parser.text))
        assert 300 <= text_length <= 1200, (item["title"], text_length)
        assert (
            "<a" not in body
            and "<img" not in body
            and "href" not in body
            and "src=" not in body
        )


def test_tables_in_land_transactions_and_expropriation(items):
    for item in items:
        if item["column"] == MARKET:
            assert (
                "<table>" in item["body_html"] and "<caption>" in item["body_html"]
            ), item["title"]
            if "出让公告" in item["title"] or "成交公示" in item["title"]:
                for header in (
                    "宗地编号",
                    "位置",
                    "面积（平方米）",
                    "用途",
                    "出让年限（年）",
                ):
                    assert f'<th scope="col">{header}</th>' in item["body_html"], (
                        item["title"],
                        header,
                    )
            if "出让公告" in item["title"]:
                assert '<th scope="col">起始价（万元）</th>' in item["body_html"]
        if item["column"] == EXPROPRIATION and "公告" in item["title"]:
            assert "<table>" in item["body_html"], item["title"]
            assert "村（社区）" in item["body_html"], item["title"]


def test_required_vocabulary(items):
    corpus = "".join(item["title"] + item["body_html"] for item in items)
    for word in REQUIRED_WORDS:
        assert word in corpus, word


def test_expected_subjects_present(items):
    titles = "".join(item["title"] for item in items)
    for phrase in (
        "国有建设用地供应计划",
        "挂牌出让公告",
        "成交公示",
        "供应结果",
        "拟征收土地公告",
        "征地补偿安置方案公告",
        "征收土地公告",
        "一书四方案",
        "采矿权挂牌出让公告",
        "出让结果公示",
        "勘查开采信息公示",
        "基准地价",
        "标定地价",
        "部门预算",
        "部门决算",
        "逾期未支付中小企业款项",
        "2022年政府信息公开工作年度报告",
    ):
        assert phrase in titles, phrase


def test_annual_report_has_six_sections(items):
    (report,) = [item for item in items if item["column"] == "政府信息公开年报"]
    assert "2022" in report["title"]
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert f"<h2>{heading}</h2>" in report["body_html"], heading
    assert "<table>" in report["body_html"]


def test_no_personal_identifiers(items):
    for item in items:
        blob = json.dumps(item, ensure_ascii=False)
        # No 15+ digit runs at all (covers 18-digit resident ID numbers, with or without a trailing X).
        assert not re.search(r"\d{15,}", blob), item["title"]
        assert not re.search(r"(?<!\d)\d{17}[Xx]", blob), item["title"]
        # No 11-digit mainland mobile numbers.
        assert not re.search(r"(?<!\d)1\d{10}(?!\d)", blob), item["title"]
        # Landlines only in the demo 0533-718xxxx range.
        for phone in re.findall(r"0533-\d+", blob):
            assert re.fullmatch(r"0533-718\d{4}", phone), phone


def test_every_item_column_exists_in_the_standard_tree(items):
    assert {item["column"] for item in items} <= set(column_paths())
