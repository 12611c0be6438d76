"""Deterministic synthetic government-information items for the benchmark.

Sentences of the demo items (``gongkai/demo/content/items.json``) become
templates: their town names, roads, company names and numbers turn into
slots. Hand-written templates add the rest of a land-and-resources bureau's
vocabulary (place names, parcels, minerals, land uses, 文号, people, laws).
Slots draw from large, skewed lexicons (a few villages and companies are
common, most are rare), so the text has both very frequent and rare words.

``Corpus(seed).item(n)`` always returns the same item for the same seed and
number, without generating the items before it.
"""

import json
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape
from pathlib import Path

ITEMS_JSON = (
    Path(__file__).resolve().parent.parent
    / "gongkai"
    / "demo"
    / "content"
    / "items.json"
)

TOWNS = (
    "辛店街道", "稷下街道", "齐陵街道", "闻韶街道", "雪宫街道", "齐都镇",
    "皇城镇", "敬仲镇", "朱台镇", "凤凰镇", "金岭回族镇", "金山镇",
)  # fmt: skip
KNOWN_VILLAGES = (
    "东高村", "西刘村", "南辛村", "后寨村", "西单村", "西关村", "河崖头村",
    "南马坊村", "阚家寨村", "韶院村", "齐陵村", "淄河店村", "皇城营村",
    "石佛村", "白兔丘村", "敬仲村", "朱台村", "高阳村", "南卧石村", "东申村",
    "大夫店村", "梧台村", "田旺村", "永流村", "召口村", "郎家村", "边河村",
    "龙池村", "褚家村", "天齐村", "小营村", "北羊村", "徐姚村", "南仇村",
)  # fmt: skip
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许"
    "傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆"
    "郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文房边褚阚仇"
)
GIVEN = "建国明华军伟芳丽强磊洋勇艳杰娟涛超秀霞平刚桂英玉兰志红海燕俊峰庆德"
VILLAGE_PREFIXES = ("", "", "东", "西", "南", "北", "前", "后", "大", "小", "新")
VILLAGE_MIDDLES = ("家", "家", "", "王")
VILLAGE_SUFFIXES = ("庄", "村", "寨", "店", "屯", "营", "楼", "桥", "河", "官庄", "坡", "台", "埠")  # fmt: skip
ROADS = (
    "桓公路", "齐兴路", "辛店路", "牛山路", "晏婴路", "稷下路", "遄台路", "闻韶路",
    "太公路", "齐鲁大道", "大顺路", "雪宫路", "齐园路", "杨坡路", "临淄大道",
    "胶济铁路", "乙烯路", "齐鲁石化大道", "宫北路", "勇士路", "召口路", "金岭路",
)  # fmt: skip
BRANDS = (
    "齐鲁鑫华瑞泰恒丰盛源达宏昌隆兴旺金银海天宇正德信和安康博远晟润汇通科创嘉诚联合"
)
INDUSTRIES = (
    "建材", "石化", "化工", "置业", "房地产开发", "矿业", "新材料科技", "冷链物流",
    "机械制造", "陶瓷", "热电", "食品", "城市建设", "产业园运营", "商业管理",
    "环保科技", "农业发展", "水务", "交通投资", "纺织",
)  # fmt: skip
LAND_USES = (
    "商服用地", "住宅用地", "城镇住宅用地", "工业用地", "仓储用地", "工矿仓储用地",
    "公共管理与公共服务用地", "交通运输用地", "水域及水利设施用地", "耕地", "园地",
    "林地", "草地", "设施农用地", "农村宅基地", "城镇村道路用地", "采矿用地",
    "物流仓储用地", "科研用地", "商务金融用地", "零售商业用地", "批发市场用地",
    "餐饮用地", "旅馆用地", "娱乐用地", "公园与绿地", "广场用地", "水浇地", "旱地",
    "水田", "果园", "乔木林地", "坑塘水面", "沟渠", "农村道路", "特殊用地",
    "教育用地", "医疗卫生用地", "社会福利用地", "公用设施用地", "永久基本农田",
)  # fmt: skip
MINERALS = (
    "建筑石料用灰岩", "水泥用灰岩", "铁矿", "煤", "铝土矿", "耐火粘土", "石膏",
    "地热", "矿泉水", "白云岩", "砖瓦用页岩", "建筑用砂", "熔剂用灰岩", "饰面用花岗岩",
)  # fmt: skip
PROJECTS = (
    "美丽乡村建设", "高标准农田建设", "土地综合整治", "城乡建设用地增减挂钩",
    "新能源汽车零部件产业园", "化工园区配套", "污水处理厂提标改造", "110千伏变电站",
    "道路拓宽改造", "中学扩建", "养老服务中心", "城市更新片区", "保障性租赁住房",
    "农贸市场改造", "文化旅游综合体", "齐文化博物馆配套", "物流园区", "光伏发电",
    "雨污分流改造", "老旧小区改造", "供热管网", "生态修复", "齐国故城遗址保护",
)  # fmt: skip
BUILDINGS = ("厂房", "仓库", "住宅", "养殖棚", "彩钢板房", "门面房", "办公楼", "砖混平房")  # fmt: skip
HAZARDS = ("崩塌", "滑坡", "地面塌陷", "采空区", "地裂缝", "不稳定斜坡")
RIGHTS = (
    "国有建设用地使用权首次登记", "抵押权登记", "转移登记", "变更登记",
    "宅基地使用权及房屋所有权登记", "集体土地所有权登记", "预告登记", "注销登记",
)  # fmt: skip
LAWS = (
    "中华人民共和国土地管理法", "中华人民共和国矿产资源法", "中华人民共和国城乡规划法",
    "中华人民共和国土地管理法实施条例", "不动产登记暂行条例", "山东省土地征收管理办法",
    "基本农田保护条例", "中华人民共和国测绘法", "中华人民共和国森林法",
    "地质灾害防治条例", "土地复垦条例", "闲置土地处置办法", "中华人民共和国行政处罚法",
)  # fmt: skip
DEPARTMENTS = (
    "办公室", "法规科", "自然资源利用科", "耕保科", "矿产资源管理科", "财审科",
    "国土空间规划科", "行政许可科", "执法监察大队", "不动产登记中心",
    "测绘地理信息科", "地质环境科", "国土资源保障中心",
)  # fmt: skip
POLICIES = (
    "高质量发展", "优化营商环境", "乡村振兴", "生态保护红线", "永久基本农田",
    "城镇开发边界", "三区三线", "增存挂钩", "批而未供", "闲置土地处置", "节约集约用地",
    "亩均效益", "标准地出让", "用地预审与规划选址", "多规合一", "多测合一",
    "交地即交证", "一窗受理", "数字政府", "放管服改革", "田长制", "林长制",
    "耕地进出平衡", "绿色矿山建设", "全域土地综合整治", "不动产登记便民利民",
)  # fmt: skip
CN_NUMERALS = "一二三四五六七八九十"
DIRECTIONS = "东西南北"
PUBLISHERS = (
    "临淄区自然资源局", "临淄区自然资源局", "临淄区自然资源局", "临淄区人民政府",
    "临淄区不动产登记中心", "临淄区国土资源保障中心", "临淄区自然资源局执法监察大队",
)  # fmt: skip
DOC_CODES = ("临自然资发", "临自然资字", "临政土字", "临政发", "临自然资函", "淄自然资发")  # fmt: skip
VALIDITIES = ("valid",) * 18 + ("expired",) + ("repealed",)

