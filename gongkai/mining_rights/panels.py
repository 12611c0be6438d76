"""The editor panel of a mining-right record: its notices with their
state, what stands in the way and the action that moves them."""

from wagtail.admin.panels import Panel

from gongkai.mining_rights.choices import MiningNoticeKind
from gongkai.mining_rights.models import MiningApproval, MiningRightTransfer
from gongkai.publishing.generated import GeneratedStatus


class MiningNoticesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "mining_rights/admin/notices_panel.html"

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
            notices = {notice.kind: notice for notice in subject.notices.all()}
            rows = []
            for kind in kinds:
                notice = notices.get(kind)
                status = notice.status if notice else GeneratedStatus.DRAFT
                errors, warnings = (
                    notice_problems(kind=kind, subject=subject)
                    if status == GeneratedStatus.DRAFT
                    else ([], [])
                )
                rows.append(
                    {
                        "kind": kind,
                        "label": MiningNoticeKind(kind).label,
                        "notice": notice,
                        "status": status,
                        "errors": errors,
                        "warnings": warnings,
                    }
                )
            context.update(
                {
                    "rows": rows,
                    "subject": subject,
                    "model": type(subject)._meta.model_name,
                }
            )
            return context
