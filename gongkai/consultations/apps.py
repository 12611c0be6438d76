from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "gongkai.consultations"
    label = "consultations"
    verbose_name = _("征求意见")

    def ready(self):
        from gongkai.consultations import receivers, sources  # noqa: F401

        sources.register()
