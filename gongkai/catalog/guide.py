"""The 政府信息公开指南 built from facts about the agency and its column
tree. Pure: facts in, sections out.

《政府信息公开条例》第十二条: the guide gives 政府信息的分类、编排体系、获取
方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、
互联网联系方式等内容, and is updated in time (及时更新). Applications follow
Art. 27–33 (reply within 20 working days, one extension of at most 20);
remedies Art. 51 (投诉、举报、行政复议、行政诉讼).
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class ColumnFact:
    title: str
    depth: int  # 1 for the columns right below 政府信息公开
    description: str = ""
    url: str = ""


@dataclass(frozen=True)
class GuideFacts:
    agency_name: str
    office_name: str = ""
    address: str = ""
    postcode: str = ""
    office_hours: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    portal_url: str = ""
    apply_url: str = ""
    catalogue_url: str = ""
    search_url: str = ""
    columns: tuple[ColumnFact, ...] = field(default_factory=tuple)
    reply_working_days: int = 20
    extension_working_days: int = 20


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...] = ()
    # Key-value rows (工作机构) or the column tree (分类编排).
    rows: tuple[tuple[str, str], ...] = ()
    columns: tuple[ColumnFact, ...] = ()


NOT_SET = "（未填写）"


def build_guide(facts: GuideFacts) -> list[Section]:
    office = facts.office_name or facts.agency_name
    return [
        Section(
            "一、总则",
            (
                f"为了保障公民、法人和其他组织依法获取{facts.agency_name}的政府信息，"
                "根据《中华人民共和国政府信息公开条例》，编制本指南。"
                "本指南随机关信息和公开栏目的变化自动更新。",
            ),
        ),
        Section(
            "二、政府信息公开工作机构",
            (f"{facts.agency_name}政府信息公开工作机构为{office}。",),
            rows=(
                ("名称", office),
                ("办公地址", facts.address or NOT_SET),
                ("邮政编码", facts.postcode or NOT_SET),
                ("办公时间", facts.office_hours or NOT_SET),
                ("联系电话", facts.phone or NOT_SET),
                ("传真号码", facts.fax or NOT_SET),
                ("电子邮箱", facts.email or NOT_SET),
                ("门户网站", facts.portal_url or NOT_SET),
            ),
        ),
        Section(
            "三、主动公开",
            (
                "（一）公开范围：本机关依照《中华人民共和国政府信息公开条例》第二十条、"
                "第二十一条主动公开政府信息，具体见主动公开基本目录"
                + (f"（{facts.catalogue_url}）" if facts.catalogue_url else "")
                + "。",
                "（二）分类编排：政府信息按下列栏目分类编排，每条信息标注索引号、名称、"
                "内容概述、生成日期等要素。",
                "（三）公开方式：通过本机关政府信息公开平台（门户网站）发布，"
                "并可通过全文检索"
                + (f"（{facts.search_url}）" if facts.search_url else "")
                + "、栏目订阅、政府信息查阅场所等方式获取。",
                "（四）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更"
                "之日起20个工作日内予以公开。",
            ),
            columns=facts.columns,
        ),
        Section(
            "四、依申请公开",
            (
                "（一）申请方式：申请人可以通过在线申请"
                + (f"（{facts.apply_url}）" if facts.apply_url else "")
                + "、当面提交、信函、传真或电子邮件向本机关提出政府信息公开申请；"
                "采用书面形式确有困难的，可以口头提出，由工作人员代为填写。",
                "（二）申请内容：申请人的姓名或者名称、身份证明、联系方式；"
                "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；"
                "申请公开的政府信息的形式要求，包括获取信息的方式、途径。",
                f"（三）答复期限：能够当场答复的，当场予以答复；不能当场答复的，"
                f"自收到申请之日起{facts.reply_working_days}个工作日内予以答复；"
                f"需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，"
                f"延长的期限最长不得超过{facts.extension_working_days}个工作日。"
                "征求第三方和其他机关意见所需时间不计算在内。",
                "（四）收费：行政机关依申请提供政府信息，不收取费用；"
                "申请数量、频次明显超过合理范围的，可以按规定收取信息处理费。",
            ),
        ),
        Section(
            "五、监督和救济",
            (
                f"公民、法人或者其他组织认为{facts.agency_name}在政府信息公开工作中"
                "侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门"
                "投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
            ),
        ),
    ]


def sections_to_json(sections: list[Section]) -> list[dict]:
    return [asdict(section) for section in sections]


def sections_from_json(data: list[dict]) -> list[Section]:
    return [
        Section(
            title=section["title"],
            paragraphs=tuple(section["paragraphs"]),
            rows=tuple(tuple(row) for row in section["rows"]),
            columns=tuple(ColumnFact(**column) for column in section["columns"]),
        )
        for section in data
    ]


def digest(sections: list[Section]) -> str:
    """A fingerprint of the guide's content: a new version only when it
    changes."""
    text = json.dumps(sections_to_json(sections), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
