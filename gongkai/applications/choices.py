"""Classifications of an information-disclosure application, as the 2021
annual-report format (国办公开办函〔2021〕30号) and 条例 Art. 31 name them
(domain-rules §1.2, §2.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How the application arrived (条例 Art. 31 fixes the receipt date by it)."""

    IN_PERSON = "in_person", _("当面")
    POST = "post", _("邮寄")
    ONLINE = "online", _("网络")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


class ApplicantType(models.TextChoices):
    """The columns of table 三: 自然人, and the five kinds of 法人或其他组织."""

    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER = "other", _("其他")


class Outcome(models.TextChoices):
    """How a case was closed: one leaf row of table 三's 三、本年度办理结果.
    The label is the ledger's form: the category, and after a full-width
    colon the row's reason without its number."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTLY_DISCLOSED = "partly_disclosed", _("部分公开")
    WITHHELD_STATE_SECRET = "withheld_state_secret", _("不予公开：属于国家秘密")
    WITHHELD_BY_LAW = "withheld_by_law", _("不予公开：其他法律行政法规禁止公开")
    WITHHELD_SECURITY = "withheld_security", _("不予公开：危及“三安全一稳定”")
    WITHHELD_THIRD_PARTY = "withheld_third_party", _("不予公开：保护第三方合法权益")
    WITHHELD_INTERNAL = "withheld_internal", _("不予公开：属于三类内部事务信息")
    WITHHELD_PROCESS = "withheld_process", _("不予公开：属于四类过程性信息")
    WITHHELD_ENFORCEMENT = "withheld_enforcement", _("不予公开：属于行政执法案卷")
    WITHHELD_QUERY = "withheld_query", _("不予公开：属于行政查询事项")
    UNAVAILABLE_NOT_HELD = (
        "unavailable_not_held",
        _("无法提供：本机关不掌握相关政府信息"),
    )
    UNAVAILABLE_NEEDS_MAKING = (
        "unavailable_needs_making",
        _("无法提供：没有现成信息需要另行制作"),
    )
    UNAVAILABLE_UNCLEAR = "unavailable_unclear", _("无法提供：补正后申请内容仍不明确")
    NOT_HANDLED_PETITION = "not_handled_petition", _("不予处理：信访举报投诉类申请")
    NOT_HANDLED_REPEAT = "not_handled_repeat", _("不予处理：重复申请")
    NOT_HANDLED_PUBLICATION = (
        "not_handled_publication",
        _("不予处理：要求提供公开出版物"),
    )
    NOT_HANDLED_EXCESSIVE = (
        "not_handled_excessive",
        _("不予处理：无正当理由大量反复申请"),
    )
    NOT_HANDLED_CONFIRMATION = (
        "not_handled_confirmation",
        _("不予处理：要求行政机关确认或重新出具已获取信息"),
    )
    OTHER_NOT_CORRECTED = (
        "other_not_corrected",
        _("其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        _(
            "其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        ),
    )
    OTHER = "other", _("其他处理：其他")


class ProvisionForm(models.TextChoices):
    """The form the information is wanted in (条例 Art. 29(三), Art. 40)."""

    PAPER = "paper", _("纸质文本")
    ELECTRONIC = "electronic", _("电子文档")
    OTHER = "other", _("其他")


class ObtainWay(models.TextChoices):
    """How the applicant will obtain it."""

    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    IN_PERSON = "in_person", _("当面领取")
    ONLINE = "online", _("网上获取")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO_TAIWAN = "hk_macao_taiwan", _("港澳台居民居住证或通行证")
    OTHER = "other", _("其他有效证件")
