"""The demo: the office opens the health check and reads a verdict with
its reasons."""

import pytest
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.demo.services import load_demo_bureau
from gongkai.site_health.models import HealthCheckRun

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_after_loading_the_demo_the_office_reads_a_verdict_with_reasons(client):
    load_demo_bureau()
    load_demo_bureau()
    run = HealthCheckRun.objects.get()
    assert run.trigger == "demo" and not run.external_links_checked
    client.force_login(User.objects.get(username="office"))
    html = client.get(reverse("site_health_dashboard")).content.decode()
    assert "检查结论：" in html
    if run.verdict == "failed":
        assert run.reasons and run.reasons[0] in html
