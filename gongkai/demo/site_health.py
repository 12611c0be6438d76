"""The demo bureau's first health check, so that the office's 网站健康检查
page opens on a verdict with its reasons (external links are not fetched:
the demo must not depend on the internet)."""

from gongkai.accounts.models import Agency
from gongkai.site_health import selectors, services
from gongkai.site_health.choices import Trigger


def demo_health_check(*, agency: Agency) -> None:
    """Run the check once; loading the demo again keeps the first run."""
    if selectors.latest_run(agency=agency) is None:
        services.run_health_check(
            agency=agency, trigger=Trigger.DEMO, check_external=False
        )
