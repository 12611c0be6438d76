"""Back-office requests that a domain rule refused come back to where they
started, with the rule's Chinese message, instead of a bare error page."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from gongkai.core.errors import DomainError


class DomainErrorMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DomainError) or not request.path.startswith(
            "/admin/"
        ):
            return None
        messages.error(request, str(exception))
        target = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            target = "/admin/"
        return HttpResponseRedirect(target)
