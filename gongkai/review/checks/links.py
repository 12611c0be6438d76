"""Links in an item's body: every link and embedded file must resolve.

``check_links`` takes a ``resolve(target) -> bool`` callable, so that the
platform can answer from its page tree and documents and tests can answer
from a dict. External links are looked up only when the caller allows
network access (off by default): otherwise each one is a warning that it
was not checked.
"""

import ipaddress
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from gongkai.review.checks.findings import Finding, FindingKind, Severity

# Wagtail stores rich-text links to pages and documents, and embedded
# images, as references (<a linktype="page" id="3">, <embed embedtype=
# "image" id="4"/>); they become the targets "page:3", "document:5" and
# "image:4".
REFERENCE_TYPES = ("page", "document", "image")

TAG_RE = re.compile(r"<(a|img|embed)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE_RE = re.compile(
    r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
)
LABEL_RE = re.compile(r"(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
WINDOWS_PATH_RE = re.compile(r"^[a-zA-Z]:[\\/]")

HEAD_TIMEOUT_SECONDS = 5.0


class LinkKind:
    REFERENCE = "reference"
    INTERNAL = "internal"
    EXTERNAL = "external"
    LOCAL_FILE = "local_file"
    RELATIVE = "relative"
    IGNORED = "ignored"
    OTHER = "other"


@dataclass(frozen=True)
class Link:
    """``target`` is the href or src, or a reference such as "page:3";
    ``offset`` is the position of its tag in the HTML."""

    target: str
    offset: int
    label: str = ""

    @property
    def kind(self) -> str:
        target = self.target
        if not target or target.startswith("#"):
            return LinkKind.IGNORED
        prefix, _separator, rest = target.partition(":")
        if prefix in REFERENCE_TYPES and rest.isdigit():
            return LinkKind.REFERENCE
        if target.startswith("//"):
            return LinkKind.EXTERNAL
        if target.startswith("/"):
            return LinkKind.INTERNAL
        if WINDOWS_PATH_RE.match(target) or target.startswith("\\\\"):
            return LinkKind.LOCAL_FILE
        scheme = SCHEME_RE.match(target)
        if scheme is None:
            return LinkKind.RELATIVE
        scheme_name = scheme.group(1).lower()
        if scheme_name in ("http", "https"):
            return LinkKind.EXTERNAL
        if scheme_name in ("mailto", "tel"):
            return LinkKind.IGNORED
        if scheme_name == "file":
            return LinkKind.LOCAL_FILE
        return LinkKind.OTHER


def _attributes(source: str) -> dict[str, str]:
    return {
        match.group(1).lower(): unescape(
            next(group for group in match.groups()[1:] if group is not None)
        ).strip()
        for match in ATTRIBUTE_RE.finditer(source)
    }


def extract_links(html: str) -> list[Link]:
    """Links (href), images (src) and Wagtail references in ``html``."""
    links = []
    for match in TAG_RE.finditer(html):
        tag = match.group(1).lower()
        attributes = _attributes(match.group(2))
        label = ""
        if tag == "a":
            label_match = LABEL_RE.match(html, match.end())
            if label_match:
                label = re.sub(r"<[^>]+>", "", unescape(label_match.group(1))).strip()
        reference_type = attributes.get("linktype") or attributes.get("embedtype")
        if reference_type in REFERENCE_TYPES and "id" in attributes:
            target = f"{reference_type}:{attributes['id']}"
        elif tag == "a":
            if "href" not in attributes:
                continue
            target = attributes["href"]
        elif tag == "img":
            target = attributes.get("src", "")
        else:
            continue
        links.append(Link(target=target, offset=match.start(), label=label))
    return links


def _finding(
    link: Link, *, severity: str, location: str, message: str, suggestion: str
) -> Finding:
    return Finding(
        kind=FindingKind.LINK,
        severity=severity,
        text=link.target,
        location=location,
        offset=link.offset,
        message=message,
        suggestion=suggestion,
    )


def check_links(
    links: list[Link],
    *,
    resolve: Callable[[str], bool],
    check_external: bool = False,
    location: str = "正文",
) -> list[Finding]:
    """Findings for links that do not resolve: broken internal links and
    references are errors; an external link is a warning, either because it
    was not checked (no network allowed) or because it did not answer (a
    foreign server being down must not stop a publication outright)."""
    findings = []
    for link in links:
        kind = link.kind
        if kind == LinkKind.IGNORED:
            continue
        if kind in (LinkKind.REFERENCE, LinkKind.INTERNAL):
            if not resolve(link.target):
                findings.append(
                    _finding(
                        link,
                        severity=Severity.ERROR,
                        location=location,
                        message=_("链接“%(label)s”指向的页面或文件不存在或已撤下。")
                        % {"label": link.label or link.target},
                        suggestion=_("请修改或删除该链接。"),
                    )
                )
        elif kind == LinkKind.EXTERNAL:
            if not check_external:
                findings.append(
                    _finding(
                        link,
                        severity=Severity.WARNING,
                        location=location,
                        message=_("未检查外部链接“%(target)s”。")
                        % {"target": link.target},
                        suggestion=_("请人工打开该链接，确认可以访问。"),
                    )
                )
            elif not resolve(link.target):
                findings.append(
                    _finding(
                        link,
                        severity=Severity.WARNING,
                        location=location,
                        message=_("外部链接“%(target)s”无法打开。")
                        % {"target": link.target},
                        suggestion=_("请核实地址，或删除该链接。"),
                    )
                )
        elif kind == LinkKind.LOCAL_FILE:
            findings.append(
                _finding(
                    link,
                    severity=Severity.ERROR,
                    location=location,
                    message=_("链接指向本机文件“%(target)s”，公众无法打开。")
                    % {"target": link.target},
                    suggestion=_("请将文件作为附件上传，或删除该链接。"),
                )
            )
        elif kind == LinkKind.RELATIVE:
            findings.append(
                _finding(
                    link,
                    severity=Severity.WARNING,
                    location=location,
                    message=_("相对链接“%(target)s”在发布后可能失效。")
                    % {"target": link.target},
                    suggestion=_("请改为以“/”开头的站内地址或完整网址。"),
                )
            )
        else:
            findings.append(
                _finding(
                    link,
                    severity=Severity.ERROR,
                    location=location,
                    message=_("不支持的链接“%(target)s”。") % {"target": link.target},
                    suggestion=_("请使用http或https网址。"),
                )
            )
    return findings


def _is_public_host(host: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    return bool(addresses) and all(
        ipaddress.ip_address(address.split("%", 1)[0]).is_global
        for address in addresses
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_head_ok(
    url: str, *, timeout: float = HEAD_TIMEOUT_SECONDS, allow_private: bool = False
) -> bool:
    """Whether ``url`` answers a HEAD request with a status below 400 (or
    405, a server that refuses HEAD but exists). Redirects count as an
    answer and are not followed. Private, loopback and link-local hosts are
    refused unless ``allow_private``, so that a link in an item cannot make
    the platform probe the internal network."""
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if not allow_private and not _is_public_host(parts.hostname):
        return False
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(  # noqa: S310  # scheme checked above
        url, method="HEAD", headers={"User-Agent": "gongkai-link-check"}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status < 400
    except urllib.error.HTTPError as error:
        return error.code < 400 or error.code == 405
    except (urllib.error.URLError, OSError, ValueError):
        return False
