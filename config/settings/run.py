"""``make run``: production settings served over plain HTTP on loopback.

Everything but TLS is as in production (DEBUG off, static files through
WhiteNoise, the page cache on). The secret key comes from the environment
or from a file ``make run`` generates in the data directory.
"""

import os
from pathlib import Path

from config.env import BASE_DIR, env

if not os.environ.get("SECRET_KEY"):
    _data_dir = Path(env("GONGKAI_DATA_DIR", default=str(BASE_DIR / "var")))
    os.environ["SECRET_KEY"] = (_data_dir / "secret_key").read_text().strip()
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from config.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
