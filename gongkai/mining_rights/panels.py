"""The editor panel of a mining-right record: its notices with their
state, what stands in the way and the action that moves them."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

from gongkai.mining_rights.choices import MiningNoticeKind
from gongkai.mining_rights.models import MiningApproval, MiningRightTransfer
from gongkai.publishing.generated import notice_row


class MiningNoticesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "publishing/admin/generated_notices_panel.html"

        def get_context_data(self, parent_context=None):
            from gongkai.mining_rights.services import notice_problems

            context = super().get_context_data(parent_context)
            subject = self.instance
            if subject is None or not subject.pk:
                context["rows"] = []
                return context
            if isinstance(subject, MiningRightTransfer):
                kinds = [MiningNoticeKind.ANNOUNCEMENT, MiningNoticeKind.RESULT]
            elif isinstance(subject, MiningApproval):
                kinds = [MiningNoticeKind.APPROVAL]
            else:
                kinds = [MiningNoticeKind.DISCLOSURE]
            model = type(subject)._meta.model_name
            notices = {notice.kind: notice for notice in subject.notices.all()}
            context["rows"] = [
                notice_row(
                    kind=kind,
                    label=str(MiningNoticeKind(kind).label),
                    notice=notices.get(kind),
                    problems=lambda kind=kind: notice_problems(
                        kind=kind, subject=subject
                    ),
                    submit_url=reverse(
                        "mining_rights_notice_submit", args=[model, kind, subject.pk]
                    ),
                    reopen_url=lambda notice: reverse(
                        "mining_rights_notice_reopen", args=[notice.pk]
                    ),
                )
                for kind in kinds
            ]
            context["column"] = _("矿业权信息")
            return context
