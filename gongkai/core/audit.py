"""Who did what from which address: request context for Wagtail's audit log.

Wagtail records every page and snippet action (create, edit, publish,
unpublish, delete) in its log entries; this module adds the client address
to each entry so the office can see where an action came from.
"""

from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest

_client_address: ContextVar[str] = ContextVar("client_address", default="")


def client_address(request: HttpRequest) -> str:
    """The client's IP, trusting ``X-Forwarded-For`` only behind a known proxy."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def current_client_address() -> str:
    return _client_address.get()


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_address.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            _client_address.reset(token)
