"""The office, not only a superuser, sets the health check's thresholds."""

from django.urls import reverse

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User


def test_the_office_edits_the_health_check_policy_and_departments_do_not(
    client, agency
):
    office = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    legal = account_services.create_department(agency=agency, name="法规科")
    url = reverse("wagtailsettings:edit", args=["site_health", "healthcheckpolicy"])
    for username, department, allowed in (
        ("office", office, True),
        ("legal", legal, False),
    ):
        user = User.objects.create_user(username, password="a-long-password-1")
        account_services.assign_user_to_department(user=user, department=department)
        client.force_login(user)
        response = client.get(url, follow=True)
        assert ("网站健康检查设置" in response.content.decode()) is allowed
        assert (response.redirect_chain[-1][0].startswith(url)) is allowed
