"""Writes of the health check: a run with its findings (and the cache of
external links it fetched), and closing a column into a successor."""

import time
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page

from gongkai.accounts.models import Agency, User
from gongkai.publishing.models import ColumnPage
from gongkai.site_health import indicators, links, registry, selectors
from gongkai.site_health.choices import Trigger, Verdict
from gongkai.site_health.errors import InvalidSuccessorError, NoPortalError
from gongkai.site_health.models import ExternalLinkCheck, HealthCheckRun, HealthFinding

# Findings kept per indicator and run; the counts are always complete.
MAX_FINDINGS_PER_INDICATOR = 1000


def check_links(
    *, home, external: bool, fetch=links.fetch_status
) -> tuple[list[indicators.BrokenLink], int, bool]:
    """Broken links of the portal's pages, how many links were checked, and
    whether external ones were. Internal links are resolved against the page
    tree and documents; external ones come from the cache when fresh, the
    rest are fetched (capped) and stored in the cache."""
    targets = selectors.internal_targets(home=home)
    hosts = selectors.own_hosts(home=home)
    broken = []
    external_links: list[tuple[selectors.PageLink, str]] = []
    checked = 0
    for page_link in selectors.page_links(home=home):
        link = page_link.link
        if link.kind == "href":
            split = links.split_href(link.value, hosts)
            if split is None:
                continue
            where, address = split
            if where == "external":
                external_links.append((page_link, address))
                continue
        else:
            address = ""
        checked += 1
        problem = links.internal_problem(link, address, targets)
        if problem:
            broken.append(_broken(page_link, problem))
    if external and external_links:
        statuses = _external_statuses(
            {address for _link, address in external_links}, fetch
        )
        for page_link, address in external_links:
            status = statuses.get(address)
            if status is None:
                continue  # over this run's cap: checked in a later run
            checked += 1
            if not status.is_ok:
                broken.append(_broken(page_link, status.error or _("无法访问")))
    return broken, checked, external and bool(external_links)


def _broken(page_link, reason: str) -> indicators.BrokenLink:
    link = page_link.link
    target = link.value if link.kind == "href" else f"{link.kind}:{link.value}"
    return indicators.BrokenLink(
        page_link.page_id,
        page_link.page_title,
        page_link.page_url,
        target,
        reason,
        page_link.on_home,
    )


def _external_statuses(urls: set[str], fetch) -> dict[str, links.LinkStatus]:
    fresh_since = timezone.now() - timedelta(
        hours=settings.SITE_HEALTH_LINK_CACHE_HOURS
    )
    cached = selectors.cached_link_checks(urls=urls, fresh_since=fresh_since)
    statuses = {
        url: links.LinkStatus(url, check.is_ok, check.status_code, check.error)
        for url, check in cached.items()
    }
    fetched = links.check_external(
        sorted(urls - set(cached)),
        timeout=settings.SITE_HEALTH_LINK_TIMEOUT_SECONDS,
        host_interval=settings.SITE_HEALTH_HOST_INTERVAL_SECONDS,
        cap=settings.SITE_HEALTH_EXTERNAL_LINKS_PER_RUN,
        fetch=fetch,
    )
    if fetched:
        store_link_checks(statuses=fetched)
    statuses.update({status.url: status for status in fetched})
    return statuses


@transaction.atomic
def store_link_checks(*, statuses: list[links.LinkStatus]) -> None:
    now = timezone.now()
    ExternalLinkCheck.objects.bulk_create(
        [
            ExternalLinkCheck(
                url=status.url,
                checked_at=now,
                status_code=status.status_code,
                is_ok=status.is_ok,
                error=status.error[:300],
            )
            for status in statuses
        ],
        update_conflicts=True,
        unique_fields=["url"],
        update_fields=["checked_at", "status_code", "is_ok", "error", "updated_at"],
    )


def gather_facts(
    *, agency: Agency, today: date, check_external: bool, fetch=links.fetch_status
) -> tuple[indicators.SiteFacts, bool]:
    home = selectors.portal_home(agency=agency)
    if home is None:
        raise NoPortalError(_("本机关尚未建立门户网站，无法检查。"))
    current = selectors.policy()
    columns, home_updated = selectors.column_facts(home=home)
    broken, checked, external_checked = check_links(
        home=home, external=check_external, fetch=fetch
    )
    required = selectors.required_metadata(current)
    facts = indicators.SiteFacts(
        today=today,
        home_page_id=home.pk,
        home_title=home.title,
        home_last_update_on=home_updated,
        columns=columns,
        broken_links=broken,
        links_checked=checked,
        missing_metadata=selectors.missing_metadata(home=home, required=required),
        required_metadata=[
            selectors.METADATA_FIELDS.get(name, name) for name in required
        ],
        late_items=selectors.late_items(
            home=home, today=today, window_days=current.late_items_window_days
        ),
        overdue_applications=selectors.overdue_applications(agency=agency, today=today),
        message_channels=registry.message_facts(agency=agency, today=today),
    )
    return facts, external_checked