TEMPLATES = (
    "{town}{village}{project}项目拟使用{landuse}{area}公顷，其中占用耕地{area}公顷，已落实耕地占补平衡。",
    "经审查，{company}申请的{town}{road}以{dir}地块符合国土空间总体规划，同意按{landuse}办理供地手续。",
    "{parcel}位于{town}{road}以{dir}、{road}以{dir}，土地面积{sqm}平方米，用途为{landuse}，出让年限{years}年，起始价{wan}万元。",
    "{company}持有的{town}{mineral}矿采矿权有效期至{date}，矿区面积{km2}平方千米，生产规模{small}万吨/年。",
    "根据{docno}文件要求，{town}人民政府应于{date}前完成{village}集体土地所有权确权登记成果更新。",
    "{village}村民{person}反映的宅基地审批问题，已由{town}自然资源所于{date}办结并书面答复。",
    "本次征收涉及{town}{village}、{village}等{small}个村（社区），征收土地总面积{area}公顷，区片综合地价为每亩{price}万元。",
    "{year}年全区共办理不动产登记{big}件，其中首次登记{mid}件，抵押登记{mid}件，网上办理率达到{pct}%。",
    "执法监察大队在{date}动态巡查中发现{town}{village}存在未经批准占用{landuse}建设{building}行为，已依法立案查处。",
    "{town}{project}项目规划用地面积{sqm}平方米，容积率不大于{ratio}，建筑密度不大于{pct}%，绿地率不低于{pct}%。",
    "对{company}未按出让合同约定动工开发的{parcel}，依法认定为闲置土地，按土地出让价款的{pct}%征缴土地闲置费。",
    "{town}高标准农田建设项目新增耕地{area}公顷，经{docno}验收确认后纳入耕地占补平衡指标库。",
    "本局{dept}负责{village}一带{mineral}资源储量核实报告的评审备案，评审意见书编号为{code}。",
    "临淄区{landuse}基准地价为{price2}元/平方米，较上一轮基准地价更新上涨{pct}%。",
    "{person}同志任{dept}负责人，分管{policy}和{policy}工作，联系电话0533-{phone}。",
    "{town}{village}土地综合整治试点项目实施后，可腾退建设用地{area}公顷，复垦为{landuse}。",
    "{year}年度批准临时用地{small}宗，主要用于{project}项目施工便道和材料堆场，使用期限不超过{small}年。",
    "{company}申请办理{town}{road}{building}项目建设工程规划许可证，证号为建字第{code}号。",
    "经{docno}批准，{town}{village}{area}公顷农用地转为建设用地，并征收为国有。",
    "听证会于{date}在{town}人民政府会议室召开，{village}村民代表{small}人参加，{person}主持。",
    "地质灾害隐患点{town}{village}{hazard}已落实群测群防责任人{person}，汛期实行每日巡查。",
    "{year}年{month}月，本局主动公开政府信息{mid}条，办理依申请公开{small}件，均在法定期限内答复。",
    "{company}对{parcel}提出的{right}申请材料齐全，拟予登记，公告期{small}个工作日。",
    "{town}{mineral}矿区已完成矿山地质环境恢复治理，治理面积{area}公顷，并通过{docno}验收。",
    "依据《{law}》第{cn}条，责令{person}退还非法占用的{village}集体土地{sqm}平方米，并处罚款{yuan}元。",
    "坚持{policy}与{policy}相结合，统筹推进{policy}，全年盘活存量建设用地{area}公顷。",
    "{town}{village}{landuse}调整为{landuse}，涉及图斑{small}个，已纳入{year}年度国土变更调查。",
    "{company}竞得{parcel}，成交价{wan}万元，溢价率{pct}%，须在{date}前缴清全部土地出让价款。",
)

