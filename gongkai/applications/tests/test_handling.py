"""Handling a case in the back office: registration by channel, 补正,
consultations that stop the clock, the one extension, the reply with its
generated letter, the read-only archive, reminders, the audited reveal of
personal data, and 依申请转主动 prompts."""

import io
import json
import zipfile
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from docx import Document
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.applications import services
from gongkai.applications.models import (
    Application,
    ConsultationKind,
    LetterTemplate,
    ProactiveReview,
)
from gongkai.applications.selectors import annual_report_figures
from gongkai.core.errors import DomainError

ID_NUMBER = "370305198001011237"
PHONE = "13812345678"
PASSWORD = "a-long-password-1"


@pytest.fixture
def office(agency):
    department = account_services.create_department(
        agency=agency, name="办公室", is_office=True
    )
    user = User.objects.create_user(
        "office", password=PASSWORD, email="office@example.com", first_name="王办"
    )
    account_services.assign_user_to_department(user=user, department=department)
    return user


@pytest.fixture
def planning(agency):
    """A department asked to help (协助调查), and one of its staff."""
    department = account_services.create_department(agency=agency, name="规划科")
    user = User.objects.create_user(
        "planner", password=PASSWORD, email="planner@example.com"
    )
    account_services.assign_user_to_department(user=user, department=department)
    return department, user


