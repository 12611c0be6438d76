"""A review team: an author, the drafting department's head, the office and
the leader, with the 三审 workflow on the column tree."""

import pytest

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.review import services
from gongkai.review.choices import ReviewLevel


@pytest.fixture
def team(agency, columns):
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    farmland = account_services.create_department(agency=agency, name="耕保科")
    account_services.set_department_columns(department=farmland, columns=[land])
    office = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    account_services.set_department_columns(department=office, columns=[columns[""]])
    workflow = services.setup_review_workflow(agency=agency, root_column=columns[""])

    def person(username, department, *levels):
        user = User.objects.create_user(username, password="a-long-password-1")
        account_services.assign_user_to_department(user=user, department=department)
        for level in levels:
            services.appoint_reviewer(agency=agency, user=user, level=level)
        return user

    return {
        "land": land,
        "department": farmland,
        "workflow": workflow,
        "author": person("author", farmland, ReviewLevel.FIRST),
        "head": person("head", farmland, ReviewLevel.FIRST, ReviewLevel.SECOND),
        "office": person("office", office, ReviewLevel.SECOND),
        "leader": person("leader", office, ReviewLevel.FINAL),
    }
