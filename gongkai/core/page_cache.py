"""Whole-page cache for anonymous visitors, held in each worker's memory.

A rendered Wagtail page costs milliseconds; the portal must answer far more
than that allows (issue: ≥1,000 item pages a second on two cores). Each worker
keeps the bytes of the pages it served; publishing anything touches a stamp
file, and every request compares the stamp (one ``stat``) before answering
from memory, so an update reaches every worker on its next request.
"""

import os
import threading
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse

CACHEABLE_TYPES = (
    "text/html",
    "application/atom+xml",
    "application/xml",
    "application/json",
)
BYPASS_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz")


def _stamp_path() -> Path:
    return Path(settings.PAGE_CACHE_STAMP_FILE)


def invalidate() -> None:
    """Drop every cached page in every worker (on their next request)."""
    path = _stamp_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    temporary.write_text(str(os.times()))
    # A new inode every time: the check below cannot miss a change, even two
    # within the file system's timestamp resolution.
    os.replace(temporary, path)


def _current_stamp() -> tuple[int, int]:
    try:
        stat = os.stat(_stamp_path())
    except FileNotFoundError:
        return (0, 0)
    return (stat.st_ino, stat.st_mtime_ns)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.entries: OrderedDict[str, tuple[int, list[tuple[str, str]], bytes]] = (
            OrderedDict()
        )
        self.stamp = _current_stamp()
        self.lock = threading.Lock()

    def __call__(self, request):
        if not self._is_cacheable_request(request):
            return self.get_response(request)
        stamp = _current_stamp()
        key = request.get_full_path()
        with self.lock:
            if stamp != self.stamp:
                self.entries.clear()
                self.stamp = stamp
            entry = self.entries.get(key)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            return response

        response = self.get_response(request)
        if self._is_cacheable_response(response):
            with self.lock:
                if stamp == self.stamp:
                    self.entries[key] = (
                        response.status_code,
                        list(response.items()),
                        response.content,
                    )
                    if len(self.entries) > settings.PAGE_CACHE_MAX_ENTRIES:
                        self.entries.popitem(last=False)
        return response

    @staticmethod
    def _is_cacheable_request(request) -> bool:
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(BYPASS_PREFIXES)
        )

    @staticmethod
    def _is_cacheable_response(response) -> bool:
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies or response.has_header("Set-Cookie"):
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        return response.get("Content-Type", "").startswith(CACHEABLE_TYPES)


def invalidate_on_save(*models) -> None:
    """Records shown on portal pages outside Wagtail's page tree (a sale's
    parcels): any save or delete of one drops the cached pages once the
    transaction commits, as a publication does."""
    from django.db import transaction
    from django.db.models.signals import post_delete, post_save

    def changed(sender, **kwargs):
        transaction.on_commit(invalidate)

    for model in models:
        post_save.connect(
            changed,
            sender=model,
            weak=False,
            dispatch_uid=f"page-cache-{model._meta.label}-save",
        )
        post_delete.connect(
            changed,
            sender=model,
            weak=False,
            dispatch_uid=f"page-cache-{model._meta.label}-delete",
        )
