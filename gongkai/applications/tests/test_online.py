"""Filing an application on the portal and following it with its number
and query code."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.core import abuse

ID_NUMBER = "370305198001011237"


@pytest.fixture
def form_data():
    def data(**changes):
        values = {
            "applicant_type": "natural_person",
            "applicant_name": "张某",
            "id_type": "resident_id",
            "id_number": ID_NUMBER,
            "phone": "13812345678",
            "address": "临淄区凤凰镇某村",
            "info_title": "凤凰镇2026年第1批次征地补偿安置方案",
            "description": "",
            "provision_form": "electronic",
            "obtain_way": "email",
            "email": "zhang@example.com",
            "consent": "on",
            "website": "",
            "started": abuse.form_token(now=0),
        }
        values.update(changes)
        return values

    return data


@pytest.fixture(autouse=True)
def _fresh_limits():
    from django.core.cache import cache

    cache.clear()


def submit(client, data):
    return client.post(reverse("apply"), data)


@time_machine.travel(date(2026, 2, 10), tick=False)
def test_an_application_filed_online_gets_a_number_code_and_deadline(
    client, portal, form_data
):
    response = submit(client, form_data())
    assert response.status_code == 200
    html = response.content.decode()
    number = re.search(r'id="application-number">([^<]+)<', html)[1]
    code = re.search(r'id="query-code">([^<]+)<', html)[1]
    assert number.startswith("WS2026") and len(code) == 8
    # Received 2026-02-10: due after the Spring Festival (example A).
    assert "2026年3月16日" in html
    assert response["Cache-Control"].startswith("max-age=0")
    case = Application.objects.get(number=number)
    assert case.channel == "online" and case.received_on == date(2026, 2, 10)
    assert case.id_number == ID_NUMBER and case.notice_version
    assert code not in case.query_code_digest

    status = client.post(
        reverse("application_status"), {"number": number, "code": code.lower()}
    )
    page = status.content.decode()
    assert status.status_code == 200
    assert "办理中" in page and "2026年3月16日" in page and "张*" in page
    assert ID_NUMBER not in page and "13812345678" not in page

    case.replied_on, case.outcome = date(2026, 3, 2), "partly_disclosed"
    case.save()
    page = client.post(
        reverse("application_status"), {"number": number, "code": code}
    ).content.decode()
    assert "已答复" in page and "部分公开" in page


def test_a_wrong_query_code_tells_nothing(client, portal, form_data):
    submit(client, form_data())
    number = Application.objects.get().number
    response = client.post(
        reverse("application_status"), {"number": number, "code": "WRONG123"}
    )
    assert response.status_code == 400
    assert "申请编号或查询码不正确" in response.content.decode()
    assert "张*" not in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id_number": "370305198001011234"}, "id_number", "居民身份证号码不正确"),
        ({"info_title": "", "description": ""}, "description", "至少填写"),
        ({"applicant_type": "commercial", "id_number": ""}, "credit_code",
         "请填写统一社会信用代码"),
        ({"consent": ""}, "consent", "必填"),
        ({"phone": "abc"}, "phone", "有效的联系电话"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_chinese_and_nothing_is_stored(
    client, portal, form_data, changes, field, message
):
    response = submit(client, form_data(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}"' in html  # the error summary links the field
    assert not Application.objects.exists()


def test_automated_submissions_are_turned_away(client, portal, form_data):
    assert submit(client, form_data(website="http://spam")).status_code == 400
    assert submit(client, form_data(started="forged")).status_code == 400
    too_fast = form_data(started=abuse.form_token())
    assert submit(client, too_fast).status_code == 400
    assert not Application.objects.exists()


def test_the_sixth_application_in_an_hour_gets_429(client, portal, form_data, settings):
    for _ in range(settings.APPLICATION_LIMIT_PER_HOUR):
        assert submit(client, form_data()).status_code == 200
    response = submit(client, form_data())
    assert response.status_code == 429
    assert "提交次数过多" in response.content.decode()
    assert Application.objects.count() == settings.APPLICATION_LIMIT_PER_HOUR


def test_attachments_are_checked_kept_private_and_shown_to_staff(
    client, portal, form_data, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.accounts import services as account_services
    from gongkai.accounts.models import User

    fake = SimpleUploadedFile("身份证明.pdf", b"MZ\x90\x00 not a pdf")
    response = submit(client, {**form_data(), "attachments": [fake]})
    assert response.status_code == 400
    assert "身份证明.pdf" in response.content.decode()
    assert not Application.objects.exists()

    proof = SimpleUploadedFile("身份证明.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    response = submit(client, {**form_data(), "attachments": [proof]})
    assert response.status_code == 200
    case = Application.objects.get()
    attachment = case.attachments.get()
    assert attachment.name == "身份证明.pdf"
    path = attachment.file.path
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with open(path, "rb") as stored:  # sealed at rest under a random name
        assert b"%PDF" not in stored.read()
    assert case.number not in path

    office = account_services.create_department(
        agency=portal["home"].agency, name="办公室", is_office=True
    )
    user = User.objects.create_user("office", password="a-long-password-1")
    account_services.assign_user_to_department(user=user, department=office)
    client.force_login(user)
    url = reverse("applications_attachment", args=[attachment.pk])
    assert (
        "身份证明.pdf"
        in client.get(reverse("applications_case", args=[case.pk])).content.decode()
    )
    download = client.get(url)
    assert download.content.startswith(b"%PDF-1.4")
