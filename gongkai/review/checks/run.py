"""Machine pre-review (机器预审): every check on a text, a file or a whole
government-information item, combined into one list of findings.

The detectors in this package are pure; this module reads the item, its
attachments, the page tree (for links) and the editable lists.

Callers enforce the outcome (issue #3): any finding of severity ``error``
blocks submission for review and blocks 终审; ``warning`` findings may be
passed only with a written reason, which the caller records with the
decision. A submit action does::

    findings = check_item(item=page, lists=current_lists(), today=timezone.localdate())
    if blocking(findings):
        refuse, showing every finding (text, location, message, suggestion)
    elif needing_reason(findings) and not reason:
        ask for the reason
    else:
        submit, logging the findings and the reason
"""

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path, PurePath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext as _

from gongkai.publishing.extraction import MAX_EXTRACTED_CHARACTERS, extract_text
from gongkai.review.checks.findings import Finding, FindingKind, Severity
from gongkai.review.checks.links import (
    Link,
    LinkKind,
    check_links,
    extract_links,
    http_head_ok,
)
from gongkai.review.checks.norms import (
    DEFAULT_REQUIRED_METADATA,
    RequiredField,
    check_dates,
    check_document_number,
    check_metadata,
)
from gongkai.review.checks.personal_data import check_personal_data
from gongkai.review.checks.wording import (
    MisspellingEntry,
    SensitiveEntry,
    WordLists,
    check_wording,
    parse_misspellings_tsv,
    parse_sensitive_tsv,
)

SEED_DIRECTORY = Path(__file__).resolve().parent.parent / "data"
SENSITIVE_SEED = SEED_DIRECTORY / "sensitive.tsv"
MISSPELLINGS_SEED = SEED_DIRECTORY / "misspellings.tsv"
EXTRACTABLE_SUFFIXES = frozenset(
    {".pdf", ".docx", ".xlsx", ".txt", ".csv", ".html", ".htm"}
)


# --- The lists ---------------------------------------------------------------


@lru_cache(maxsize=1)
def seed_lists() -> WordLists:
    """The seed lists shipped in ``gongkai/review/data/``."""
    return WordLists(
        sensitive=parse_sensitive_tsv(SENSITIVE_SEED.read_text(encoding="utf-8")),
        misspellings=parse_misspellings_tsv(
            MISSPELLINGS_SEED.read_text(encoding="utf-8")
        ),
    )


def database_lists() -> WordLists:
    """The lists as the office keeps them in the admin."""
    from gongkai.review.models import CommonMisspelling, SensitiveExpression

    return WordLists(
        sensitive=tuple(
            SensitiveEntry(expression, severity, note)
            for expression, severity, note in SensitiveExpression.objects.order_by(
                "pk"
            ).values_list("expression", "severity", "note")
        ),
        misspellings=tuple(
            MisspellingEntry(wrong, right, note)
            for wrong, right, note in CommonMisspelling.objects.order_by(
                "pk"
            ).values_list("wrong", "right", "note")
        ),
    )


def current_lists() -> WordLists:
    """The admin's lists; the seed lists when there is no database (the
    ``proofread`` command on a workstation) or nothing was loaded yet."""
    try:
        lists = database_lists()
    except DatabaseError:
        return seed_lists()
    if not lists.sensitive and not lists.misspellings:
        return seed_lists()
    return lists


# --- Texts and files ---------------------------------------------------------


def check_text(text: str, *, lists: WordLists, location: str = "正文") -> list[Finding]:
    """Personal data, sensitive expressions and miswritten words in ``text``,
    in text order."""
    if not text:
        return []
    findings = check_personal_data(text, location=location) + check_wording(
        text, lists=lists, location=location
    )
    findings.sort(key=lambda finding: finding.offset)
    return findings


def _unreadable(name: str, *, location: str, reason: str) -> Finding:
    return Finding(
        kind=FindingKind.UNREADABLE,
        severity=Severity.WARNING,
        text=name,
        location=location,
        offset=0,
        message=_("%(reason)s请人工检查其中是否含有个人信息等不宜公开的内容。")
        % {"reason": reason},
        suggestion=_("请上传可提取文字的PDF、DOCX或XLSX文件。"),
    )


