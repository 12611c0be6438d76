"""Browser-test fixtures: Debian's Chromium, driven by Playwright, against
pytest-django's live server.

Tests marked ``browser`` need Chromium at ``/usr/bin/chromium`` (or at the
path in ``GONGKAI_CHROMIUM``). Without it they fail, so that a CI image that
lost its browser does not turn the suite silently green; setting
``GONGKAI_SKIP_BROWSER_TESTS=1`` skips them on purpose. Playwright never
downloads a browser here.

Playwright runs in a thread of its own. Its sync API keeps an asyncio loop
marked as running in the thread that started it, and in such a thread Django
refuses database access (SynchronousOnlyOperation) — and with
DJANGO_ALLOW_ASYNC_UNSAFE set, it silently hands out a *different* connection
object (asgiref's Local becomes context-local), so pytest-django's
serialized rollback no longer restores the migrations' data (Wagtail's root
page) and later tests break. Kept off the test thread, the loop changes
nothing there: fixtures and tests use the database as in any other test.
"""

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Fail a step in seconds rather than wait for Playwright's 30 s default.
STEP_TIMEOUT_MS = 10_000


def chromium_path() -> Path:
    return Path(os.environ.get("GONGKAI_CHROMIUM") or DEFAULT_CHROMIUM)


def require_chromium() -> Path:
    """Chromium's path, or the test stops: skipped only on explicit request,
    failed otherwise."""
    if os.environ.get("GONGKAI_SKIP_BROWSER_TESTS") == "1":
        pytest.skip("GONGKAI_SKIP_BROWSER_TESTS=1: browser tests skipped")
    path = chromium_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {path}: install it with "
            "`apt-get install chromium` (Debian), or set "
            "GONGKAI_SKIP_BROWSER_TESTS=1 to skip browser tests explicitly.",
            pytrace=False,
        )
    return path


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before any fixture: no test data is built for a test that cannot run.
    if item.get_closest_marker("browser") is not None:
        require_chromium()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright's launch options (--headed, --slowmo…) with Debian's
    Chromium instead of a downloaded one."""
    return {
        **browser_type_launch_args,
        "executable_path": str(chromium_path()),
        "args": CHROMIUM_ARGS,
    }


class BrowserThread:
    """Chromium, driven through Playwright's sync API from one worker thread;
    every Playwright call must go through ``run``."""

    def __init__(self, launch_args: dict) -> None:
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="playwright")
        self._playwright = None
        self.browser = None
        try:
            self.run(self._start, launch_args)
        except BaseException:
            self.close()
            raise

    def _start(self, launch_args: dict) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.browser = self._playwright.chromium.launch(**launch_args)

    def _stop(self) -> None:
        try:
            if self.browser is not None:
                self.browser.close()
        finally:
            if self._playwright is not None:
                self._playwright.stop()

    def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)`` in the browser thread; its result, or its
        exception (an assertion inside fails the test as usual)."""
        return self._executor.submit(function, *args).result()

    def close(self) -> None:
        try:
            self.run(self._stop)
        finally:
            self._executor.shutdown()


@pytest.fixture(scope="session")
def chromium(browser_type_launch_args: dict) -> Iterator[BrowserThread]:
    """One Chromium for the session's browser tests."""
    require_chromium()
    browser = BrowserThread(browser_type_launch_args)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker) -> Iterator[None]:
    """Database access for a whole test module: what the module's fixtures
    commit is shared by its tests (build it once: a portal takes seconds,
    more on PostgreSQL). When the module ends, the database is emptied and
    the migrations' data (Wagtail's root page, permissions…) put back, as
    after a transactional test with serialized rollback; the search index's
    own tables, which Django's flush does not know, are emptied too.

    The module must be marked ``pytest.mark.django_db`` without
    ``transaction=True``: the mark makes pytest-django create the test
    database (so nothing here ever touches a real one), while a transactional
    test would empty the database after each test.
    """
    from django.core.management import call_command
    from django.db import connection

    from gongkai.search.services import rebuild_index

    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction"):
        pytest.fail(
            f"{request.node.name} uses module_db: mark the module with "
            "`pytestmark = pytest.mark.django_db` (not transaction=True).",
            pytrace=False,
        )
    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            # As TransactionTestCase does: ids are not reused afterwards.
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(migrated)
            rebuild_index()


@pytest.fixture(scope="module")
def module_live_server(request, module_db) -> Iterator:
    """pytest-django's live server for a module that shares its data
    (``module_db``). The ``live_server`` fixture would make each test
    transactional, and so empty the database after the first test."""
    from django.test.utils import modify_settings
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address)
    try:
        with modify_settings(ALLOWED_HOSTS={"append": server.thread.host}):
            yield server
    finally:
        server.stop()


def _tab(chromium: BrowserThread, base_url: str) -> Iterator[Callable]:
    def open_tab():
        context = chromium.browser.new_context(
            base_url=base_url,
            locale="zh-CN",
            viewport={"width": 1280, "height": 800},
        )
        context.set_default_timeout(STEP_TIMEOUT_MS)
        return context, context.new_page()

    context, page = chromium.run(open_tab)
    try:
        yield lambda steps: chromium.run(steps, page)
    finally:
        chromium.run(context.close)


@pytest.fixture
def in_browser(chromium: BrowserThread, module_live_server) -> Iterator[Callable]:
    """Run ``steps(page)`` in a fresh tab (own cookies and storage) on the
    module's live server: ``in_browser(steps)``; ``page.goto("/search/")``
    opens the server's /search/. The steps run in the browser thread: prepare
    data in fixtures, not inside them.
    """
    yield from _tab(chromium, module_live_server.url)


@pytest.fixture
def in_browser_writing(chromium: BrowserThread, live_server) -> Iterator[Callable]:
    """As ``in_browser``, for a test whose steps change data (staff at work
    in the admin): the test is transactional (mark it ``django_db(
    transaction=True, serialized_rollback=True)``), so that the live server
    sees what the test committed and may write itself. Without that, the
    test's own open transaction would hold SQLite's write lock."""
    yield from _tab(chromium, live_server.url)


def log_out_of_admin(page) -> None:
    """End the back-office session in ``page`` on the server, then forget
    its cookies.

    Clearing the cookies alone is not a log-out: with
    SESSION_SAVE_EVERY_REQUEST, a request the last admin page still had in
    flight (Wagtail's editing-session ping) sets the session cookie again when
    it answers, and the login page then redirects the old user to the admin
    home. Once the session is deleted on the server, such a late answer can
    only carry a dead session.
    """
    # Leave the admin page first: its timers stop sending requests.
    page.goto("about:blank")
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    if "sessionid" in cookies:
        response = page.request.post(
            "/admin/logout/",
            headers={"X-CSRFToken": cookies.get("csrftoken", "")},
            max_redirects=0,
        )
        assert response.status in (200, 302), (
            f"/admin/logout/: HTTP {response.status}: {response.text()[:500]}"
        )
    page.context.clear_cookies()


def log_in_to_admin(page, username: str, password: str) -> None:
    """Log ``username`` in to the back office in ``page``, after logging out
    whoever was in; waits for the admin home page."""
    import re

    from playwright.sync_api import expect

    log_out_of_admin(page)
    response = page.goto("/admin/login/")
    # Say what came back instead of timing out on a missing field.
    assert response is not None and response.ok and "/admin/login/" in page.url, (
        f"/admin/login/: HTTP {response.status if response else '-'} "
        f"at {page.url}: {page.content()[:500]}"
    )
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))