def run_health_check(
    *,
    agency: Agency,
    actor: User | None = None,
    trigger: str = Trigger.COMMAND,
    check_external: bool | None = None,
    today: date | None = None,
    fetch=links.fetch_status,
) -> HealthCheckRun:
    """Check the agency's portal against the indicators and keep the run
    with its verdict, reference score, counts and findings.

    External links are fetched before the run is stored (their cache is
    written as they come); the run and its findings are one transaction.
    Raises NoPortalError."""
    started = time.monotonic()
    today = today or timezone.localdate()
    if check_external is None:
        check_external = settings.SITE_HEALTH_CHECK_EXTERNAL_LINKS
    facts, external_checked = gather_facts(
        agency=agency, today=today, check_external=check_external, fetch=fetch
    )
    limits = selectors.thresholds(selectors.policy())
    assessment = indicators.assess(facts, limits)
    return _store_run(
        agency=agency,
        actor=actor,
        trigger=trigger,
        today=today,
        assessment=assessment,
        external_checked=external_checked,
        duration_ms=int((time.monotonic() - started) * 1000),
    )


@transaction.atomic
def _store_run(
    *, agency, actor, trigger, today, assessment, external_checked, duration_ms
) -> HealthCheckRun:
    run = HealthCheckRun.objects.create(
        agency=agency,
        checked_on=today,
        verdict=Verdict.PASSED if assessment.passed else Verdict.FAILED,
        score=assessment.score,
        reasons=list(assessment.reasons),
        counts={result.indicator: result.count for result in assessment.results},
        outcomes={
            result.indicator: {
                "outcome": result.outcome,
                "summary": result.summary,
                "points": str(result.points),
            }
            for result in assessment.results
        },
        trigger=trigger,
        triggered_by=actor,
        external_links_checked=external_checked,
        duration_ms=duration_ms,
    )
    HealthFinding.objects.bulk_create(
        [
            HealthFinding(
                run=run,
                indicator=finding.indicator,
                outcome=finding.outcome,
                page_id=finding.page_id,
                page_title=finding.page_title[:255],
                page_url=finding.page_url[:500],
                target=finding.target[:2000],
                detail=finding.detail[:500],
                suggestion=finding.suggestion[:200],
                points=finding.points,
            )
            for result in assessment.results
            for finding in result.findings[:MAX_FINDINGS_PER_INDICATOR]
        ],
        batch_size=1000,
    )
    log(
        instance=run,
        action="site_health.checked",
        user=actor,
        data={
            "verdict": run.verdict,
            "score": None if run.score is None else str(run.score),
            "trigger": trigger,
        },
    )
    return run


@transaction.atomic
def close_column(*, column: ColumnPage, successor: ColumnPage, actor: User) -> int:
    """Close ``column``: move its items and sub-columns under ``successor``,
    keep every old address leading to the same page (redirects), and
    unpublish the column, whose own address then leads to the successor.
    Returns how many pages moved.

    Raises InvalidSuccessorError when the successor is the column, lies
    inside it, is not live, or belongs to another agency."""
    column = ColumnPage.objects.select_for_update().get(pk=column.pk)
    successor = ColumnPage.objects.get(pk=successor.pk)
    if successor.pk == column.pk or successor.is_descendant_of(column):
        raise InvalidSuccessorError(_("接收栏目不能是被关闭的栏目本身或其下级栏目。"))
    if not successor.live:
        raise InvalidSuccessorError(_("接收栏目未发布，请选择已发布的栏目。"))
    if successor.agency_id != column.agency_id:
        raise InvalidSuccessorError(_("只能把信息移入本机关的栏目。"))
    site = column.get_site()
    taken = set(successor.get_children().values_list("slug", flat=True))
    moved = 0
    for child in list(column.get_children().specific()):
        old_paths = _site_paths(child)
        if child.slug in taken:
            # Siblings need distinct slugs; the old address still redirects.
            child.slug = f"{child.slug}-{child.pk}"
            child.save(update_fields=["slug"])
        MovePageAction(child, successor, pos="last-child", user=actor).execute(
            skip_permission_checks=True
        )
        taken.add(child.slug)
        child.refresh_from_db()
        for page_id, old_path in old_paths:
            _redirect(old_path, site, Page.objects.get(pk=page_id))
        moved += 1
    for _page_id, old_path in _site_paths(column)[:1]:
        _redirect(old_path, site, successor)
    column.refresh_from_db()
    if column.live:
        # The office may close any column; its page permissions (edit, not
        # publish) are not what decides here.
        UnpublishPageAction(column, user=actor, log_action=True).execute(
            skip_permission_checks=True
        )
    log(
        instance=column,
        action="site_health.column_closed",
        user=actor,
        data={"successor": successor.pk, "moved": moved},
    )
    return moved


def _site_paths(page: Page) -> list[tuple[int, str]]:
    """The addresses of ``page`` and everything below it, before a move."""
    paths = []
    for descendant in Page.objects.descendant_of(page, inclusive=True):
        url_parts = descendant.get_url_parts()
        if url_parts is not None and url_parts[2]:
            paths.append((descendant.pk, url_parts[2]))
    return paths


def _redirect(old_path: str, site, destination: Page) -> None:
    Redirect.objects.update_or_create(
        old_path=Redirect.normalise_path(old_path),
        site=site,
        defaults={"redirect_page": destination, "is_permanent": True},
    )
