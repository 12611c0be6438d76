"""Classifications of a government-information item (domain-rules §3.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Validity(models.TextChoices):
    """有效性: a lapsed or repealed document stays published, visibly marked
    (国办发〔2017〕47号: mark it clearly on the original)."""

    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class Topic(models.TextChoices):
    """主题分类, the State Council's subject classification."""

    GENERAL = "general", _("综合政务")
    ECONOMY = "economy", _("国民经济管理、国有资产监管")
    FINANCE = "finance", _("财政、金融、审计")
    LAND_ENERGY = "land_energy", _("国土资源、能源")
    AGRICULTURE = "agriculture", _("农业、林业、水利")
    INDUSTRY = "industry", _("工业、交通")
    COMMERCE = "commerce", _("商贸、海关、旅游")
    MARKET = "market", _("市场监管、安全生产监管")
    CONSTRUCTION = "construction", _("城乡建设、环境保护")
    SCIENCE = "science", _("科技、教育")
    CULTURE = "culture", _("文化、广电、新闻出版")
    HEALTH = "health", _("卫生、体育")
    POPULATION = "population", _("人口与计划生育、妇女儿童工作")
    LABOUR = "labour", _("劳动、人事、监察")
    SECURITY = "security", _("公安、安全、司法")
    CIVIL_AFFAIRS = "civil_affairs", _("民政、扶贫、救灾")
    ETHNIC = "ethnic", _("民族、宗教")
    FOREIGN = "foreign", _("对外事务")
    HK_MACAO_TAIWAN = "hk_macao_taiwan", _("港澳台侨工作")
    DEFENCE = "defence", _("国防")
    OTHER = "other", _("其他")


class Genre(models.TextChoices):
    """体裁/信息类别."""

    NOTICE = "notice", _("通知")
    ANNOUNCEMENT = "announcement", _("公告")
    PUBLICITY = "publicity", _("公示")
    OPINION = "opinion", _("意见")
    MEASURES = "measures", _("办法")
    PLAN = "plan", _("规划")
    REPORT = "report", _("报告")
    INTERPRETATION = "interpretation", _("解读")
    DECISION = "decision", _("决定")
    OTHER = "other", _("其他")


def choice_by_label(choices: type[models.TextChoices], label: str) -> str | None:
    """The value whose Chinese label is ``label`` (imports speak in labels)."""
    label = label.strip()
    for value, choice_label in choices.choices:
        if str(choice_label) == label or value == label:
            return value
    return None
