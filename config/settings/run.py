"""``make run``: production settings served over plain HTTP on loopback.

Everything but TLS is as in production (DEBUG off, static files through
WhiteNoise, the page cache on).
"""

import os
from pathlib import Path

from config.env import BASE_DIR, env

_data_dir = Path(env("GONGKAI_DATA_DIR", default=str(BASE_DIR / "var")))
# The secret key and the keys sealing personal data come from the
# environment or from files ``make run`` generates in the data directory.
for _name, _file in (
    ("SECRET_KEY", "secret_key"),
    ("FIELD_ENCRYPTION_KEYS", "field_encryption_keys"),
    ("FIELD_INDEX_KEY", "field_index_key"),
):
    if not os.environ.get(_name):
        os.environ[_name] = (_data_dir / _file).read_text().strip()
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from config.settings.production import *  # noqa: E402, F403  # after the keys are set

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
