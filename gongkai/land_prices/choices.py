from django.db import models
from django.utils.translation import gettext_lazy as _


class PriceKind(models.TextChoices):
    BENCHMARK = "benchmark", _("基准地价")
    STANDARD = "standard", _("标定地价")


class Indicator(models.TextChoices):
    """Quarterly figures and their units."""

    MONITORED_PRICE = "monitored_price", _("城市地价监测（元/平方米）")
    REAL_ESTATE_SUPPLY = "real_estate_supply", _("房地产用地供应（公顷）")


class PriceUse(models.TextChoices):
    """Uses of the land-price system (《城镇土地估价规程》)."""

    COMMERCIAL = "commercial", _("商服用地")
    RESIDENTIAL = "residential", _("住宅用地")
    INDUSTRIAL = "industrial", _("工业用地")
    PUBLIC = "public", _("公共管理与公共服务用地")