TITLES = {
    "征地信息": (
        "临淄区人民政府拟征收土地公告（临淄区{year}年第{small}批次城镇建设用地）",
        "临淄区{year}年第{small}批次城镇建设用地征地补偿安置方案公告",
        "{town}{village}{project}项目征收土地公告",
        "关于{town}{village}等{small}个村征地补偿安置方案听证结果的公示",
    ),
    "自然资源市场交易": (
        "临淄区国有建设用地使用权挂牌出让公告（{year}-{small}期）",
        "临淄区国有建设用地使用权挂牌出让成交公示（{year}-{small}期）",
        "{town}{road}以{dir}{landuse}地块协议出让结果公示",
        "临淄区{year}年度国有建设用地供应计划",
    ),
    "矿业权信息": (
        "临淄区{town}{mineral}矿采矿权挂牌出让公告",
        "{company}{mineral}矿采矿权延续登记公示",
        "临淄区{year}年度矿业权人勘查开采信息公示抽查结果的公告",
    ),
    "地价信息": (
        "临淄区城镇国有建设用地基准地价更新成果公布（{year}年）",
        "临淄区{year}年度标定地价公示",
        "临淄区{town}{landuse}评估地价备案公示",
    ),
    "规划信息": (
        "{town}{village}村庄规划（{year}—2035年）批后公布",
        "{town}{project}项目建设工程规划许可批前公示",
        "临淄区{town}片区控制性详细规划修改公示",
    ),
    "政策文件": (
        "临淄区自然资源局关于印发《临淄区{policy}工作实施方案》的通知",
        "临淄区自然资源局关于做好{year}年度{policy}工作的通知",
        "关于进一步加强{landuse}管理的若干意见",
    ),
    "行政执法公示": (
        "临淄区自然资源局行政处罚决定信息公示（临自然资罚决字〔{year}〕第{small}号）",
        "临淄区自然资源局{year}年度“双随机、一公开”抽查结果公示",
    ),
    "": (
        "临淄区自然资源局{year}年{policy}工作情况报告",
        "临淄区自然资源局关于{town}{project}项目用地预审的批复",
        "{company}{right}公告",
        "临淄区自然资源局{year}年政府信息公开工作年度报告",
    ),
}
THEME_KEYWORDS = {
    "征地信息": ("征地", "土地征收", "补偿安置", "区片综合地价", "社会保障", "听证"),
    "自然资源市场交易": (
        "挂牌出让",
        "国有建设用地使用权",
        "竞买",
        "成交公示",
        "土地供应",
    ),
    "矿业权信息": ("采矿权", "矿业权", "出让收益", "绿色矿山", "勘查开采"),
    "地价信息": ("基准地价", "标定地价", "地价", "评估"),
    "规划信息": ("国土空间规划", "村庄规划", "控制性详细规划", "规划许可"),
    "政策文件": ("规范性文件", "管理办法", "政策", "通知"),
    "行政执法公示": ("行政处罚", "执法", "双随机", "违法用地"),
    "": ("政务公开", "自然资源", "不动产登记", "耕地保护"),
}

