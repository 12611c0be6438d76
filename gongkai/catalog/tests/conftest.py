import pytest


@pytest.fixture(autouse=True)
def _forget_cached_downloads():
    """Downloads are cached by the catalogue's state, which a test under
    frozen time can repeat exactly: start each test without them."""
    from django.core.cache import cache

    cache.clear()
