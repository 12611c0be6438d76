import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from gongkai.accounts import services
from gongkai.accounts.models import User
from gongkai.accounts.validators import validate_credit_code
from gongkai.publishing.tests.factories import publish

PASSWORD = "correct-horse-battery"


def test_valid_credit_code_passes_and_wrong_check_character_fails(agency):
    validate_credit_code(agency.credit_code)
    wrong = agency.credit_code[:17] + ("0" if agency.credit_code[17] != "0" else "1")
    with pytest.raises(ValidationError, match="校验位"):
        validate_credit_code(wrong)
    with pytest.raises(ValidationError, match="18位"):
        validate_credit_code("12345")


def test_usernames_are_unique_regardless_of_case(db):
    User.objects.create_user("admin", password=PASSWORD)
    with pytest.raises(IntegrityError):
        User.objects.create_user("Admin", password=PASSWORD)


def log_in(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        **extra,
    )


def test_login_is_case_insensitive(client, db):
    User.objects.create_superuser("zhangsan", password=PASSWORD)
    log_in(client, "ZhangSan")
    assert client.session.get("_auth_user_id")


def test_short_or_common_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password

    with pytest.raises(ValidationError):
        validate_password("short1")
    with pytest.raises(ValidationError):
        validate_password("password12345")
    validate_password("齐都镇灰岩矿出让-2025")


@pytest.fixture
def departments(agency, columns):
    office = services.create_department(agency=agency, name="办公室", is_office=True)
    services.set_department_columns(department=office, columns=[columns[""]])
    farmland = services.create_department(agency=agency, name="耕保科")
    services.set_department_columns(
        department=farmland,
        columns=[columns["法定主动公开内容/重点领域信息公开/征地信息"]],
    )
    return {"office": office, "farmland": farmland}


def staff(department, username):
    user = User.objects.create_user(username, password=PASSWORD)
    services.assign_user_to_department(user=user, department=department)
    return user


def test_department_edits_its_own_columns_only(departments, columns):
    editor = staff(departments["farmland"], "gengbao")
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    mining = columns["法定主动公开内容/重点领域信息公开/矿业权信息"]
    item = publish(land, title="征地公告")
    assert land.permissions_for_user(editor).can_add_subpage()
    assert item.permissions_for_user(editor).can_edit()
    assert not mining.permissions_for_user(editor).can_add_subpage()


def test_office_edits_every_column(departments, columns):
    office_user = staff(departments["office"], "bangongshi")
    for path in [
        "法定主动公开内容/政策文件/行政规范性文件",
        "法定主动公开内容/重点领域信息公开/矿业权信息",
        "政府信息公开年报",
    ]:
        assert columns[path].permissions_for_user(office_user).can_add_subpage()


def test_moving_a_user_changes_their_permissions(departments, columns):
    user = staff(departments["farmland"], "mover")
    services.assign_user_to_department(user=user, department=departments["office"])
    assert list(user.groups.all()) == [departments["office"].group]
    assert (
        columns["法定主动公开内容/政策文件"]
        .permissions_for_user(user)
        .can_add_subpage()
    )


def test_five_wrong_passwords_lock_the_account(client, db):
    User.objects.create_superuser("locked", password=PASSWORD)
    login_url = reverse("wagtailadmin_login")
    for _ in range(5):
        client.post(login_url, {"username": "locked", "password": "wrong-password"})
    response = client.post(login_url, {"username": "locked", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "锁定" in response.content.decode()
    assert not client.session.get("_auth_user_id")


def test_idle_session_expires_after_thirty_minutes(client, db, settings):
    import time_machine

    User.objects.create_superuser("sleepy", password=PASSWORD)
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False) as traveller:
        log_in(client, "sleepy")
        assert client.get("/admin/").status_code == 200
        traveller.shift(29 * 60)
        assert client.get("/admin/").status_code == 200
        traveller.shift(31 * 60)
        response = client.get("/admin/")
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_unpublishing_is_audited_with_user_and_client_address(
    client, departments, columns
):
    # Withdrawing is an office decision: departments cannot publish or
    # unpublish on their own (三审).
    editor = User.objects.create_superuser("auditor", password=PASSWORD)
    land = columns["法定主动公开内容/重点领域信息公开/征地信息"]
    item = publish(land, title="征地公告")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    response = client.get(edit_url, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    entry_count = PageLogEntry.objects.filter(page=item).count()
    client.post(
        reverse("wagtailadmin_pages:unpublish", args=[item.pk]), REMOTE_ADDR="10.1.2.3"
    )
    entry = PageLogEntry.objects.filter(page=item).order_by("-timestamp", "-pk").first()
    assert PageLogEntry.objects.filter(page=item).count() > entry_count
    assert entry.action == "wagtail.unpublish"
    assert entry.user == editor
    assert entry.data["client_address"] == "10.1.2.3"


def test_logins_are_audited(client, db):
    user = User.objects.create_superuser("logger", password=PASSWORD)
    log_in(client, "logger", REMOTE_ADDR="192.0.2.7")
    from wagtail.models import ModelLogEntry

    (entry,) = [
        entry
        for entry in ModelLogEntry.objects.all()
        if entry.action == "accounts.logged_in"
    ]
    assert entry.user == user
    assert entry.data["client_address"] == "192.0.2.7"


def test_office_reads_the_audit_log_and_other_departments_cannot(
    client, departments, columns
):
    item = publish(
        columns["法定主动公开内容/重点领域信息公开/征地信息"], title="征地公告"
    )
    log(
        instance=item,
        action="wagtail.edit",
        user=None,
        data={"client_address": "203.0.113.5"},
    )
    client.force_login(staff(departments["office"], "reader"))
    response = client.get(reverse("accounts_audit_log"))
    assert response.status_code == 200
    assert "203.0.113.5" in response.content.decode()
    client.force_login(staff(departments["farmland"], "nosy"))
    refused = client.get(reverse("accounts_audit_log"))
    assert refused.status_code in (302, 403)
    assert "203.0.113.5" not in refused.content.decode()


def test_user_form_assigns_a_department_and_its_permissions(client, departments):
    admin = User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    add_url = reverse("wagtailusers_users:add")
    assert "所属科室" in client.get(add_url).content.decode()
    response = client.post(
        add_url,
        {
            "username": "newcomer",
            "email": "newcomer@example.gov.cn",
            "first_name": "新",
            "last_name": "同事",
            "password1": "齐都镇灰岩矿出让-2025",
            "password2": "齐都镇灰岩矿出让-2025",
            "department": departments["farmland"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="newcomer")
    assert user.department == departments["farmland"]
    assert list(user.groups.all()) == [departments["farmland"].group]
