"""A bureau with its office, the 法规科 handling a decision, reviewers for
三审 (a first-level reviewer who is not the clerk who writes), and a
published 2026 decision catalogue with one decision."""

import datetime as dt

import pytest

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.decisions.models import Decision, DecisionCatalogue
from gongkai.review import services as review_services
from gongkai.review.choices import ReviewLevel


@pytest.fixture
def bureau(agency, columns):
    office = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    account_services.set_department_columns(department=office, columns=[columns[""]])
    legal = account_services.create_department(agency=agency, name="法规科")
    account_services.set_department_columns(
        department=legal, columns=[columns["法定主动公开内容/重大行政决策"]]
    )
    other = account_services.create_department(agency=agency, name="耕保科")
    review_services.setup_review_workflow(agency=agency, root_column=columns[""])

    def person(username, department, *levels):
        user = User.objects.create_user(username, password="a-long-password-1")
        account_services.assign_user_to_department(user=user, department=department)
        for level in levels:
            review_services.appoint_reviewer(agency=agency, user=user, level=level)
        return user

    return {
        "agency": agency,
        "legal": legal,
        "other": other,
        "clerk": person("clerk", legal),
        "checker": person("checker", legal, ReviewLevel.FIRST),
        "head": person("head", legal, ReviewLevel.SECOND),
        "office": person("office", office),
        "leader": person("leader", office, ReviewLevel.FINAL),
        "outsider": person("outsider", other),
        "column": columns["法定主动公开内容/重大行政决策"],
    }


@pytest.fixture
def decision(bureau):
    catalogue = DecisionCatalogue.objects.create(
        agency=bureau["agency"],
        year=2026,
        approved_on=dt.date(2026, 3, 2),
        published_on=dt.date(2026, 3, 10),
    )
    return Decision.objects.create(
        catalogue=catalogue,
        number=1,
        title="制定临淄区国有建设用地使用权出让管理办法",
        department=bureau["legal"],
        planned_on=dt.date(2026, 10, 30),
    )
