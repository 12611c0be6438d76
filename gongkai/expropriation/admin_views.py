"""定点定向公开 in the back office: for each affected village the notice
(PDF), the WeChat-group text and the broadcast script, the deliveries made
and a form to record one; the delivery photos, for staff only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.selectors import working_day_calendar
from gongkai.expropriation import selectors, services
from gongkai.expropriation.choices import DeliveryChannel, StageKind
from gongkai.expropriation.models import NoticeDelivery
from gongkai.expropriation.notices import broadcast_script, wechat_text

CHANGE = "expropriation.change_expropriationproject"


def can_manage(user) -> bool:
    return user.is_superuser or user.has_perm(CHANGE)


def _project(request, pk: int):
    if not can_manage(request.user):
        raise PermissionDenied
    return get_object_or_404(selectors.visible_projects(request.user), pk=pk)


class DeliveryForm(forms.Form):
    village = forms.ModelChoiceField(queryset=None, label=_("村（社区）"))
    stage = forms.ChoiceField(choices=StageKind.choices, label=_("送达的文件"))
    channel = forms.ChoiceField(choices=DeliveryChannel.choices, label=_("方式"))
    place = forms.CharField(max_length=200, label=_("地点"))
    delivered_on = forms.DateField(
        label=_("日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    delivered_by = forms.CharField(max_length=100, label=_("送达人"))
    photo = forms.FileField(required=False, label=_("照片（JPG 或 PNG）"))
    note = forms.CharField(max_length=300, required=False, label=_("说明"))

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = project.villages.all()


def village_notices(request, pk: int):
    project = _project(request, pk)
    document = selectors.notice_document(project, stage=request.GET.get("stage", ""))
    url = request.build_absolute_uri(project.get_absolute_url())
    form = DeliveryForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        photo = data["photo"]
        try:
            services.record_delivery(
                village=data["village"],
                stage=data["stage"],
                channel=data["channel"],
                place=data["place"],
                delivered_on=data["delivered_on"],
                delivered_by=data["delivered_by"],
                note=data["note"],
                photo_name=photo.name if photo else "",
                photo_data=photo.read() if photo else b"",
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("送达记录已保存。"))
            return redirect(reverse("expropriation_village_notices", args=[project.pk]))
    delivered = list(selectors.deliveries(project))
    villages = []
    for village in project.villages.all():
        facts = selectors.village_facts(
            project=project, village=village, document=document, url=url
        )
        villages.append(
            {
                "village": village,
                "wechat": wechat_text(facts),
                "broadcast": broadcast_script(facts),
                "deliveries": [d for d in delivered if d.village_id == village.pk],
            }
        )
    return TemplateResponse(
        request,
        "expropriation/admin/village_notices.html",
        {
            "project": project,
            "document": document,
            "villages": villages,
            "form": form,
            "stages": selectors.project_stages(
                project, today=timezone.localdate(), calendar=working_day_calendar()
            ),
        },
    )


def delivery_photo(request, pk: int):
    if not can_manage(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(
        NoticeDelivery.objects.select_related("project"), pk=pk
    )
    if (
        not selectors.visible_projects(request.user)
        .filter(pk=delivery.project_id)
        .exists()
    ):
        raise PermissionDenied
    if not delivery.photo:
        raise Http404
    return FileResponse(
        delivery.photo.open("rb"), filename=delivery.photo.name.rsplit("/", 1)[-1]
    )
