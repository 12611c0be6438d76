"""Background work of the health check: thin wrappers around services."""

from django_tasks import task

from gongkai.accounts.models import Agency, User
from gongkai.site_health import services
from gongkai.site_health.choices import Trigger


@task()
def run_health_check_task(agency_id: int, user_id: int | None = None) -> int:
    """A check asked for in the back office; returns the run's id."""
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    run = services.run_health_check(
        agency=Agency.objects.get(pk=agency_id), actor=actor, trigger=Trigger.ADMIN
    )
    return run.pk
