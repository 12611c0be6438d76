"""What a check found: one ``Finding`` per offending text, in Chinese."""

from dataclasses import asdict, dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class FindingKind(models.TextChoices):
    PERSONAL_ID = "personal_id", _("身份证号码")
    MOBILE = "mobile", _("手机号码")
    BANK_CARD = "bank_card", _("银行卡号")
    SENSITIVE = "sensitive", _("敏感或禁用表述")
    MISSPELLING = "misspelling", _("错别字")
    DOCUMENT_NUMBER = "document_number", _("文号")
    DATE = "date", _("日期")
    METADATA = "metadata", _("元数据")
    LINK = "link", _("链接")
    # A statutory period the item's publication would break (another
    # capability's rule, through the ``item_precheck_findings`` hook).
    PERIOD = "period", _("法定期限")
    # A file whose text could not be read was not checked at all; a person
    # has to look at it (PI-05 covers attachments too).
    UNREADABLE = "unreadable", _("无法检查的文件")


class Severity(models.TextChoices):
    """Errors block submission; a warning may be passed with a written
    reason (issue #3, 机器预审)."""

    ERROR = "error", _("错误")
    WARNING = "warning", _("警告")


@dataclass(frozen=True)
class Finding:
    """One problem: ``text`` was found at ``offset`` of the text named by
    ``location`` ("正文", "标题", "附件《明细.docx》"…)."""

    kind: str
    severity: str
    text: str
    location: str
    offset: int
    message: str
    suggestion: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    @property
    def kind_label(self) -> str:
        return str(FindingKind(self.kind).label)

    @property
    def severity_label(self) -> str:
        return str(Severity(self.severity).label)

    def as_dict(self) -> dict:
        """Plain values for JSON, with the Chinese labels of kind and
        severity."""
        data = {key: str(value) for key, value in asdict(self).items()}
        data["offset"] = self.offset
        data["kind_label"] = self.kind_label
        data["severity_label"] = self.severity_label
        return data


def blocking(findings: list[Finding]) -> list[Finding]:
    """The findings that block submission (errors)."""
    return [finding for finding in findings if finding.is_error]


def needing_reason(findings: list[Finding]) -> list[Finding]:
    """The findings that may be passed with a written reason (warnings)."""
    return [finding for finding in findings if not finding.is_error]


def count_by_kind(findings: list[Finding]) -> dict[str, int]:
    """Hits per kind; reported as counts, never turned into a deduction
    score (domain-rules §3.2 and §7 item 5b: values unconfirmed)."""
    counts: dict[str, int] = {}
    for finding in findings:
        kind = str(finding.kind)
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def period_finding(*, severity: str, location: str, message: str) -> Finding:
    """A statutory period the item's publication would break, as another
    capability reports it through the ``item_precheck_findings`` hook."""
    return Finding(
        kind=FindingKind.PERIOD,
        severity=severity,
        text="",
        location=location,
        offset=0,
        message=message,
    )
