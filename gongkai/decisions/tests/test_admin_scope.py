"""A department sees and changes only its own decisions, consultations and
evaluations in the back office, by whatever address; its forms offer only
its own department and its agency's catalogues."""

import pytest
from django.urls import reverse

from gongkai.consultations.models import Consultation
from gongkai.consultations.tests.factories import draft_consultation
from gongkai.decisions.models import Decision

pytestmark = pytest.mark.django_db


def _url(model, view, pk=None):
    name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}"
    return reverse(name, args=[pk] if pk is not None else [])


@pytest.mark.parametrize("view", ["edit", "history", "usage", "delete"])
def test_another_department_cannot_open_a_decision_or_consultation(
    client, bureau, decision, view
):
    consultation = draft_consultation(bureau, decision)
    client.force_login(bureau["outsider"])
    for model, pk in ((Decision, decision.pk), (Consultation, consultation.pk)):
        assert client.get(_url(model, view, pk)).status_code in (403, 302)
        assert decision.title not in client.get(_url(model, view, pk)).text
    client.force_login(bureau["clerk"])
    assert client.get(_url(Decision, "edit", decision.pk)).status_code == 200


def test_records_cannot_be_copied_into_a_new_form(client, bureau, decision):
    client.force_login(bureau["office"])
    assert client.get(f"{_url(Decision, 'list')}copy/{decision.pk}/").status_code == 404


def test_the_add_form_offers_only_the_users_department(client, bureau, decision):
    client.force_login(bureau["outsider"])
    page = client.get(_url(Decision, "add"))
    assert page.status_code == 200
    form = page.context["form"]
    assert list(form.fields["department"].queryset) == [bureau["other"]]
    response = client.post(
        _url(Decision, "add"),
        {
            "catalogue": decision.catalogue.pk,
            "number": 2,
            "title": "冒用法规科名义的事项",
            "department": bureau["legal"].pk,
            "planned_on": "2026-12-30",
        },
    )
    assert response.status_code == 200
    assert "department" in response.context["form"].errors
    assert not Decision.objects.filter(title="冒用法规科名义的事项").exists()
