"""Links of the portal's pages: found in stored content, internal ones
resolved against sets of what exists (no HTTP), external ones fetched
politely (a short timeout, a pause between two requests to one host, a cap
per run). No database here; the cache of results is the selectors' and
services' business."""

import re
import time
import urllib.error
import urllib.request
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

# An <a> tag in rich text or imported HTML, as stored: StreamField JSON
# escapes its quotes (\"), so the attribute pattern accepts both.
_TAG = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*\\?["']([^"'\\]*)\\?["']""")
_SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#")
USER_AGENT = "Gongkai-SiteHealth/1.0 (link check)"


@dataclass(frozen=True)
class Link:
    """``kind`` is "page" or "document" (Wagtail's rich-text references by
    id) or "href" (a plain address)."""

    kind: str
    value: str


def extract_links(raw: str) -> list[Link]:
    links = []
    for match in _TAG.finditer(raw):
        attributes = {
            name.lower(): value for name, value in _ATTRIBUTE.findall(match.group(1))
        }
        link_type = attributes.get("linktype")
        if link_type in ("page", "document") and attributes.get("id"):
            links.append(Link(link_type, attributes["id"]))
        elif (
            href := attributes.get("href", "").strip()
        ) and not href.lower().startswith(_SKIPPED_SCHEMES):
            links.append(Link("href", unescape(href)))
    return links


@dataclass(frozen=True)
class InternalTargets:
    """What the own site has: live page ids, document ids, live pages'
    paths relative to the site root ("/xxgk/guide/"), the paths with a
    routable ``feed/`` below them (columns), the old paths redirects keep,
    and a resolver for the project's other addresses (/search/, /apply/)."""

    page_ids: frozenset[int]
    document_ids: frozenset[int]
    page_paths: frozenset[str]
    feed_paths: frozenset[str] = frozenset()
    redirect_paths: frozenset[str] = frozenset()
    other_path_exists: Callable[[str], bool] = field(default=lambda path: False)


def split_href(href: str, own_hosts: frozenset[str]) -> tuple[str, str] | None:
    """("internal", path) for the own site, ("external", url) for others,
    None for what is not a web address."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc:
        if (parts.hostname or "").lower() in own_hosts:
            return "internal", parts.path or "/"
        return "external", href
    if href.startswith("/"):
        return "internal", parts.path or "/"
    # A relative address ("page.html") on a generated page: nothing to check.
    return None


def internal_problem(link: Link, path: str, targets: InternalTargets) -> str | None:
    """Why an internal link is broken, or None when it leads somewhere."""
    if link.kind == "page":
        if link.value.isdigit() and int(link.value) in targets.page_ids:
            return None
        return _("链接的页面不存在或未发布")
    if link.kind == "document":
        if link.value.isdigit() and int(link.value) in targets.document_ids:
            return None
        return _("链接的文件不存在")
    path = unquote(path)
    normalised = path if path.endswith("/") else path + "/"
    if normalised in targets.page_paths or normalised in targets.redirect_paths:
        return None
    if path.rstrip("/") in targets.redirect_paths:
        return None
    if (
        normalised.endswith("/feed/")
        and normalised[: -len("feed/")] in targets.feed_paths
    ):
        return None
    if path.startswith("/documents/"):
        pieces = path.split("/")
        if len(pieces) > 2 and pieces[2].isdigit():
            if int(pieces[2]) in targets.document_ids:
                return None
            return _("链接的文件不存在")
    if targets.other_path_exists(path):
        return None
    return _("站内地址不存在")


@dataclass(frozen=True)
class LinkStatus:
    url: str
    is_ok: bool
    status_code: int | None
    error: str = ""


def fetch_status(url: str, timeout: float) -> LinkStatus:
    """HEAD the address (GET when HEAD is refused); 2xx and 3xx are fine."""
    for method in ("HEAD", "GET"):
        # Only http(s) addresses get here (split_href).
        request = urllib.request.Request(  # noqa: S310
            url, method=method, headers={"User-Agent": USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # http(s) only, split_href
                return LinkStatus(url, True, response.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return LinkStatus(
                url, False, error.code, _("HTTP %(code)s") % {"code": error.code}
            )
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                return LinkStatus(url, False, None, _("超时"))
            return LinkStatus(url, False, None, str(reason)[:300])
    return LinkStatus(url, False, None, _("无法访问"))


def check_external(
    urls: Iterable[str],
    *,
    timeout: float,
    host_interval: float,
    cap: int,
    fetch: Callable[[str, float], LinkStatus] = fetch_status,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> list[LinkStatus]:
    """Fetch at most ``cap`` addresses, taking hosts in turn so that one
    host waits ``host_interval`` seconds between two requests while others
    are asked."""
    by_host: dict[str, deque[str]] = defaultdict(deque)
    for url in list(dict.fromkeys(urls))[:cap]:
        by_host[(urlsplit(url).hostname or "").lower()].append(url)
    last_asked: dict[str, float] = {}
    results = []
    while by_host:
        now = clock()
        ready = [
            host
            for host in by_host
            if host not in last_asked or now - last_asked[host] >= host_interval
        ]
        if not ready:
            sleep(min(last_asked[host] + host_interval for host in by_host) - now)
            continue
        for host in ready:
            results.append(fetch(by_host[host].popleft(), timeout))
            last_asked[host] = clock()
            if not by_host[host]:
                del by_host[host]
    return results