def check_extracted_text(
    text: str, *, name: str, lists: WordLists, location: str, problem: str = ""
) -> list[Finding]:
    """The checks on the text of file ``name``; a file that gave no text
    could not be checked and gets a warning saying so."""
    if problem:
        return [_unreadable(name, location=location, reason=problem + "。")]
    if not text.strip():
        if PurePath(name).suffix.lower() in EXTRACTABLE_SUFFIXES:
            reason = _("未能从文件中提取文字（可能是扫描件或图片）。")
        else:
            reason = _("不支持检查此类文件。")
        return [_unreadable(name, location=location, reason=reason)]
    findings = check_text(text, lists=lists, location=location)
    if len(text) >= MAX_EXTRACTED_CHARACTERS:
        findings.append(
            _unreadable(
                name,
                location=location,
                reason=_("文件过长，只检查了前%(count)d字。")
                % {"count": MAX_EXTRACTED_CHARACTERS},
            )
        )
    return findings


def attachment_location(name: str) -> str:
    return _("附件《%(name)s》") % {"name": name}


def check_file(
    *, name: str, data: bytes, lists: WordLists, location: str | None = None
) -> list[Finding]:
    """The checks on a DOCX, PDF, XLSX, TXT or HTML file called ``name``;
    findings are located in "附件《name》" unless ``location`` is given."""
    if location is None:
        location = attachment_location(name)
    extraction = extract_text(name=name, data=data)
    return check_extracted_text(
        extraction.text,
        name=name,
        lists=lists,
        location=location,
        problem=extraction.problem,
    )


# --- Links on the platform ---------------------------------------------------


def _file_exists(field) -> bool:
    return bool(field) and field.storage.exists(field.name)


def _page_route_exists(path: str, sites) -> bool:
    from django.http import Http404, HttpRequest

    components = [component for component in path.split("/") if component]
    for site in sites:
        try:
            site.root_page.specific.route(HttpRequest(), components)
        except Http404:
            continue
        return True
    return False


def _path_exists(path: str, sites) -> bool:
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.files.storage import default_storage
    from django.urls import Resolver404, resolve
    from wagtail.documents import get_document_model

    path = unquote(path) or "/"
    if settings.MEDIA_URL.startswith("/") and path.startswith(settings.MEDIA_URL):
        return default_storage.exists(path[len(settings.MEDIA_URL) :])
    if settings.STATIC_URL.startswith("/") and path.startswith(settings.STATIC_URL):
        return staticfiles_storage.exists(path[len(settings.STATIC_URL) :])
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.url_name == "wagtaildocs_serve":
        document_id, filename = match.args
        document = get_document_model().objects.filter(pk=document_id).first()
        return (
            document is not None
            and document.filename == filename
            and _file_exists(document.file)
        )
    if match.url_name == "wagtail_serve":
        return _page_route_exists(path, sites)
    # Any other view of the platform (search, feeds, API) is there.
    return True


def _reference_exists(target: str) -> bool:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    reference_type, _separator, pk = target.partition(":")
    if reference_type == "page":
        # A page that exists but is not live yet is allowed: a document and
        # its interpretation link to each other and go live together (三同步).
        return Page.objects.filter(pk=pk).exists()
    model = get_document_model() if reference_type == "document" else get_image_model()
    stored = model.objects.filter(pk=pk).first()
    return stored is not None and _file_exists(stored.file)


def site_link_resolver(
    *, site=None, check_external: bool = False
) -> Callable[[str], bool]:
    """``resolve(target)`` for ``check_links`` on the platform: references
    and site paths against the page tree (``site``'s, or every site's),
    documents and storage; external addresses by a HEAD request when
    ``check_external``."""
    from wagtail.models import Site

    sites = (
        [site] if site is not None else list(Site.objects.select_related("root_page"))
    )

    def resolve(target: str) -> bool:
        kind = Link(target, 0).kind
        if kind == LinkKind.REFERENCE:
            return _reference_exists(target)
        if kind == LinkKind.INTERNAL:
            return _path_exists(urlsplit(target).path, sites)
        if kind == LinkKind.EXTERNAL:
            return check_external and http_head_ok(target)
        return False

    return resolve


def own_hostnames() -> frozenset[str]:
    from wagtail.models import Site

    hosts = set(Site.objects.values_list("hostname", flat=True))
    base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).hostname
    if base:
        hosts.add(base)
    return frozenset(host.lower() for host in hosts if host)


