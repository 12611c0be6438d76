from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "gongkai.decisions"
    label = "decisions"
    verbose_name = _("重大行政决策")

    def ready(self):
        from gongkai.decisions import receivers  # noqa: F401
