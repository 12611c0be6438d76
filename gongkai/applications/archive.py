"""The case file (案卷) of an application as one ZIP archive (条例 Art. 45:
登记、审核、办理、答复、归档): the application as registered, every notice
as DOCX and PDF with its delivery, consultations and their answers, and the
history of every step, each a readable text file, and the applicant's
attachments."""

import io
import json
import zipfile

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from gongkai.applications import services
from gongkai.applications.models import (
    Application,
    mask_address,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
)


def _application_record(application: Application, *, full: bool) -> dict:
    def shown(value: str, mask) -> str:
        return value if full or not value else mask(value)

    return {
        _("申请编号"): application.number,
        _("受理机关"): application.agency.name,
        _("申请方式"): application.get_channel_display(),
        _("收到日期"): application.received_on.isoformat(),
        _("申请人类型"): application.get_applicant_type_display(),
        _("申请人姓名或名称"): application.applicant_name
        if full
        else application.masked_applicant_name,
        _("证件类型"): application.id_type,
        _("证件号码"): shown(application.id_number, mask_id_number),
        _("统一社会信用代码"): application.credit_code,
        _("法定代表人"): application.legal_representative,
        _("联系人"): application.contact_person
        if full
        else mask_name(application.contact_person),
        _("联系电话"): shown(application.phone, mask_phone),
        _("通信地址"): shown(application.address, mask_address),
        _("电子邮箱"): shown(application.email, mask_email),
        _("所需信息名称"): application.info_title,
        _("文号"): application.info_document_number,
        _("申请内容"): application.description,
        _("申请用途"): application.purpose,
        _("提供形式"): application.get_provision_form_display(),
        _("获取方式"): application.get_obtain_way_display(),
        _("承办科室"): [
            str(department) for department in application.handling_departments.all()
        ],
        _("补正告知日期"): _date(application.correction_requested_on),
        _("需补正事项"): application.correction_items,
        _("补正期限"): _date(application.correction_due_on),
        _("收到补正材料日期"): _date(application.correction_received_on),
        _("延期工作日数"): application.extension_working_days,
        _("延期理由"): application.extension_reason,
        _("批准人"): application.extension_approved_by,
        _("批准日期"): _date(application.extension_approved_on),
        _("答复日期"): _date(application.replied_on),
        _("办理结果"): application.get_outcome_display(),
        _("法律依据"): application.legal_basis,
        _("答复内容"): application.reply_text,
    }


def _date(value) -> str:
    return value.isoformat() if value else ""


def case_archive(application: Application, *, full_personal_data: bool) -> bytes:
    """The ZIP of the case file. ``full_personal_data`` is for the office
    after re-authentication; otherwise the applicant's name, ID number,
    phone, address, e-mail and contact person are masked and the attachments
    (which may show an ID card) left out."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def write_json(name: str, value) -> None:
            archive.writestr(name, json.dumps(value, ensure_ascii=False, indent=2))

        write_json(
            "01-申请登记.json",
            _application_record(application, full=full_personal_data),
        )
        write_json(
            "02-会商和征求意见.json",
            [
                {
                    _("类别"): consultation.get_kind_display(),
                    _("征求对象"): consultation.party,
                    _("征求意见事项"): consultation.subject,
                    _("发出日期"): _date(consultation.sent_on),
                    _("收到意见日期"): _date(consultation.answered_on),
                    _("意见"): consultation.answer,
                }
                for consultation in application.consultations.all()
            ],
        )
        for number, attachment in enumerate(application.attachments.all(), start=1):
            with attachment.file.open("rb") as handle:
                archive.writestr(
                    f"06-申请附件/{number:02d}-{attachment.name}", handle.read()
                )
        deliveries = []
        for number, letter in enumerate(application.letters.all(), start=1):
            for file_format in ("docx", "pdf"):
                content, _type, name = services.rendered_letter(letter, file_format)
                archive.writestr(f"03-文书/{number:02d}-{name}", content)
            deliveries.append(
                {
                    _("文书"): letter.title,
                    _("文书编号"): letter.reference,
                    _("落款日期"): _date(letter.dated),
                    _("送达对象"): letter.recipient
                    if full_personal_data
                    or letter.recipient != application.applicant_name
                    else application.masked_applicant_name,
                    _("送达日期"): _date(letter.delivered_on),
                    _("送达方式"): letter.delivery_method,
                }
            )
        write_json("04-送达记录.json", deliveries)
        write_json(
            "05-办理记录.json",
            [
                {
                    _("时间"): timezone.localtime(entry.timestamp).isoformat(),
                    _("操作"): str(entry.message),
                    _("操作人"): entry.user.get_username() if entry.user else "",
                    _("详情"): {
                        key: value
                        for key, value in (entry.data or {}).items()
                        if key != "reason" or full_personal_data
                    },
                }
                for entry in ModelLogEntry.objects.for_instance(application)
                .select_related("user")
                .order_by("timestamp", "pk")
            ],
        )
    return buffer.getvalue()
