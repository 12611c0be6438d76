"""The audit log (审计日志) for the office: every staff action on content and
every login, with the address it came from; exportable."""

from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry

from gongkai.accounts.selectors import can_read_audit_log


def _client_address(data) -> str:
    return (data or {}).get("client_address", "")


class AuditLogView(LogEntriesView):
    page_title = _("审计日志")
    header_icon = "history"
    index_url_name = "accounts_audit_log"
    index_results_url_name = "accounts_audit_log_results"
    results_template_name = "accounts/audit_log_results.html"
    export_headings = {**LogEntriesView.export_headings, "data": _("来源地址")}
    list_export = [*LogEntriesView.list_export, "data"]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess["data"] = {
            self.FORMAT_CSV: _client_address,
            self.FORMAT_XLSX: _client_address,
        }

    def dispatch(self, request, *args, **kwargs):
        if not can_read_audit_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return super().get_filename().replace("audit-log", "gongkai-audit-log")

    def get_filtered_queryset(self):
        # Unlike Wagtail's site history, the office reads every entry, not
        # only those on objects it may edit.
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            rows = self.filter_queryset(
                log_model.objects.values("pk", "timestamp").annotate(
                    log_model_index=Value(index, output_field=IntegerField())
                )
            ).order_by()
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp")
