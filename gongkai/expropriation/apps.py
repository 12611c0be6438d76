from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpropriationConfig(AppConfig):
    name = "gongkai.expropriation"
    label = "expropriation"
    verbose_name = _("征地信息")

    def ready(self):
        # receivers: signal handlers, connected on import.
        from gongkai.expropriation import receivers, sources  # noqa: F401

        sources.register()
