"""Format norms of an item's metadata: the 文号 (GB/T 9704), the 成文日期
and 发布日期, and the metadata every item must carry (domain-rules §3.5).
Pure functions over values; no database."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gongkai.publishing.validators import DOCUMENT_NUMBER_RE, validate_document_number
from gongkai.review.checks.findings import Finding, FindingKind, Severity

# 《党政机关公文格式》GB/T 9704-2012 §7.2.4: "年份应标全称，用六角括号“〔〕”
# 括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加
# “号”字。"
YEAR_IN_WRONG_BRACKETS_RE = re.compile(r"[\[【(（{［](\d{4})[\]】)）}］]")
SEQUENCE_RE = re.compile(r"〔\d{4}〕(第?)(\d+)号?$")


@dataclass(frozen=True)
class RequiredField:
    """A metadata element an item must carry: ``name`` is the key in the
    values passed to ``check_metadata``."""

    name: str
    label: str
    severity: str = Severity.ERROR


# domain-rules §7 item 7 (required: 索引号, 名称, 内容概述, 生成日期, 发布机构,
# 发布日期), checked before publication: 内容概述 is optional in the 指引 and
# only a warning here; 发布日期 is set by publishing itself, so it is checked
# by ``check_dates`` once it exists.
DEFAULT_REQUIRED_METADATA: tuple[RequiredField, ...] = (
    RequiredField("index_number", "索引号"),
    RequiredField("title", "标题"),
    RequiredField("written_on", "成文日期"),
    RequiredField("publisher", "发布机构"),
    RequiredField("summary", "内容概述", Severity.WARNING),
)


def _corrected_document_number(value: str) -> str:
    candidate = YEAR_IN_WRONG_BRACKETS_RE.sub(r"〔\1〕", value.strip())
    candidate = re.sub(r"〔(\d{4})〕第", r"〔\1〕", candidate)
    candidate = re.sub(r"〔(\d{4})〕0+(\d)", r"〔\1〕\2", candidate)
    if not candidate.endswith("号"):
        candidate += "号"
    return candidate if DOCUMENT_NUMBER_RE.match(candidate) else ""


def check_document_number(value: str, *, location: str = "文号") -> list[Finding]:
    """The 文号 as 机关代字〔年份〕序号号; an empty 文号 is allowed (not every
    item is a 公文)."""
    value = (value or "").strip()
    if not value:
        return []
    message = ""
    try:
        validate_document_number(value)
    except ValidationError as error:
        message = error.messages[0]
    sequence = SEQUENCE_RE.search(value)
    if not message and sequence and sequence.group(2).startswith("0"):
        message = _(
            "文号“%(value)s”的发文顺序号不编虚位（即1不编为01），见GB/T 9704-2012。"
        ) % {"value": value}
    if not message:
        return []
    if sequence and sequence.group(1):
        message += _("发文顺序号前不加“第”字。")
    return [
        Finding(
            kind=FindingKind.DOCUMENT_NUMBER,
            severity=Severity.ERROR,
            text=value,
            location=location,
            offset=0,
            message=message,
            suggestion=_corrected_document_number(value),
        )
    ]


def check_dates(
    *, written_on: date | None, published_on: date | None, today: date
) -> list[Finding]:
    """成文日期 not in the future; 发布日期 not before 成文日期 (a forged
    publish date is a single-veto fault, domain-rules §3.2)."""
    findings = []
    if written_on and written_on > today:
        findings.append(
            Finding(
                kind=FindingKind.DATE,
                severity=Severity.ERROR,
                text=written_on.isoformat(),
                location=_("成文日期"),
                offset=0,
                message=_("成文日期%(written_on)s晚于今天，不能是将来的日期。")
                % {"written_on": written_on.isoformat()},
                suggestion=_("请核对成文日期（应不晚于%(today)s）。")
                % {"today": today.isoformat()},
            )
        )
    if written_on and published_on and published_on < written_on:
        findings.append(
            Finding(
                kind=FindingKind.DATE,
                severity=Severity.ERROR,
                text=published_on.isoformat(),
                location=_("发布日期"),
                offset=0,
                message=_(
                    "发布日期%(published_on)s早于成文日期%(written_on)s，不能先发布后成文。"
                )
                % {
                    "published_on": published_on.isoformat(),
                    "written_on": written_on.isoformat(),
                },
                suggestion=_("请核对成文日期和发布日期。"),
            )
        )
    return findings


def check_metadata(
    values: Mapping[str, object],
    *,
    required: tuple[RequiredField, ...] = DEFAULT_REQUIRED_METADATA,
) -> list[Finding]:
    """A finding for each required element that is missing or blank."""
    findings = []
    for field in required:
        value = values.get(field.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            findings.append(
                Finding(
                    kind=FindingKind.METADATA,
                    severity=field.severity,
                    text="",
                    location=field.label,
                    offset=0,
                    message=_("缺少元数据“%(label)s”。") % {"label": field.label},
                    suggestion=_("请填写%(label)s。") % {"label": field.label},
                )
            )
    return findings
