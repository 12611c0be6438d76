"""Protection of the public forms (applications, comments) against automated abuse without any
outside service (K2, SEC-FORM-02): a hidden field people leave empty, a
minimum time to fill the form, and counters per client address and per ID
number in the cache. Nothing here shows a CAPTCHA: in-person and postal
applications always remain open (国办公开办函〔2017〕19号)."""

import time

from django.core import signing
from django.core.cache import cache

HONEYPOT_FIELD = "website"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 3600
_SALT = "gongkai.applications.form-started"


def form_token(now: float | None = None) -> str:
    """A signed note of when the form was shown."""
    return signing.dumps(int(now if now is not None else time.time()), salt=_SALT)


def looks_automated(*, honeypot: str, token: str, now: float | None = None) -> bool:
    """True for a filled hidden field, a missing or forged token, a form sent
    faster than a person can fill it, or one shown too long ago."""
    if honeypot:
        return True
    try:
        shown = signing.loads(token, salt=_SALT, max_age=MAX_FORM_AGE_SECONDS)
    except signing.BadSignature:
        return True
    now = now if now is not None else time.time()
    return now - shown < MIN_FILL_SECONDS


def over_limit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one attempt for ``key``; True once more than ``limit`` were made
    within ``seconds``."""
    cache_key = f"gongkai:limit:{key}"
    cache.add(cache_key, 0, timeout=seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=seconds)
        count = 1
    return count > limit