def make_case(agency, **changes):
    values = {
        "agency": agency,
        "number": "DM2026001",
        "channel": "in_person",
        "received_on": date(2026, 3, 2),
        "applicant_type": "natural_person",
        "applicant_name": "李某某",
        "id_type": "居民身份证",
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "address": "临淄区凤凰镇东召口村",
        "info_title": "凤凰镇2026年第1批次征地补偿安置方案",
        "description": "凤凰镇2026年第1批次征地补偿安置方案及其批复",
    }
    values.update(changes)
    application = Application.objects.create(**values)
    services.refresh_deadline(application)
    return application


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_staff_register_an_application_received_in_person(
    client, agency, office, planning
):
    client.force_login(office)
    response = client.post(
        reverse("wagtailsnippets_applications_application:add"),
        {
            "agency": agency.pk,
            "number": "DM2026001",
            "channel": "in_person",
            "received_on": "2026-03-02",
            "applicant_type": "natural_person",
            "applicant_name": "李某某",
            "id_type": "居民身份证",
            "id_number": ID_NUMBER,
            "phone": PHONE,
            "description": "凤凰镇征地补偿安置方案",
            "handling_departments": [planning[0].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Application.objects.get()
    assert case.reply_due_on == date(2026, 3, 30)
    assert list(case.handling_departments.all()) == [planning[0]]

    listing = client.get(reverse("wagtailsnippets_applications_application:list"))
    html = listing.content.decode()
    assert "DM2026001" in html and "李**" in html and "2026年3月30日" in html
    assert ID_NUMBER not in html and PHONE not in html and "李某某" not in html

    # The edit form never shows the sealed data back; left blank, it is kept.
    edit = client.get(
        reverse("wagtailsnippets_applications_application:edit", args=[case.pk])
    )
    assert ID_NUMBER not in edit.content.decode()
    assert "370***********1237" in edit.content.decode()


@time_machine.travel(date(2026, 3, 3), tick=False)
def test_a_receipt_date_in_the_future_is_refused(client, agency, office):
    client.force_login(office)
    response = client.post(
        reverse("wagtailsnippets_applications_application:add"),
        {
            "agency": agency.pk,
            "number": "DM2026009",
            "channel": "post",
            "received_on": "2026-03-04",
            "applicant_type": "commercial",
            "applicant_name": "某某置业有限公司",
            "description": "某地块出让合同",
        },
    )
    assert "收到日期不能晚于今天" in response.content.decode()
    assert not Application.objects.exists()


def test_a_correction_restarts_the_clock_and_a_consultation_stops_it(agency, office):
    case = make_case(agency)
    assert case.reply_due_on == date(2026, 3, 30)
    letter = services.request_correction(
        application=case,
        items="请写明所需信息的文号或批次。",
        requested_on=date(2026, 3, 4),
        due_on=date(2026, 3, 18),
        user=office,
    )
    assert letter.title == "补正告知书"
    assert letter.reference == "临自然资依申告〔2026〕1号"
    assert "请写明所需信息的文号或批次" in letter.body
    assert "2026年3月18日" in letter.body
    case.refresh_from_db()
    assert case.reply_due_on is None  # waiting for the correction
    with pytest.raises(DomainError, match="一次性"):
        services.request_correction(
            application=case,
            items="再补正",
            requested_on=date(2026, 3, 5),
            due_on=date(2026, 3, 19),
        )

    services.record_correction(application=case, received_on=date(2026, 3, 10))
    case.refresh_from_db()
    assert case.reply_due_on == date(2026, 4, 8)  # 20 wd from 10 March

    # Inside consultation (会商) does not stop the clock...
    services.start_consultation(
        application=case,
        kind=ConsultationKind.DEPARTMENT,
        party="规划科",
        subject="是否掌握该方案",
        sent_on=date(2026, 3, 11),
    )
    case.refresh_from_db()
    assert case.reply_due_on == date(2026, 4, 8)
    # ...asking a third party does: 12, 13 and 16 March are not counted.
    consultation = services.start_consultation(
        application=case,
        kind=ConsultationKind.THIRD_PARTY,
        party="某某置业有限公司",
        subject="公开补偿协议是否损害贵公司合法权益",
        sent_on=date(2026, 3, 11),
        user=office,
    )
    third_party_letter = case.letters.get(kind="third_party")
    assert third_party_letter.reference == "临自然资依申告〔2026〕2号"
    assert third_party_letter.recipient == "某某置业有限公司"
    assert "2026年4月1日" in third_party_letter.body  # 15 wd to answer
    assert "李某某" not in third_party_letter.body
    services.record_answer(
        consultation=consultation, answered_on=date(2026, 3, 16), answer="不同意公开"
    )
    case.refresh_from_db()
    assert case.reply_due_on == date(2026, 4, 13)

    services.extend(
        application=case,
        working_days=10,
        reason="所申请信息涉及多个科室，需要检索、核实",
        approved_by="张主任",
        approved_on=date(2026, 4, 8),
        user=office,
    )
    case.refresh_from_db()
    assert case.reply_due_on == date(2026, 4, 27)
    extension = case.letters.get(kind="extension")
    assert "10个工作日" in extension.body and "2026年4月27日" in extension.body
    with pytest.raises(DomainError, match="只能延长一次"):
        services.extend(
            application=case,
            working_days=5,
            reason="再延",
            approved_by="张主任",
            approved_on=date(2026, 4, 9),
        )


def test_an_extension_needs_the_heads_approval_and_at_most_20_days(agency):
    case = make_case(agency)
    with pytest.raises(DomainError, match="20"):
        services.extend(
            application=case,
            working_days=21,
            reason="量大",
            approved_by="张主任",
            approved_on=date(2026, 3, 20),
        )
    with pytest.raises(DomainError, match="负责人同意"):
        services.extend(
            application=case,
            working_days=5,
            reason="量大",
            approved_by=" ",
            approved_on=date(2026, 3, 20),
        )
    case.refresh_from_db()
    assert case.extension_working_days == 0 and not case.letters.exists()


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_the_reply_closes_the_case_with_a_letter_and_the_case_becomes_read_only(
    client, agency, office, portal
):
    case = make_case(agency)
    client.force_login(office)
    url = reverse("applications_case_action", args=[case.pk, "reply"])
    response = client.post(
        url,
        {
            "outcome": "partly_disclosed",
            "legal_basis": "《中华人民共和国政府信息公开条例》第三十七条",
            "reply_text": "现向您提供补偿安置方案；其中被征收人身份证号码属于个人隐私，不予公开。",
            "replied_on": "2026-03-20",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.is_closed and case.outcome == "partly_disclosed"
    letter = case.letters.get(kind="reply")
    assert "部分公开" in letter.body and "第三十七条" in letter.body
    assert "60日内" in letter.body and "6个月内" in letter.body
    assert "0533-7180000" in letter.body  # the agency's contact number

    docx = client.get(reverse("applications_letter", args=[letter.pk, "docx"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "政府信息公开申请答复告知书" in text and "临淄区自然资源局" in text
    assert "2026年3月20日" in text
    pdf = client.get(reverse("applications_letter", args=[letter.pk, "pdf"]))
    extracted = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages
    )
    assert "李某某" in "".join(extracted.split())

    # Closed: no step and no edit changes it any more.
    again = client.post(
        reverse("applications_case_action", args=[case.pk, "extension"]),
        {
            "working_days": 5,
            "reason": "x",
            "approved_by": "x",
            "approved_on": "2026-03-20",
        },
    )
    assert again.status_code == 302 and case.letters.count() == 1
    edit = client.post(
        reverse("wagtailsnippets_applications_application:edit", args=[case.pk]),
        {"agency": agency.pk, "number": "CHANGED", "channel": "post",
         "received_on": "2026-03-02", "applicant_type": "natural_person",
         "applicant_name": "李某某", "description": "x"},
    )  # fmt: skip
    assert "已办结归档" in edit.content.decode()
    case.refresh_from_db()
    assert case.number == "DM2026001"

    figures = annual_report_figures(agency=agency, year=2026)
    table = figures["三、收到和处理政府信息公开申请情况"]
    assert (
        table["三、本年度办理结果"][
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        ]["自然人"]
        == 1
    )


def test_a_refused_step_says_why_and_changes_nothing(client, agency, office):
    case = make_case(agency)
    client.force_login(office)
    response = client.post(
        reverse("applications_case_action", args=[case.pk, "reply"]),
        {
            "outcome": "disclosed",
            "legal_basis": "第三十六条",
            "reply_text": "提供",
            "replied_on": "2026-02-01",
        },
    )
    assert response.status_code == 400
    assert "答复日期不能早于收到申请日期" in response.content.decode()
    case.refresh_from_db()
    assert not case.is_closed and not case.letters.exists()


def test_the_applicant_downloads_the_reply_from_the_status_page(client, portal, agency):
    filed = services.file_online_application(
        agency=agency,
        data={
            "applicant_type": "natural_person",
            "applicant_name": "张某",
            "id_number": ID_NUMBER,
            "phone": PHONE,
            "description": "某村征地批复",
        },
    )
    services.reply(
        application=filed.application,
        outcome="disclosed",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（二）项",
        reply_text="批复全文附后。",
        replied_on=filed.application.received_on,
    )
    page = client.post(
        reverse("application_status"),
        {"number": filed.application.number, "code": filed.query_code},
    ).content.decode()
    assert "批复全文附后" in page and "政府信息公开申请答复告知书" in page
    link = page.split('href="/apply/letters/')[1].split('"')[0]
    download = client.get(f"/apply/letters/{link}")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert client.get("/apply/letters/forged-token/pdf/").status_code == 404


def test_only_the_office_reveals_full_data_and_every_reveal_is_audited(
    client, agency, office, planning
):
    case = make_case(agency)
    department, planner = planning
    case.handling_departments.add(department)
    url = reverse("applications_reveal", args=[case.pk])

    client.force_login(planner)
    page = client.get(reverse("applications_case", args=[case.pk])).content.decode()
    assert "李**" in page and ID_NUMBER not in page and "显示完整个人信息" not in page
    assert client.get(url).status_code in (302, 403)

    client.force_login(office)
    wrong = client.post(url, {"password": "wrong", "reason": "核对身份"})
    assert ID_NUMBER not in wrong.content.decode()
    assert not ModelLogEntry.objects.filter(
        action="applications.personal_data_revealed"
    ).exists()
    assert ModelLogEntry.objects.filter(
        action="applications.personal_data_reveal_refused", user=office
    ).exists()
    right = client.post(url, {"password": PASSWORD, "reason": "邮寄答复需核对地址"})
    assert ID_NUMBER in right.content.decode() and PHONE in right.content.decode()
    entry = ModelLogEntry.objects.get(action="applications.personal_data_revealed")
    assert entry.user == office and entry.data["reason"] == "邮寄答复需核对地址"


def test_a_department_sees_only_the_cases_assigned_to_it(client, agency, planning):
    case = make_case(agency)
    client.force_login(planning[1])
    assert client.get(reverse("applications_case", args=[case.pk])).status_code in (
        302,
        403,
    )
    case.handling_departments.add(planning[0])
    assert client.get(reverse("applications_case", args=[case.pk])).status_code == 200


def test_the_case_file_exports_as_one_archive(client, agency, office, planning):
    case = make_case(agency)
    services.request_correction(
        application=case,
        items="文号",
        requested_on=date(2026, 3, 3),
        due_on=date(2026, 3, 17),
        user=office,
    )
    services.record_correction(application=case, received_on=date(2026, 3, 5))
    services.reply(
        application=case,
        outcome="unavailable_not_held",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（四）项",
        reply_text="经检索，本机关未制作、获取该信息。",
        replied_on=date(2026, 3, 20),
        user=office,
    )
    letter = case.letters.get(kind="reply")
    services.record_delivery(
        letter=letter, delivered_on=date(2026, 3, 21), method="挂号信"
    )

    client.force_login(office)
    export = reverse("applications_export", args=[case.pk])
    archive = zipfile.ZipFile(io.BytesIO(client.post(export).content))
    names = archive.namelist()
    assert sum(name.endswith(".pdf") for name in names) == 2
    assert sum(name.endswith(".docx") for name in names) == 2
    record = json.loads(archive.read("01-申请登记.json"))
    # Masked unless the office has just re-entered its password.
    assert record["证件号码"] == "370***********1237"
    assert record["联系电话"] == "138****5678"
    deliveries = json.loads(archive.read("04-送达记录.json"))
    assert deliveries[-1]["送达方式"] == "挂号信"
    history = json.loads(archive.read("05-办理记录.json"))
    assert [entry["操作"] for entry in history].count("答复办结") == 1

    client.post(
        reverse("applications_reveal", args=[case.pk]),
        {"password": PASSWORD, "reason": "移交档案室归档"},
    )
    full = zipfile.ZipFile(io.BytesIO(client.post(export).content))
    assert json.loads(full.read("01-申请登记.json"))["证件号码"] == ID_NUMBER
    assert ModelLogEntry.objects.filter(action="applications.exported").count() == 2

    case.handling_departments.add(planning[0])
    client.force_login(planning[1])
    masked = zipfile.ZipFile(io.BytesIO(client.post(export).content))
    record = json.loads(masked.read("01-申请登记.json"))
    assert record["证件号码"] == "370***********1237"


def test_deadlines_are_flagged_and_mailed_once(client, agency, office, planning):
    due_soon = make_case(agency, number="A1")  # due 30 March
    overdue = make_case(agency, number="A2", received_on=date(2026, 2, 2))
    make_case(agency, number="A3", received_on=date(2026, 3, 20))
    due_soon.handling_departments.add(planning[0])
    with time_machine.travel(date(2026, 3, 24), tick=False):
        assert services.remind_deadlines() == 2
        assert services.remind_deadlines() == 0
        client.force_login(office)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
    late = next(message for message in mail.outbox if "A2" in message.subject)
    assert late.subject.startswith("【已超期】")
    soon = next(message for message in mail.outbox if "A1" in message.subject)
    assert soon.subject.startswith("【即将到期】") and "2026年3月30日" in soon.subject
    assert sorted(soon.to) == ["office@example.com", "planner@example.com"]
    panel = home.split('id="due-applications-heading"')[1]
    assert ">A1<" in panel and ">A2<" in panel and ">A3<" not in panel
    assert overdue.reply_due_on < date(2026, 3, 24)

    # An extension moves the date: its own reminder goes out when due again.
    services.extend(
        application=due_soon,
        working_days=10,
        reason="需要向多个科室检索",
        approved_by="张主任",
        approved_on=date(2026, 3, 24),
    )
    due_soon.refresh_from_db()
    assert due_soon.reply_due_on == date(2026, 4, 14)
    with time_machine.travel(date(2026, 4, 8), tick=False):
        mail.outbox.clear()
        services.remind_deadlines()
    assert any("A1" in message.subject for message in mail.outbox)


def test_a_loaded_arrangement_makes_provisional_deadlines_final(
    agency, django_capture_on_commit_callbacks
):
    from gongkai.core.services import ArrangementDay, load_holiday_arrangement

    case = make_case(agency, received_on=date(2026, 12, 10))
    assert case.reply_due_on == date(2027, 1, 8) and case.reply_due_provisional
    # Suppose the State Council gives 1 January and 4–8 January 2027 off.
    with django_capture_on_commit_callbacks(execute=True):
        load_holiday_arrangement(
            days=[
                ArrangementDay(
                    day=date(2027, 1, day), is_working_day=False, name="元旦"
                )
                for day in (1, 4, 5, 6, 7, 8)
            ]
        )
    case.refresh_from_db()
    assert not case.reply_due_provisional
    assert case.reply_due_on == date(2027, 1, 15)


def test_similar_requests_from_several_applicants_prompt_proactive_review(agency):
    first = make_case(agency, number="B1")
    services.prompt_proactive_review(first)
    assert not ProactiveReview.objects.exists()
    # The same applicant again is not "several applicants".
    again = make_case(agency, number="B2", received_on=date(2026, 3, 5))
    assert services.prompt_proactive_review(again) is None
    other = make_case(
        agency,
        number="B3",
        applicant_name="王某",
        id_number="370305199002023452",
        info_title="",
        description="申请公开凤凰镇2026年第1批次征地补偿安置方案",
        received_on=date(2026, 3, 9),
    )
    make_case(
        agency,
        number="B4",
        applicant_name="赵某",
        id_number="",
        info_title="",
        description="2025年土地出让收支情况",
    )
    review = services.prompt_proactive_review(other)
    assert review is not None
    assert {case.number for case in review.applications.all()} == {"B1", "B2", "B3"}


def test_an_edited_letter_template_is_used_and_a_bad_one_refused(agency, office):
    template = services.letter_template(agency=agency, kind="correction")
    template.body = "{{申请人}}：请补充{{补正事项}}，期限{{补正期限}}。{{联系电话}}"
    template.full_clean()
    template.save()
    case = make_case(agency)
    letter = services.request_correction(
        application=case,
        items="身份证明",
        requested_on=date(2026, 3, 3),
        due_on=date(2026, 3, 17),
        user=office,
    )
    assert letter.body == "李某某：请补充身份证明，期限2026年3月17日。0533-7180000"

    template.body = "{{申请日期}}"
    with pytest.raises(Exception, match="未知的占位符"):
        template.full_clean()
    assert LetterTemplate.objects.get(pk=template.pk).body.startswith("{{申请人}}")


def test_an_application_not_corrected_in_time_is_closed_as_abandoned(agency):
    from django.core.management import call_command

    case = make_case(agency)
    services.request_correction(
        application=case,
        items="请提供身份证明。",
        requested_on=date(2026, 3, 4),
        due_on=date(2026, 3, 18),
    )
    # The period ends 18 March; three working days' grace let a letter that
    # came on the last day be registered first.
    with time_machine.travel(date(2026, 3, 23), tick=False):
        call_command("remind_application_deadlines", verbosity=0)
    case.refresh_from_db()
    assert not case.is_closed
    with time_machine.travel(date(2026, 3, 24), tick=False):
        call_command("remind_application_deadlines", verbosity=0)
    case.refresh_from_db()
    assert case.is_closed and case.replied_on == date(2026, 3, 24)
    assert case.outcome == "other_not_corrected"
    table = annual_report_figures(agency=agency, year=2026)[
        "三、收到和处理政府信息公开申请情况"
    ]["三、本年度办理结果"]["（六）其他处理"]
    assert (
        table["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"][
            "自然人"
        ]
        == 1
    )


def test_the_statutory_limits_of_each_step_are_enforced(agency):
    case = make_case(agency)  # received Monday 2 March 2026
    with time_machine.travel(date(2026, 3, 20), tick=False):
        # The correction notice is due within 7 working days (11 March).
        with pytest.raises(DomainError, match="7个工作日内"):
            services.request_correction(
                application=case,
                items="文号",
                requested_on=date(2026, 3, 12),
                due_on=date(2026, 3, 26),
            )
        with pytest.raises(DomainError, match="不能晚于今天"):
            services.reply(
                application=case,
                outcome="disclosed",
                legal_basis="第三十六条",
                reply_text="提供",
                replied_on=date(2026, 3, 21),
            )
    # Approving an extension after the 30 March deadline is too late.
    with (
        time_machine.travel(date(2026, 4, 2), tick=False),
        pytest.raises(DomainError, match="届满前批准"),
    ):
        services.extend(
            application=case,
            working_days=10,
            reason="量大",
            approved_by="张主任",
            approved_on=date(2026, 3, 31),
        )
    case.refresh_from_db()
    assert not case.letters.exists() and not case.extension_working_days


def test_a_correction_is_registered_once_and_late_only_with_a_reason(agency):
    case = make_case(agency)
    services.request_correction(
        application=case,
        items="文号",
        requested_on=date(2026, 3, 4),
        due_on=date(2026, 3, 18),
    )
    with time_machine.travel(date(2026, 3, 20), tick=False):
        with pytest.raises(DomainError, match="正当理由"):
            services.record_correction(application=case, received_on=date(2026, 3, 19))
        with pytest.raises(DomainError, match="不能延期"):
            services.extend(
                application=case,
                working_days=5,
                reason="量大",
                approved_by="张主任",
                approved_on=date(2026, 3, 20),
            )
        services.record_correction(
            application=case,
            received_on=date(2026, 3, 19),
            late_reason="申请人住院，提供了医院证明",
        )
        with pytest.raises(DomainError, match="已登记过"):
            services.record_correction(application=case, received_on=date(2026, 3, 20))
    entry = ModelLogEntry.objects.get(action="applications.correction_received")
    assert entry.data["late_reason"] == "申请人住院，提供了医院证明"


def test_the_registration_cannot_contradict_the_steps_taken(client, agency, office):
    case = make_case(agency)
    services.start_consultation(
        application=case,
        kind=ConsultationKind.THIRD_PARTY,
        party="某公司",
        subject="是否同意公开",
        sent_on=date(2026, 3, 3),
    )
    client.force_login(office)
    response = client.post(
        reverse("wagtailsnippets_applications_application:edit", args=[case.pk]),
        {"agency": agency.pk, "number": "CHANGED", "channel": "post",
         "received_on": "2026-03-05", "applicant_type": "natural_person",
         "applicant_name": "李某某", "description": "征地补偿安置方案"},
    )  # fmt: skip
    assert "征求意见日期不能早于收到申请日期" in response.content.decode()
    case.refresh_from_db()
    assert case.received_on == date(2026, 3, 2) and case.number == "DM2026001"


def test_another_agency_s_office_cannot_see_the_case(client, agency, office):
    from gongkai.accounts.models import Agency
    from gongkai.conftest import make_credit_code

    case = make_case(agency)
    other = Agency.objects.create(
        name="临淄区住房和城乡建设局", credit_code=make_credit_code("11370305MB2859320")
    )
    department = account_services.create_department(
        agency=other, name="办公室", is_office=True
    )
    stranger = User.objects.create_user("stranger", password=PASSWORD)
    account_services.assign_user_to_department(user=stranger, department=department)
    client.force_login(stranger)
    for url in (
        reverse("applications_case", args=[case.pk]),
        reverse("wagtailsnippets_applications_application:edit", args=[case.pk]),
    ):
        assert client.get(url).status_code in (302, 403)
    listing = client.get(reverse("wagtailsnippets_applications_application:list"))
    assert "DM2026001" not in listing.content.decode()


def test_a_department_lists_only_the_cases_assigned_to_it(client, agency, planning):
    make_case(agency, number="C1")
    assigned = make_case(agency, number="C2")
    assigned.handling_departments.add(planning[0])
    client.force_login(planning[1])
    html = client.get(
        reverse("wagtailsnippets_applications_application:list")
    ).content.decode()
    assert "C2" in html and ">C1<" not in html


def test_a_department_made_the_office_gets_the_office_s_permissions(agency, planning):
    department, planner = planning
    assert not planner.has_perm("applications.change_application")
    department.is_office = True
    department.save()
    planner = User.objects.get(pk=planner.pk)
    assert planner.has_perm("applications.change_application")


def test_the_ledger_does_not_overwrite_a_case_handled_on_the_platform(agency, tmp_path):
    from gongkai.applications.ledger import import_ledger

    case = make_case(agency, number="LZ-1")
    services.reply(
        application=case,
        outcome="disclosed",
        legal_basis="第三十六条",
        reply_text="提供",
        replied_on=date(2026, 3, 10),
    )
    sheet = tmp_path / "ledger.csv"
    sheet.write_text(
        "申请编号,收到日期,申请方式,申请人类型,申请人姓名或名称,申请内容,答复日期,办理结果\n"
        "LZ-1,2026-03-02,当面,自然人,李某某,征地方案,,\n",
        encoding="utf-8",
    )
    report = import_ledger(path=sheet, agency=agency)
    assert "已在平台上办理" in report.errors[0].message
    case.refresh_from_db()
    assert case.is_closed and case.outcome == "disclosed"


def test_a_proactive_review_links_its_published_item_and_stays_decided(agency):
    from django.core.exceptions import ValidationError

    make_case(agency, number="P1")
    second = make_case(
        agency, number="P2", applicant_name="王某", id_number="370305199002023452"
    )
    review = services.prompt_proactive_review(second)
    review.decision = "publish"
    review.reason = "多人申请，属于主动公开范围"
    review.decided_on = date(2026, 3, 20)
    with pytest.raises(ValidationError, match="关联发布的政府信息"):
        review.full_clean()
    review.decision = "decline"
    review.full_clean()
    review.save()
    third = make_case(
        agency, number="P3", applicant_name="赵某", id_number="370305199503036671"
    )
    newer = services.prompt_proactive_review(third)
    assert newer.pk != review.pk and newer.decision == "pending"
    assert set(review.applications.values_list("number", flat=True)) == {"P1", "P2"}


def test_a_handling_department_answers_with_what_it_found(client, agency, planning):
    department, planner = planning
    case = make_case(agency)
    client.force_login(planner)
    url = reverse("applications_assist", args=[case.pk])
    assert client.get(url).status_code in (302, 403)  # not assigned yet
    case.handling_departments.add(department)
    page = client.get(reverse("applications_case", args=[case.pk])).content.decode()
    assert "提交协办意见" in page and "答复办结" not in page
    response = client.post(
        url, {"findings": "本科室掌握该方案（临自然资发〔2026〕12号），可以公开。"}
    )
    assert response.status_code == 302
    answer = case.consultations.get()
    assert answer.party == "规划科" and "12号" in answer.answer
    # The deadline does not stop for an internal answer.
    case.refresh_from_db()
    assert case.reply_due_on == date(2026, 3, 30)


def test_the_ledger_exports_with_chinese_labels_and_masked_names(
    client, agency, office
):
    make_case(agency)
    client.force_login(office)
    response = client.get(
        reverse("wagtailsnippets_applications_application:list"), {"export": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "当面" in text and "自然人" in text and "李**" in text
    assert "in_person" not in text and "李某某" not in text
    assert ID_NUMBER not in text and PHONE not in text


def test_a_superuser_may_open_a_proactive_review_by_hand(client, agency):
    admin = User.objects.create_superuser("root", password=PASSWORD)
    client.force_login(admin)
    response = client.post(
        reverse("wagtailsnippets_applications_proactivereview:add"),
        {
            "agency": agency.pk,
            "topic": "2026年度土地供应计划",
            "decision": "pending",
            "reason": "",
            "decided_on": "",
            "item": "",
        },
    )
    assert response.status_code == 302
    assert ProactiveReview.objects.get().topic == "2026年度土地供应计划"
