from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteHealthConfig(AppConfig):
    name = "gongkai.site_health"
    label = "site_health"
    verbose_name = _("网站健康检查")