def _as_site_path(link: Link, hostnames: frozenset[str]) -> Link:
    """A full address on the platform's own host is checked as a site path."""
    if link.kind != LinkKind.EXTERNAL:
        return link
    target = "https:" + link.target if link.target.startswith("//") else link.target
    parts = urlsplit(target)
    if (parts.hostname or "").lower() not in hostnames:
        return link
    return Link(target=parts.path or "/", offset=link.offset, label=link.label)


def body_links(item) -> list[Link]:
    """The links of the item's body; offsets count through the HTML of its
    text and imported-HTML blocks, one after the other."""
    links = []
    position = 0
    for block in item.body:
        if block.block_type == "text":
            html = block.value.source
        elif block.block_type == "html":
            html = str(block.value or "")
        else:
            continue
        links.extend(
            Link(link.target, link.offset + position, link.label)
            for link in extract_links(html)
        )
        position += len(html) + 1
    return links


# --- A whole item ------------------------------------------------------------


def _item_metadata(item) -> dict[str, object]:
    return {
        "index_number": item.index_number,
        "title": item.title,
        "written_on": item.written_on,
        "publisher": item.publisher_name,
        "summary": item.summary,
        "document_number": item.document_number,
        "keywords": item.keywords,
    }


def check_attachment(attachment, *, lists: WordLists) -> list[Finding]:
    """One attachment (``ItemAttachment``) of an item: its file must exist,
    and its text (extracted at upload, or now) must pass the text checks."""
    document = attachment.document
    name = document.filename if document.file else document.title
    location = attachment_location(name)
    if not _file_exists(document.file):
        return [
            Finding(
                kind=FindingKind.LINK,
                severity=Severity.ERROR,
                text=name,
                location=location,
                offset=0,
                message=_("附件文件不存在，公众将无法下载。"),
                suggestion=_("请重新上传附件。"),
            )
        ]
    if document.extracted_text:
        return check_extracted_text(
            document.extracted_text, name=name, lists=lists, location=location
        )
    with document.file.open("rb") as file:
        data = file.read()
    return check_file(name=name, data=data, lists=lists, location=location)


def check_item(
    *,
    item,
    lists: WordLists,
    today,
    resolve: Callable[[str], bool] | None = None,
    check_external: bool | None = None,
    required_metadata: tuple[RequiredField, ...] = DEFAULT_REQUIRED_METADATA,
) -> list[Finding]:
    """Every pre-review finding for a ``GovernmentInformationPage`` (saved or
    not): metadata, 文号, dates, personal data and wording in title, summary,
    body and each attachment, and the body's links.

    ``resolve`` defaults to the platform's page tree and documents; external
    links are looked up only when ``check_external`` (default: the
    ``USE_EXTERNAL_LINK_CHECK`` setting, off).
    """
    if check_external is None:
        check_external = getattr(settings, "USE_EXTERNAL_LINK_CHECK", False)
    if resolve is None:
        resolve = site_link_resolver(
            site=item.get_site() if item.pk else None, check_external=check_external
        )
        hostnames = own_hostnames()
    else:
        hostnames = frozenset()
    findings = check_metadata(_item_metadata(item), required=required_metadata)
    findings += check_document_number(item.document_number)
    findings += check_dates(
        written_on=item.written_on, published_on=item.published_on, today=today
    )
    findings += check_text(item.title, lists=lists, location=_("标题"))
    findings += check_text(item.summary, lists=lists, location=_("内容概述"))
    findings += check_text(item.body_text, lists=lists, location=_("正文"))
    findings += check_links(
        [_as_site_path(link, hostnames) for link in body_links(item)],
        resolve=resolve,
        check_external=check_external,
        location=_("正文链接"),
    )
    for attachment in item.attachments.all():
        findings += check_attachment(attachment, lists=lists)
    findings += capability_findings(item=item, today=today)
    return findings


# Other capabilities check what they know of an item (a land announcement's
# statutory lead time): functions registered for this Wagtail hook take
# ``item`` and ``today`` and return findings.
ITEM_FINDINGS_HOOK = "item_precheck_findings"


def capability_findings(*, item, today) -> list[Finding]:
    from wagtail import hooks

    return [
        finding
        for check in hooks.get_hooks(ITEM_FINDINGS_HOOK)
        for finding in check(item=item, today=today)
    ]