SOURCE_SLOT = re.compile(
    "(?P<town>" + "|".join(map(re.escape, TOWNS)) + ")"
    "|(?P<village>" + "|".join(map(re.escape, KNOWN_VILLAGES)) + ")"
    "|(?P<road>" + "|".join(map(re.escape, ROADS)) + ")"
    r"|(?P<company>淄博[\u4e00-\u9fff]{2,10}?有限公司)"
    r"|(?P<number>\d+(?:\.\d+)?)"
)
TEMPLATE_SLOT = re.compile(r"\{(\w+)\}")
SENTENCE_END = re.compile(r"(?<=[。！？；])")
FIRST_DAY = date(2016, 1, 1)
LAST_DAY = date(2026, 11, 20)


@dataclass
class SyntheticItem:
    number: int
    theme: str
    column: str
    title: str
    document_number: str
    publisher: str
    keywords: str
    summary: str
    paragraphs: list[str]
    published_on: date
    validity: str

    @property
    def body_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def body_html(self) -> str:
        return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in self.paragraphs)

    @property
    def published_at(self) -> datetime:
        return datetime.combine(self.published_on, time(9, 0))


def _theme_of(column: str) -> str:
    for theme in TITLES:
        if theme and theme in column:
            return theme
    return ""


def _source_sentences() -> tuple[dict[str, list[str]], list[str]]:
    """The sentences of the demo items, grouped by their column."""
    records = json.loads(ITEMS_JSON.read_text(encoding="utf-8"))
    by_column: dict[str, list[str]] = {}
    columns = []
    for record in records:
        html = record["body_html"]
        html = re.sub(r"</t[dh]>", "，", html)
        html = re.sub(r"</(?:p|h\d|tr|caption|li)>", "\n", html)
        text = re.sub(r"<[^>]+>", "", html)
        sentences = [record["summary"]]
        for line in text.splitlines():
            line = line.strip("， ")
            if not line or "演示" in line:
                continue
            sentences.extend(
                part for part in SENTENCE_END.split(line) if len(part) >= 6
            )
        by_column.setdefault(record["column"], []).extend(sentences)
        columns.append(record["column"])
    return by_column, columns


