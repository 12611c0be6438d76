"""The editor panel of a plan or an announcement: each of its notices with
its state, what stands in the way and the action that moves it."""

from dataclasses import dataclass

from wagtail.admin.panels import Panel

from gongkai.land_market.choices import NoticeKind, NoticeStatus
from gongkai.land_market.models import SupplyPlan


@dataclass
class NoticeRow:
    kind: str
    label: str
    notice: object
    errors: list[str]
    warnings: list[str]

    @property
    def status(self) -> str:
        return self.notice.status if self.notice else NoticeStatus.DRAFT


class NoticesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "land_market/admin/notices_panel.html"

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
            rows = []
            for kind in kinds:
                notice = notices.get(kind)
                errors, warnings = ([], [])
                if notice is None or notice.status == NoticeStatus.DRAFT:
                    errors, warnings = notice_problems(kind=kind, **lookup)
                rows.append(
                    NoticeRow(
                        kind, str(NoticeKind(kind).label), notice, errors, warnings
                    )
                )
            context.update({"rows": rows, "subject": subject})
            return context
