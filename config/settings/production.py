"""Production: every secret from the environment, HTTPS only, strict headers."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of 50 characters."
    )
# SEC-CRYPT-02: personal data cannot be stored without its keys.
FIELD_ENCRYPTION_KEYS = env("FIELD_ENCRYPTION_KEYS", default="")
FIELD_INDEX_KEY = env("FIELD_INDEX_KEY", default="")
try:
    from gongkai.core.crypto import Keyring, KeyringError

    Keyring.from_settings(FIELD_ENCRYPTION_KEYS, FIELD_INDEX_KEY)
except KeyringError as error:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS and FIELD_INDEX_KEY must be set (see .env.example): "
        f"{error}"
    ) from error
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
TRUST_X_FORWARDED_FOR = env.bool("TRUST_X_FORWARDED_FOR", default=False)

# SEC-CRYPT-01, SEC-AUTH-06: TLS only; cookies never over plain HTTP.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
if not SECURE_HSTS_PRELOAD:
    # HSTS preload is a decision for the domain's owner, not a default.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]  # noqa: F405
