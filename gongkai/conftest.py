"""Project-wide fixtures: an agency with its portal and column tree; the
browser-test fixtures (Chromium through Playwright, a live server over a
module's shared data) come from ``gongkai.core.tests.browser``."""

import pytest

from gongkai.accounts.models import Agency
from gongkai.accounts.validators import credit_code_check_character
from gongkai.core.tests.browser import (  # noqa: F401  (fixtures and hook)
    browser_type_launch_args,
    chromium,
    in_browser,
    in_browser_writing,
    module_db,
    module_live_server,
    pytest_runtest_setup,
)


def make_credit_code(body: str) -> str:
    """A valid 统一社会信用代码 from its first 17 characters."""
    return body + credit_code_check_character(body)


@pytest.fixture
def agency(db):
    return Agency.objects.create(
        name="临淄区自然资源局",
        short_name="临淄自然资源",
        credit_code=make_credit_code("11370305MB285931"[:16] + "0"),
        document_code="临自然资发",
        address="山东省淄博市临淄区桓公路",
        phone="0533-7180000",
    )


@pytest.fixture
def portal(agency):
    from gongkai.publishing import services

    home = services.create_portal(agency=agency, hostname="testserver")
    columns = services.create_standard_columns(home=home)
    return {"home": home, "columns": columns}


@pytest.fixture
def columns(portal):
    return portal["columns"]


@pytest.fixture(autouse=True)
def _empty_full_text_index(request):
    """Transactional tests end with a flush, which empties the model tables
    but not the full-text table beside them; start each such test with an
    empty full-text table too, so that counts stay exact."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from django.db import connection

    from gongkai.search.backends import backend
    from gongkai.search.models import SearchEntry

    if not SearchEntry.objects.exists():
        with connection.cursor() as cursor:
            backend().clear(cursor)


_after_transactional_test = False


@pytest.fixture(autouse=True)
def _transactional_tests_last(request):
    """A transactional test leaves the database empty, Wagtail's root page
    included; pytest-django runs them after the other database tests, and
    a run that mixes them up (``--dist`` other than ``make test``'s) fails
    here, saying why, rather than on a missing root page."""
    global _after_transactional_test
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if (marker is not None and marker.kwargs.get("transaction")) or (
        "transactional_db" in names or "live_server" in names
    ):
        _after_transactional_test = True
    elif _after_transactional_test and (marker is not None or "db" in names):
        pytest.fail(
            "A database test ran after a transactional test in this process: "
            "run the suite as `make test` does (pytest -n … --dist loadfile "
            "--no-loadscope-reorder), or without -n.",
            pytrace=False,
        )
