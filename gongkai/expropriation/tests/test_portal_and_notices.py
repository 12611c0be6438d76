"""A village resident finds the projects affecting their village and reads
the hub; staff print the village notice (PDF with a QR link), copy the
WeChat text and broadcast script, and record deliveries with a photo."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader
from reportlab.graphics.barcode.qr import QrCodeWidget

from gongkai.expropriation import selectors, services
from gongkai.expropriation.choices import StageKind
from gongkai.expropriation.notices import broadcast_script, wechat_text
from gongkai.expropriation.pdf import qr_drawing

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01"
    b"\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.django_db
def test_a_resident_finds_their_village_project_and_its_stage(client, project):
    found = client.get(
        reverse("expropriation_list"), {"village": "东刘"}
    ).content.decode()
    assert project.name in found and "当前环节：建设用地项目呈报说明书" in found
    none = client.get(
        reverse("expropriation_list"), {"village": "南王村"}
    ).content.decode()
    assert project.name not in none and "没有找到征地项目" in none
    hub = client.get(project.get_absolute_url()).content.decode()
    assert "征地补偿安置方案公告" in hub and "已公开 2/" in hub
    assert "凤凰镇人民政府征地办公室" in hub


@pytest.mark.django_db
def test_an_unpublished_project_is_not_on_the_portal(client, project):
    project.published_on = None
    project.save()
    assert client.get(project.get_absolute_url()).status_code == 404
    assert (
        project.name not in client.get(reverse("expropriation_list")).content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("size", ["A4", "A3"])
def test_the_village_notice_pdf_opens_with_the_project_name_and_its_link(
    client, project, size
):
    village = project.villages.get(village="东刘村")
    response = client.get(
        reverse("expropriation_village_notice", args=[project.pk, village.pk]),
        {"size": size},
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    width = float(page.mediabox.width)
    assert round(width) == (595 if size == "A4" else 842)
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    assert project.name in text and "东刘村" in text
    url = f"http://testserver{project.get_absolute_url()}"
    assert url in text
    # The compensation plan is the latest notice: it says how to register.
    assert "补偿登记" in text


def test_the_qr_code_carries_the_page_address():
    drawing = qr_drawing("http://example.org/expropriation/1/", 100)
    [widget] = [shape for shape in drawing.contents if isinstance(shape, QrCodeWidget)]
    assert widget.value == "http://example.org/expropriation/1/"


@pytest.mark.django_db
def test_the_wechat_text_and_the_broadcast_script(project):
    village = project.villages.get(village="东刘村")
    document = selectors.notice_document(project, stage=StageKind.PRE_ANNOUNCEMENT)
    facts = selectors.village_facts(
        project=project,
        village=village,
        document=document,
        url="https://example.org/p/1/",
    )
    text = wechat_text(facts)
    assert "https://example.org/p/1/" in text and "预公告" in text and len(text) < 400
    script = broadcast_script(facts)
    assert (
        "http" not in script and script.count("东刘村") == 2 and "再广播一遍" in script
    )


@pytest.mark.django_db
def test_a_delivery_is_recorded_with_its_photo_and_a_renamed_file_refused(
    client, project
):
    from gongkai.accounts.models import User

    clerk = User.objects.get(username="gengbao")
    village = project.villages.get(village="西刘村")
    with pytest.raises(ValidationError):
        services.record_delivery(
            village=village, stage=StageKind.COMPENSATION_PLAN, channel="bulletin_board",
            place="西刘村村务公开栏", delivered_on=dt.date(2026, 4, 1), delivered_by="李明",
            photo_name="现场.jpg", photo_data=b"MZ\x90\x00 not a photo", actor=clerk,
        )  # fmt: skip
    assert project.deliveries.count() == 0
    delivery = services.record_delivery(
        village=village, stage=StageKind.COMPENSATION_PLAN, channel="bulletin_board",
        place="西刘村村务公开栏", delivered_on=dt.date(2026, 4, 1), delivered_by="李明",
        photo_name="现场.png", photo_data=PNG, actor=clerk,
    )  # fmt: skip
    photo = reverse("expropriation_delivery_photo", args=[delivery.pk])
    assert client.get(photo).status_code == 302  # not for the public
    client.force_login(clerk)
    assert b"".join(client.get(photo).streaming_content) == PNG
    page = client.get(reverse("expropriation_village_notices", args=[project.pk]))
    content = page.content.decode()
    assert "西刘村村务公开栏" in content and "村广播稿" in content
    response = client.post(
        reverse("expropriation_village_notices", args=[project.pk]),
        {
            "village": project.villages.get(village="东刘村").pk,
            "stage": StageKind.COMPENSATION_PLAN,
            "channel": "wechat_group",
            "place": "东刘村村民微信群",
            "delivered_on": "2026-04-01",
            "delivered_by": "王芳",
        },
    )
    assert response.status_code == 302 and project.deliveries.count() == 2


@pytest.mark.django_db
def test_the_announcement_deadline_shows_once_the_approval_arrives(project):
    from gongkai.core.selectors import working_day_calendar

    project.approval_received_on = dt.date(2026, 9, 25)
    project.save()
    [row] = selectors.announcement_deadlines(
        projects=type(project).objects.all(),
        today=dt.date(2026, 10, 20),
        calendar=working_day_calendar(),
    )
    assert row.due_on == dt.date(2026, 10, 22) and row.state == "due_soon"
