"""Reads of the health check: the facts about an agency's portal the rules
judge (a few aggregate queries, links resolved by set lookups), the policy,
and past runs."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import BooleanField, Case, F, Max, Q, TextField, Value, When
from django.db.models.functions import Cast, Substr
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from gongkai.accounts.models import Agency
from gongkai.catalog.columns import ROOT_SLUG, STANDARD_COLUMNS
from gongkai.core.selectors import working_day_calendar
from gongkai.publishing import deadlines
from gongkai.publishing.models import (
    Attachment,
    ColumnPage,
    GovernmentInformationPage,
    PortalHomePage,
)
from gongkai.publishing.selectors import generated_content_updated_on
from gongkai.site_health.indicators import ColumnFacts, ItemProblem, Thresholds
from gongkai.site_health.links import InternalTargets, Link, extract_links
from gongkai.site_health.models import (
    METADATA_FIELDS,
    ExternalLinkCheck,
    HealthCheckPolicy,
    HealthCheckRun,
    split_fields,
)

STEP = Page.steplen


def policy() -> HealthCheckPolicy:
    return HealthCheckPolicy.load()


def thresholds(current: HealthCheckPolicy) -> Thresholds:
    return Thresholds(
        **{name: getattr(current, name) for name in Thresholds.__dataclass_fields__}
    )


def portal_home(*, agency: Agency) -> PortalHomePage | None:
    return PortalHomePage.objects.filter(agency=agency).order_by("path").first()


def _site_path(url_path: str, home: Page) -> str:
    """A page's address on the agency's site: "/xxgk/guide/"."""
    return "/" + url_path[len(home.url_path) :]


def _local(moment: datetime | None) -> date | None:
    return None if moment is None else timezone.localdate(moment)


def _items(home: Page):
    return GovernmentInformationPage.objects.live().public().descendant_of(home)


def column_facts(*, home: PortalHomePage) -> tuple[list[ColumnFacts], date | None]:
    """Every live column under ``home`` with the day of the newest item in
    it or below, and the newest item anywhere (the home page's update)."""
    newest_by_parent = (
        _items(home)
        .annotate(
            parent_path=Substr(
                "path", 1, (F("depth") - 1) * STEP, output_field=TextField()
            )
        )
        .values("parent_path")
        .annotate(newest=Max("first_published_at"))
    )
    newest: dict[str, datetime] = {}
    for row in newest_by_parent:
        if row["newest"] is None:
            continue
        path = row["parent_path"]
        # The newest item of a column counts for every column above it.
        for length in range(len(path), home.depth * STEP - 1, -STEP):
            prefix = path[:length]
            if prefix not in newest or newest[prefix] < row["newest"]:
                newest[prefix] = row["newest"]
    rows = list(
        ColumnPage.objects.live()
        .public()
        .descendant_of(home)
        .order_by("path")
        .values(
            "pk",
            "title",
            "path",
            "url_path",
            "slug",
            "kind",
            "update_interval_days",
            "first_published_at",
        )
    )
    parents = {row["path"][:-STEP] for row in rows}
    ids_by_path = {row["path"]: row["pk"] for row in rows}
    today = timezone.localdate()
    statutory = standard_slugs()
    columns = []
    for row in rows:
        column = ColumnPage(
            pk=row["pk"],
            path=row["path"],
            depth=len(row["path"]) // STEP,
            slug=row["slug"],
            agency_id=home.agency_id,
            kind=row["kind"],
            update_interval_days=row["update_interval_days"],
        )
        # A column another capability fills (the generated guide) is as
        # fresh as that content.
        generated_on = generated_content_updated_on(column=column)
        last_update_on = max(
            filter(None, (_local(newest.get(row["path"])), generated_on)),
            default=None,
        )
        columns.append(
            ColumnFacts(
                page_id=row["pk"],
                title=row["title"],
                url=_site_path(row["url_path"], home),
                kind=row["kind"],
                cycle_days=column.expected_update_days,
                last_update_on=last_update_on,
                created_on=_local(row["first_published_at"]) or today,
                is_leaf=row["path"] not in parents,
                parent_id=ids_by_path.get(row["path"][:-STEP]),
                is_statutory=row["slug"] in statutory,
            )
        )
    home_updated = max(
        filter(None, [newest.get(home.path), home.last_published_at]), default=None
    )
    return columns, _local(home_updated)


def standard_slugs(specs=STANDARD_COLUMNS) -> frozenset[str]:
    slugs = {ROOT_SLUG}
    for spec in specs:
        slugs.add(spec.slug)
        slugs |= standard_slugs(spec.children)
    return frozenset(slugs)


def own_hosts(*, home: Page) -> frozenset[str]:
    hosts = {
        site.hostname.lower()
        for site in Site.objects.filter(root_page__path__startswith=home.path[:STEP])
    }
    admin_host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    if admin_host:
        hosts.add(admin_host.lower())
    return frozenset(hosts)


def _other_path_exists(path: str) -> bool:
    """An address the project serves outside the page tree (/search/,
    /apply/, /feed/…); page addresses are decided by the page sets."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.func is not wagtail_serve


def internal_targets(*, home: PortalHomePage) -> InternalTargets:
    pages = Page.objects.live().descendant_of(home, inclusive=True)
    paths = frozenset(
        _site_path(url_path, home)
        for url_path in pages.values_list("url_path", flat=True)
    )
    columns = ColumnPage.objects.live().descendant_of(home)
    return InternalTargets(
        page_ids=frozenset(Page.objects.live().values_list("pk", flat=True)),
        document_ids=frozenset(Attachment.objects.values_list("pk", flat=True)),
        page_paths=paths,
        feed_paths=frozenset(
            _site_path(url_path, home)
            for url_path in columns.values_list("url_path", flat=True)
        ),
        redirect_paths=frozenset(
            old_path.rstrip("/") + "/"
            for old_path in Redirect.objects.values_list("old_path", flat=True)
        ),
        other_path_exists=_other_path_exists,
    )


@dataclass(frozen=True)
class PageLink:
    page_id: int
    page_title: str
    page_url: str
    link: Link
    on_home: bool


def page_links(*, home: PortalHomePage) -> Iterator[PageLink]:
    """Every link in the content of live items under ``home`` (rich text,
    imported HTML), read from the stored body without building pages."""
    items = (
        _items(home)
        .annotate(raw=Cast("body", TextField()))
        .filter(raw__contains="<a")
        .values_list("pk", "title", "url_path", "raw")
        .order_by("path")
    )
    for pk, title, url_path, raw in items.iterator(chunk_size=2000):
        url = _site_path(url_path, home)
        for link in extract_links(raw):
            yield PageLink(pk, title, url, link, False)
    for link in extract_links(home.introduction or ""):
        yield PageLink(home.pk, home.title, "/", link, True)


def cached_link_checks(
    *, urls: set[str], fresh_since: datetime
) -> dict[str, ExternalLinkCheck]:
    found = {}
    url_list = sorted(urls)
    for start in range(0, len(url_list), 500):
        for check in ExternalLinkCheck.objects.filter(
            url__in=url_list[start : start + 500], checked_at__gte=fresh_since
        ):
            found[check.url] = check
    return found


def missing_metadata(*, home: PortalHomePage, required: list[str]) -> list[ItemProblem]:
    """Live items lacking a required element (domain-rules §3.5). The
    publisher falls back to the agency's name, as the item page shows it."""
    tests = {
        "index_number": Q(index_number__isnull=True) | Q(index_number=""),
        "title": Q(title=""),
        "summary": Q(summary=""),
        "written_on": Q(written_on__isnull=True),
        "publisher": Q(publisher="") & (Q(agency__isnull=True) | Q(agency__name="")),
        "published_on": Q(first_published_at__isnull=True),
        "document_number": Q(document_number=""),
        "keywords": Q(keywords=""),
    }
    fields = [name for name in required if name in tests]
    if not fields:
        return []
    any_missing = Q(pk__in=[])
    annotations = {}
    for name in fields:
        any_missing |= tests[name]
    items = _items(home).filter(any_missing)
    # Which elements each item lacks, computed by the database.
    for name in fields:
        annotations[f"lacks_{name}"] = Case(
            When(tests[name], then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    problems = []
    for row in (
        items.annotate(**annotations)
        .values("pk", "title", "url_path", *annotations)
        .order_by("path")
    ):
        lacking = [METADATA_FIELDS[name] for name in fields if row[f"lacks_{name}"]]
        problems.append(
            ItemProblem(
                row["pk"],
                row["title"],
                _site_path(row["url_path"], home),
                _("缺少：%(fields)s") % {"fields": "、".join(lacking)},
            )
        )
    return problems


def late_items(
    *, home: PortalHomePage, today: date, window_days: int
) -> list[ItemProblem]:
    """Live items first published in the window later than 20 working days
    after the day they were formed or changed (条例 Art. 26; the same
    deadline as the 发布时效 report)."""
    calendar = working_day_calendar()
    since = today - timedelta(days=window_days)
    rows = (
        _items(home)
        .filter(first_published_at__date__gte=since)
        .values_list(
            "pk", "title", "url_path", "written_on", "changed_on", "first_published_at"
        )
        .order_by("path")
    )
    problems = []
    for (
        pk,
        title,
        url_path,
        written_on,
        changed_on,
        first_published_at,
    ) in rows.iterator(chunk_size=5000):
        formed_on = changed_on or written_on
        published_on = timezone.localdate(first_published_at)
        # 20 working days are never fewer than 20 calendar days.
        if formed_on is None or (published_on - formed_on).days <= 20:
            continue
        due = deadlines.publication_due(formed_on=formed_on, calendar=calendar)
        if deadlines.is_published_late(published_on=published_on, due_on=due.due_on):
            problems.append(
                ItemProblem(
                    pk,
                    title,
                    _site_path(url_path, home),
                    _(
                        "形成或变更于%(formed)s，应于%(due)s前发布，实际%(published)s发布"
                    )
                    % {
                        "formed": formed_on.isoformat(),
                        "due": due.due_on.isoformat(),
                        "published": published_on.isoformat(),
                    },
                )
            )
    return problems


def overdue_applications(*, agency: Agency, today: date) -> list[ItemProblem]:
    """Open applications past their reply deadline (条例 Art. 33), by case
    number only: the check's page shows no personal data."""
    from django.urls import reverse

    from gongkai.applications.selectors import due_cases

    problems = []
    for application, case in due_cases(agency=agency, today=today):
        if not case.is_overdue:
            continue
        problems.append(
            ItemProblem(
                None,
                application.number,
                reverse("applications_case", args=[application.pk]),
                _("答复期限%(due)s，已超期%(days)s个工作日")
                % {
                    "due": case.reply_due.due_on.isoformat() if case.reply_due else "",
                    "days": -case.working_days_left,
                },
            )
        )
    return problems


def recent_runs(*, agency: Agency, limit: int = 30) -> list[HealthCheckRun]:
    return list(
        HealthCheckRun.objects.filter(agency=agency)
        .select_related("triggered_by")
        .order_by("-created_at", "-pk")[:limit]
    )


def latest_run(*, agency: Agency) -> HealthCheckRun | None:
    return (
        HealthCheckRun.objects.filter(agency=agency)
        .order_by("-created_at", "-pk")
        .first()
    )


def required_metadata(current: HealthCheckPolicy) -> list[str]:
    return split_fields(current.required_metadata)
