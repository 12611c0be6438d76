"""Local development: DEBUG on, throwaway key."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
# Fixed keys for development only; production reads its own from the environment.
FIELD_ENCRYPTION_KEYS = env(
    "FIELD_ENCRYPTION_KEYS",
    default="dev:ZGV2LW9ubHktZmllbGQta2V5LWRvLW5vdC11c2UtISE",
)
FIELD_INDEX_KEY = env(
    "FIELD_INDEX_KEY", default="ZGV2LW9ubHktaW5kZXgta2V5LWRvLW5vdC11c2UtISE"
)
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
