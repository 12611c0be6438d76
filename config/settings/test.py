"""Test settings: fast hashing, in-memory mail and cache, immediate tasks."""

import atexit
import shutil
import tempfile
from pathlib import Path

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105  # not a secret: tests only
# Fixed keys for tests only; production reads its own from the environment.
FIELD_ENCRYPTION_KEYS = env(
    "FIELD_ENCRYPTION_KEYS",
    default="test:dGVzdC1vbmx5LWZpZWxkLWtleS1ub3QtYS1zZWNyZXQ",
)
FIELD_INDEX_KEY = env(
    "FIELD_INDEX_KEY", default="dGVzdC1vbmx5LWluZGV4LWtleS1ub3QtYS1zZWNyZXQ"
)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
_scratch = Path(tempfile.mkdtemp(prefix="gongkai-test-"))
atexit.register(shutil.rmtree, _scratch, ignore_errors=True)
DATA_DIR = _scratch
MEDIA_ROOT = _scratch / "media"
PAGE_CACHE_STAMP_FILE = _scratch / "page-cache.stamp"
PAGE_CACHE_ENABLED = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Under the scratch directory, not the data directory of base settings.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(_scratch / "private"), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{_scratch / 'test.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(_scratch / "test-db.sqlite3")}
