"""Settings shared by every environment. Environment values are read here once."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, env

# GENERAL
# ------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
# SEC-CRYPT-02: keys sealing personal data at rest (``id:base64key`` entries,
# the first seals new values) and the key of the blind indexes. Never in the
# database or the repository; see gongkai/core/crypto.py.
FIELD_ENCRYPTION_KEYS = env("FIELD_ENCRYPTION_KEYS", default="")
FIELD_INDEX_KEY = env("FIELD_INDEX_KEY", default="")
# SEC-FORM-02: online applications per client address an hour and per ID
# number a day; status queries per client address an hour.
APPLICATION_LIMIT_PER_HOUR = env.int("APPLICATION_LIMIT_PER_HOUR", default=5)
APPLICATION_LIMIT_PER_ID_PER_DAY = env.int(
    "APPLICATION_LIMIT_PER_ID_PER_DAY", default=10
)
STATUS_QUERY_LIMIT_PER_HOUR = env.int("STATUS_QUERY_LIMIT_PER_HOUR", default=30)
# Online applications may carry attachments (ID proof, a letter): at most
# this many files of this size each (PDF, DOCX, XLSX, OFD, JPEG or PNG).
APPLICATION_ATTACHMENTS_MAX = env.int("APPLICATION_ATTACHMENTS_MAX", default=3)
APPLICATION_ATTACHMENT_MAX_BYTES = env.int(
    "APPLICATION_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024
)
# An application not corrected within its period is closed as abandoned
# this many working days later (time to register a correction that came by
# post on the last day); the office may close it earlier.
ABANDONMENT_GRACE_WORKING_DAYS = env.int("ABANDONMENT_GRACE_WORKING_DAYS", default=3)
# PI-04: an ID number in lists keeps this many leading characters and the
# last four (110***********1234).
ID_NUMBER_MASK_KEEP_START = env.int("ID_NUMBER_MASK_KEEP_START", default=3)
# Art. 44 (依申请转主动): requests from this many different applicants for
# similar information prompt the office; similarity is the overlap of the
# requests' Chinese bigrams (0–1).
PROACTIVE_PROMPT_MIN_APPLICANTS = env.int("PROACTIVE_PROMPT_MIN_APPLICANTS", default=2)
PROACTIVE_PROMPT_SIMILARITY = env.float("PROACTIVE_PROMPT_SIMILARITY", default=0.6)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
DATA_DIR = Path(env("GONGKAI_DATA_DIR", default=str(BASE_DIR / "var")))
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "gongkai" / "locale"]
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="政务公开平台")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# DATABASES
# ------------------------------------------------------------------------------
DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE avoids
    # "database is locked" upgrades inside transactions.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000; PRAGMA mmap_size=268435456;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# APPS
# ------------------------------------------------------------------------------
GONGKAI_APPS = [
    "gongkai.core",
    "gongkai.accounts",
    "gongkai.catalog",
    "gongkai.publishing",
    "gongkai.review",
    "gongkai.applications",
    "gongkai.supervision",
    "gongkai.site_health",
    "gongkai.reports",
    "gongkai.decisions",
    "gongkai.consultations",
    "gongkai.land_market",
    "gongkai.land_prices",
    "gongkai.expropriation",
    "gongkai.mining_rights",
    "gongkai.search",
    "gongkai.api",
    "gongkai.demo",
]
WAGTAIL_APPS = [
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "gongkai.accounts.apps.GongkaiUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]
INSTALLED_APPS = [
    *GONGKAI_APPS,
    *WAGTAIL_APPS,
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# AUTHENTICATION
# ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "wagtailadmin_login"
# Length-based passwords (ASVS 2.1; security-and-accessibility.md K1).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# SEC-AUTH-03: five consecutive failures lock the account for 30 minutes.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_LOCKOUT_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# SEC-AUTH-04: back-office sessions end after 30 idle minutes.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gongkai.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.core.audit.AuditContextMiddleware",
    "gongkai.core.middleware.DomainErrorMessageMiddleware",
    "axes.middleware.AxesMiddleware",
    # A closed column's old addresses lead to where its items went.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# TEMPLATES
# ------------------------------------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    }
]

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "gongkai" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Files holding personal data (applicants' attachments): kept beside the
    # data, never under MEDIA_URL; served only by views that check access.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "private"), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# WAGTAIL
# ------------------------------------------------------------------------------
WAGTAILDOCS_DOCUMENT_MODEL = "publishing.Attachment"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "gongkai.publishing.forms.AttachmentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "ofd", "jpg", "jpeg", "png", "mp4"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_FINISH_WORKFLOW_ACTION = "gongkai.review.workflows.publish_reviewed_item"
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True

# TASKS (one interface; immediate by default, a real queue in production)
# ------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# CACHES AND THE PUBLIC PAGE CACHE
# ------------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_STAMP_FILE = DATA_DIR / "page-cache.stamp"
PAGE_CACHE_MAX_ENTRIES = env.int("PAGE_CACHE_MAX_ENTRIES", default=5000)

# 三同步: an interpretation may follow its document by at most this many
# working days, with a reason (domain-rules §6, §7 item 13; UNCONFIRMED).
INTERPRETATION_MAX_DELAY_WORKING_DAYS = env.int(
    "INTERPRETATION_MAX_DELAY_WORKING_DAYS", default=3
)

# 定点定向公开 (task 22 of 附件1): a village-facing expropriation notice is
# due on the village's boards, WeChat group or broadcast this many working
# days after it is published online (no rule sets it; the office's choice).
EXPROPRIATION_DELIVERY_WORKING_DAYS = env.int(
    "EXPROPRIATION_DELIVERY_WORKING_DAYS", default=3
)

# Pre-publication checks fetch external links only where this is on (no
# network at run time by default).
USE_EXTERNAL_LINK_CHECK = env.bool("USE_EXTERNAL_LINK_CHECK", default=False)

# PERIODIC JOBS (management command → interval in seconds)
# ------------------------------------------------------------------------------
PERIODIC_JOBS = {
    "publish_scheduled": 60,
    "remind_application_deadlines": 3600,
    "remind_supervision": 3600,
    "refresh_catalogue": 86400,
    "site_health": 86400,
    "remind_annual_report": 3600,
}

# SITE HEALTH
# ------------------------------------------------------------------------------
# External links of the daily health check: on or off (as the pre-review's
# USE_EXTERNAL_LINK_CHECK unless set), the time allowed per request, the
# pause between two requests to one host, at most this many fetched per run,
# and how long a result is reused (gongkai/site_health/links.py).
SITE_HEALTH_CHECK_EXTERNAL_LINKS = env.bool(
    "SITE_HEALTH_CHECK_EXTERNAL_LINKS", default=USE_EXTERNAL_LINK_CHECK
)
SITE_HEALTH_LINK_TIMEOUT_SECONDS = env.float(
    "SITE_HEALTH_LINK_TIMEOUT_SECONDS", default=5.0
)
SITE_HEALTH_HOST_INTERVAL_SECONDS = env.float(
    "SITE_HEALTH_HOST_INTERVAL_SECONDS", default=1.0
)
SITE_HEALTH_EXTERNAL_LINKS_PER_RUN = env.int(
    "SITE_HEALTH_EXTERNAL_LINKS_PER_RUN", default=200
)
SITE_HEALTH_LINK_CACHE_HOURS = env.int("SITE_HEALTH_LINK_CACHE_HOURS", default=72)

# ANNUAL REPORT
# ------------------------------------------------------------------------------
# The wording of titles 四 and 五 and section 六's sub-items are UNCONFIRMED
# (domain-rules §2.1): new drafts start with the defaults in
# gongkai.reports (short forms; fees, 年度政务公开工作要点, 人大建议/政协提案),
# which these override, e.g. {"title_problems": "五、政府信息公开工作存在的主要问题及改进情况"}.
REPORT_SECTION_TITLES: dict[str, str] = {}
REPORT_SECTION6_PROMPTS: tuple[str, ...] = ()

# SEARCH
# ------------------------------------------------------------------------------
# Past this many matches, relevance ranks title hits by bm25 and the rest by
# date (docs/decisions/0001-chinese-search.md).
SEARCH_FULL_RANKING_MAX_MATCHES = env.int(
    "SEARCH_FULL_RANKING_MAX_MATCHES", default=10_000
)

# EMAIL
# ------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"gongkai": {"level": env("LOG_LEVEL", default="INFO")}},
}

# SECURITY HEADERS (production tightens these)
# ------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# SEC-AUTH-03 locks the account, not the address: a shared office NAT must
# not lock out a whole bureau.
SILENCED_SYSTEM_CHECKS: list[str] = ["axes.W006"]

GONGKAI_SITE_TITLE = _("政务公开平台")