class Corpus:
    """The synthetic items of one seed."""

    def __init__(self, seed: int = 20260101):
        self.seed = seed
        by_column, self.columns = _source_sentences()
        self.column_templates = {
            column: [self._compile_source(sentence) for sentence in sentences]
            for column, sentences in by_column.items()
        }
        self.all_templates = [
            template
            for templates in self.column_templates.values()
            for template in templates
        ]
        self.extra_templates = [self._compile_template(text) for text in TEMPLATES]
        self.title_templates = {
            theme: [self._compile_template(text) for text in texts]
            for theme, texts in TITLES.items()
        }
        rng = random.Random(seed)
        self.villages = self._villages(rng)
        self.companies = self._companies(rng)
        self.people = [
            a + b + (c if rng.random() < 0.7 else "")
            for a in SURNAMES
            for b in GIVEN
            for c in (rng.choice(GIVEN),)
        ]
        rng.shuffle(self.people)
        self.fillers = {
            "town": lambda r: r.choice(TOWNS),
            "village": lambda r: self._skewed(r, self.villages),
            "road": lambda r: r.choice(ROADS),
            "company": lambda r: self._skewed(r, self.companies),
            "person": lambda r: self._skewed(r, self.people),
            "landuse": lambda r: r.choice(LAND_USES),
            "mineral": lambda r: r.choice(MINERALS),
            "project": lambda r: r.choice(PROJECTS),
            "building": lambda r: r.choice(BUILDINGS),
            "hazard": lambda r: r.choice(HAZARDS),
            "right": lambda r: r.choice(RIGHTS),
            "law": lambda r: r.choice(LAWS),
            "dept": lambda r: r.choice(DEPARTMENTS),
            "policy": lambda r: r.choice(POLICIES),
            "dir": lambda r: r.choice(DIRECTIONS),
            "cn": lambda r: (
                r.choice(CN_NUMERALS[1:]) + "十" + r.choice(CN_NUMERALS[:9])
            ),
            "year": lambda r: str(r.randint(2016, 2026)),
            "month": lambda r: str(r.randint(1, 12)),
            "date": lambda r: (
                f"{r.randint(2016, 2026)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"
            ),
            "docno": lambda r: self._document_number(r),
            "parcel": lambda r: (
                f"LZ{r.randint(2016, 2026)}-{r.randint(1, 30):02d}-{r.randint(1, 9):02d}地块"
            ),
            "code": lambda r: f"{r.randint(2016, 2026)}{r.randint(0, 99999):05d}",
            "phone": lambda r: f"718{r.randint(0, 9999):04d}",
            "area": lambda r: f"{r.uniform(0.1, 60):.4f}",
            "sqm": lambda r: f"{r.uniform(300, 90000):.1f}",
            "km2": lambda r: f"{r.uniform(0.01, 2):.4f}",
            "wan": lambda r: str(r.randint(80, 60000)),
            "yuan": lambda r: str(r.randint(1000, 900000)),
            "price": lambda r: f"{r.uniform(4, 12):.1f}",
            "price2": lambda r: str(r.randint(150, 6800)),
            "ratio": lambda r: f"{r.uniform(0.8, 3.5):.1f}",
            "pct": lambda r: str(r.randint(1, 60)),
            "small": lambda r: str(r.randint(1, 30)),
            "mid": lambda r: str(r.randint(30, 3000)),
            "big": lambda r: str(r.randint(3000, 90000)),
            "years": lambda r: r.choice(("40", "50", "70")),
        }

    # Lexicons ---------------------------------------------------------------

    @staticmethod
    def _villages(rng: random.Random) -> list[str]:
        names = set(KNOWN_VILLAGES)
        for surname in SURNAMES:
            for prefix in VILLAGE_PREFIXES:
                for _ in range(2):
                    middle = rng.choice(VILLAGE_MIDDLES)
                    suffix = rng.choice(VILLAGE_SUFFIXES)
                    name = prefix + surname + middle + suffix
                    names.add(name if name.endswith("村") else name + "村")
        villages = sorted(names)
        rng.shuffle(villages)
        return villages

    @staticmethod
    def _companies(rng: random.Random) -> list[str]:
        names = {
            f"淄博{a}{b}{industry}有限公司"
            for a in BRANDS
            for b in BRANDS
            if a != b
            for industry in (rng.choice(INDUSTRIES),)
        }
        companies = sorted(names)
        rng.shuffle(companies)
        return companies

    @staticmethod
    def _skewed(rng: random.Random, values: list[str]) -> str:
        """Zipf-like: the first values often, the last ones rarely."""
        return values[int(len(values) * rng.random() ** 3)]

    @staticmethod
    def _document_number(rng: random.Random) -> str:
        return f"{rng.choice(DOC_CODES)}〔{rng.randint(2016, 2026)}〕{rng.randint(1, 60)}号"

    # Templates --------------------------------------------------------------

    @staticmethod
    def _compile_source(sentence: str) -> tuple:
        parts: list = []
        position = 0
        for found in SOURCE_SLOT.finditer(sentence):
            if found.start() > position:
                parts.append(sentence[position : found.start()])
            if found.lastgroup == "number":
                parts.append(("number", found.group()))
            else:
                parts.append((found.lastgroup,))
            position = found.end()
        if position < len(sentence):
            parts.append(sentence[position:])
        return tuple(parts)

    @staticmethod
    def _compile_template(text: str) -> tuple:
        parts: list = []
        position = 0
        for found in TEMPLATE_SLOT.finditer(text):
            if found.start() > position:
                parts.append(text[position : found.start()])
            parts.append((found.group(1),))
            position = found.end()
        if position < len(text):
            parts.append(text[position:])
        return tuple(parts)

    @staticmethod
    def _number_like(rng: random.Random, original: str) -> str:
        if "." in original:
            whole, fraction = original.split(".")
            return f"{rng.randint(0, 10 ** len(whole) - 1)}.{rng.randint(0, 10 ** len(fraction) - 1):0{len(fraction)}d}"
        if original.startswith("0"):
            return original  # area codes, zero-padded numbers
        if len(original) == 4 and original[:2] in ("19", "20"):
            return str(rng.randint(2016, 2026))
        if len(original) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(original) - 1), 10 ** len(original) - 1))

    def _render(self, rng: random.Random, template: tuple) -> str:
        out = []
        for part in template:
            if type(part) is str:
                out.append(part)
            elif part[0] == "number":
                out.append(self._number_like(rng, part[1]))
            else:
                out.append(self.fillers[part[0]](rng))
        return "".join(out)

    # Items ------------------------------------------------------------------

    def item(self, number: int, *, length: int = 1500) -> SyntheticItem:
        rng = random.Random(self.seed * 1_000_003 + number)
        column = rng.choice(self.columns)
        theme = _theme_of(column)
        own = self.column_templates[column]
        title = self._render(rng, rng.choice(self.title_templates[theme]))
        target = int(length * rng.uniform(0.8, 1.2))
        paragraphs: list[str] = []
        size = 0
        while size < target:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                roll = rng.random()
                if roll < 0.45:
                    template = rng.choice(own)
                elif roll < 0.75:
                    template = rng.choice(self.all_templates)
                else:
                    template = rng.choice(self.extra_templates)
                sentences.append(self._render(rng, template))
            paragraph = "".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph)
        day = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
        keywords = rng.sample(
            THEME_KEYWORDS[theme], 3 if len(THEME_KEYWORDS[theme]) > 3 else 2
        )
        return SyntheticItem(
            number=number,
            theme=theme,
            column=column,
            title=title[:250],
            document_number=self._document_number(rng) if rng.random() < 0.4 else "",
            publisher=rng.choice(PUBLISHERS),
            keywords="，".join(keywords),
            summary=self._render(rng, rng.choice(own))[:300],
            paragraphs=paragraphs,
            published_on=day,
            validity=rng.choice(VALIDITIES),
        )
