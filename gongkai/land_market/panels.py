"""The editor panel of a plan or an announcement: each of its notices with
its state, what stands in the way and the action that moves it."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

from gongkai.land_market.choices import NoticeKind
from gongkai.land_market.models import SupplyPlan
from gongkai.publishing.generated import notice_row


class NoticesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "publishing/admin/generated_notices_panel.html"

        def get_context_data(self, parent_context=None):
            from gongkai.land_market.services import notice_problems

            context = super().get_context_data(parent_context)
            subject = self.instance
            if subject is None or not subject.pk:
                context["rows"] = []
                return context
            if isinstance(subject, SupplyPlan):
                kinds, lookup = [NoticeKind.SUPPLY_PLAN], {"plan": subject}
            else:
                kinds = [
                    NoticeKind.ANNOUNCEMENT,
                    NoticeKind.TRANSACTION,
                    NoticeKind.SUPPLY_RESULT,
                ]
                lookup = {"announcement": subject}
            notices = {notice.kind: notice for notice in subject.notices.all()}
            context["rows"] = [
                notice_row(
                    kind=kind,
                    label=str(NoticeKind(kind).label),
                    notice=notices.get(kind),
                    problems=lambda kind=kind: notice_problems(kind=kind, **lookup),
                    submit_url=reverse(
                        "land_market_notice_submit", args=[kind, subject.pk]
                    ),
                    reopen_url=lambda notice: reverse(
                        "land_market_notice_reopen", args=[notice.pk]
                    ),
                )
                for kind in kinds
            ]
            context["column"] = _("自然资源市场交易")
            return context
