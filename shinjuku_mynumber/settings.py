"""Settings for the Shinjuku My Number portal.

Every value that differs between a laptop and production comes from the
environment (see README "Deploying"). Production refuses to start without a
real SECRET_KEY rather than inventing one.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "For local development run with DEBUG=1 (make run does this)."
        )
    SECRET_KEY = "insecure-development-only-key-do-not-use-in-production"  # noqa: S105 (DEBUG only)

# How many proxies of ours stand in front (nginx, Varnish, a load balancer):
# each appends the address it saw to X-Forwarded-For, and the client address
# (sign-in lock-out, survey rate limit) is read accordingly (client_ip.py).
_proxy_count = os.environ.get("PROXY_COUNT", "").strip()
if not _proxy_count.isdigit() and _proxy_count != "":
    raise ImproperlyConfigured(f"PROXY_COUNT must be a whole number, not {_proxy_count!r}.")
PROXY_COUNT = int(_proxy_count or 0)
if PROXY_COUNT > 5:
    raise ImproperlyConfigured(f"PROXY_COUNT={PROXY_COUNT}: more proxies than any real set-up has.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin patches apply.
    "modeltranslation",
    # The admin with a second factor for staff (shinjuku_mynumber/admin_site.py).
    "shinjuku_mynumber.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "dbbackup",
    "shinjuku_mynumber",
    "contacts",
    "facilities",
    "pages",
    "pages.survey",
    "pages.search",
    "pages.furigana",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "shinjuku_mynumber.middleware.AdminNetworksMiddleware",
    "shinjuku_mynumber.middleware.RequestBodyLimitMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Permissions-Policy (CSP, HSTS and COOP are Django's own).
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves cached public pages before the rest of the stack (see page_cache.py).
    "shinjuku_mynumber.page_cache.PageCacheMiddleware",
    # /ja/furigana/<page>: the page with readings, annotated once and cached (pages/furigana/).
    "pages.furigana.middleware.FuriganaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "shinjuku_mynumber.middleware.StaffLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "shinjuku_mynumber.middleware.DatabaseUnavailableMiddleware",
    "shinjuku_mynumber.middleware.StorageErrorMiddleware",
    # axes must be last: it turns a locked-out login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shinjuku_mynumber.urls"
WSGI_APPLICATION = "shinjuku_mynumber.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "shinjuku_mynumber.context_processors.site_banners",
            ],
        },
    },
]

# The embedded SQLite default serves a newcomer's first run; production and
# CI set DATABASE_URL to PostgreSQL. Health checks let the site recover by
# itself after the database restarts.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that hangs must not hang the site (README "Database time limits"):
# every wait for PostgreSQL is limited, so a page that needs it gives the 503
# page within a few seconds and cached pages keep being served.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))  # libpq: >= 2
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "3"))
# The client's own limit for a frozen network (shinjuku_mynumber/postgresql/),
# longer than the server's so that a slow query is cancelled by the server.
DATABASE_CLIENT_TIMEOUT = float(os.environ.get("DATABASE_CLIENT_TIMEOUT", "4"))
# After a failure, new connections wait this long: an outage fails fast.
DATABASE_RETRY_SECONDS = float(os.environ.get("DATABASE_RETRY_SECONDS", "2"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "shinjuku_mynumber.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DATABASE_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}",
            # An idle connection whose peer has gone is noticed (and an
            # unanswered send given up) by the kernel within seconds.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "tcp_user_timeout": int(DATABASE_CLIENT_TIMEOUT * 1000),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# The release being deployed (e.g. the git commit). In the shared cache,
# pages rendered by the previous release (with its templates and static file
# names) are then not served by the new one.
RELEASE = os.environ.get("RELEASE", "")
CACHE_KEY_PREFIX = ":".join(filter(None, ["shinjuku-mynumber", RELEASE]))
# The cache is shared by every worker process (and every container), so a
# staff edit is seen by all of them at once: Redis when REDIS_URL is set,
# otherwise files in CACHE_DIR (shared by the workers of one container; put it
# on a shared volume, or set REDIS_URL, for several containers).
if REDIS_URL:
    from redis.backoff import NoBackoff
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.retry import Retry

    CACHES = {
        "default": {
            # Errors count as misses (see cache_backends.py); short timeouts so
            # that a hanging Redis costs a request a fraction of a second.
            "BACKEND": "shinjuku_mynumber.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.25,
                # Once more on a dropped connection (Redis restarted), never
                # on a timeout.
                "retry": Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
                "health_check_interval": 0,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # Room for every page in every language; culling only costs renders.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# --- CDN -------------------------------------------------------------------
# Public pages name the content they show in this response header, for a
# CDN that purges by tag: Surrogate-Key (Fastly, Varnish xkey) or Cache-Tag
# (Cloudflare, Akamai). Without a CDN in front it is removed before the
# response leaves the site.
CACHE_TAG_HEADER = os.environ.get("CACHE_TAG_HEADER", "Surrogate-Key")
# Addresses that accept purges (comma-separated), e.g. http://varnish:6081/.
CDN_PURGE_URLS = env_list("CDN_PURGE_URLS")
CDN_PURGE_BACKEND = os.environ.get(
    "CDN_PURGE_BACKEND",
    "shinjuku_mynumber.cdn.VarnishXkeyPurge" if CDN_PURGE_URLS else "shinjuku_mynumber.cdn.NoPurge",
)
CDN_IN_FRONT = env_bool("CDN_IN_FRONT", bool(CDN_PURGE_URLS))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in lock-out (django-axes, shinjuku_mynumber/login_lockout.py):
# a (username, address) pair is locked after AXES_FAILURE_LIMIT failures; an
# address after AXES_ADDRESS_FAILURE_LIMIT failures whatever the usernames
# (sized for a ward office behind one address).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "30"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "shinjuku_mynumber.login_lockout.PairAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "shinjuku_mynumber.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# A second factor (TOTP, recovery codes) is required of superusers and
# Publishers (roles.requires_second_factor); the issuer names the site in
# the staff member's authenticator app.
OTP_TOTP_ISSUER = "Shinjuku My Number portal"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Optionally, the admin answers only from these networks (e.g. the ward's
# offices: "192.0.2.0/24,2001:db8::/48"); empty: from anywhere.
ADMIN_ALLOWED_NETWORKS = env_list("ADMIN_ALLOWED_NETWORKS")

# --- Languages -------------------------------------------------------------
# Japanese is the authoritative text; every other language is a translation.
LANGUAGE_CODE = "ja"
LANGUAGES = [
    ("ja", "日本語"),
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ko", "한국어"),
    ("vi", "Tiếng Việt"),
    ("ne", "नेपाली"),
    ("my", "မြန်မာဘာသာ"),
    ("es", "Español"),
    ("pt-br", "Português (Brasil)"),
    # やさしい日本語 (easy Japanese): its own version of the whole site, written
    # as a language (catalogue locale/ja_Easy, content locale/content/ja-easy.toml);
    # its pages say lang="ja" and carry furigana (pages/furigana/middleware.py).
    ("ja-easy", "やさしい にほんご"),
]
# Django knows no "ja-easy": its name for get_language_info() and the admin tabs.
LANG_INFO["ja-easy"] = {
    "bidi": False,
    "code": "ja-easy",
    "name": "Easy Japanese",
    "name_local": "やさしい にほんご",
}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# One date style per language: shinjuku_mynumber/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["shinjuku_mynumber.formats"]
USE_TZ = True
TIME_ZONE = "Asia/Tokyo"

MODELTRANSLATION_DEFAULT_LANGUAGE = "ja"
# No automatic fallback: templates show the Japanese text themselves, marked
# with lang="ja" and a notice, so a reader always knows what they see.
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
MODELTRANSLATION_ENABLE_FALLBACKS = False
# Serve our own jQuery UI for the tabbed admin (no outside CDN under the CSP).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded documents. Several app containers must see the same files, and a
# container replaced at a deploy must not take them along: production keeps
# them in S3-compatible object storage (STORAGE_BUCKET, see README "Documents
# and backups"). A first run without it keeps them in MEDIA_ROOT.
STORAGE_BUCKET = os.environ.get("STORAGE_BUCKET", "")


def _s3_client_config(timeout):
    from botocore.config import Config

    return Config(
        connect_timeout=timeout,
        read_timeout=timeout,
        retries={"max_attempts": 2, "mode": "standard"},
    )


if STORAGE_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "shinjuku_mynumber.shared_storage.SharedDocumentStorage",
        "OPTIONS": {
            "bucket_name": STORAGE_BUCKET,
            # Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
            "endpoint_url": os.environ.get("STORAGE_ENDPOINT_URL") or None,
            "region_name": os.environ.get("STORAGE_REGION") or None,
            "location": os.environ.get("STORAGE_PREFIX", "media"),
            # Documents are served by the app (with safe headers), never from
            # public bucket URLs; a second upload of one name never replaces the first.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            # A storage that hangs must not hold a staff member's save (and a
            # server thread) for minutes: give up after a few seconds, once retried.
            "client_config": _s3_client_config(float(os.environ.get("STORAGE_TIMEOUT", "10"))),
        },
    }
else:
    # On disk; a full disk leaves no partial file (storage.py).
    DEFAULT_STORAGE = {"BACKEND": "shinjuku_mynumber.storage.DocumentStorage"}
# Backups (manage.py dbbackup / mediabackup; make backup): a folder that is
# itself copied off the machine (BACKUP_DIR).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
DBBACKUP_SEND_EMAIL = False  # a failed backup fails its job; there is no mail server
# Our PostgreSQL backend (time limits) is backed up as PostgreSQL is: pg_dump.
DBBACKUP_CONNECTOR_MAPPING = {
    "shinjuku_mynumber.postgresql": "dbbackup.db.postgresql.PgDumpBinaryConnector"
}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BACKUP_DIR},
    },
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# Serve straight from the source folders where collectstatic has not run (tests).
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)
# Request bodies: forms (no files) up to 2.5 MB in memory; uploads above
# 2.5 MB go to a temporary file. A body larger than REQUEST_MAX_BYTES (a
# document plus its form) is refused before it is read
# (RequestBodyLimitMiddleware; nginx's client_max_body_size says the same).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024  # also in Document.file's help text
REQUEST_MAX_BYTES = DOCUMENT_MAX_BYTES + 1024 * 1024
# Bodies outside the admin's edit forms (the sign-in form, the survey) are small.
PUBLIC_REQUEST_MAX_BYTES = 64 * 1024

# --- Security --------------------------------------------------------------
# Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG and env_bool("SECURE_SSL_REDIRECT", True) and PROXY_COUNT == 0:
    # HTTPS ends at a proxy, yet no proxy is declared: client addresses would
    # all be the proxy's (one lock-out and rate-limit bucket for everyone).
    raise ImproperlyConfigured(
        "HTTPS is enforced (SECURE_SSL_REDIRECT) behind a TLS proxy, but PROXY_COUNT is "
        "not set: set PROXY_COUNT to the number of proxies in front (1 for nginx alone)."
    )
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading commits every subdomain of the ward's domain to HTTPS for good:
# the domain's owners decide that, not this site, so its check is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The admin takes the token from its forms, so scripts need not read the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "shinjuku_mynumber.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
}
# Features no page uses, denied to every origin (django-permissions-policy).
_DENIED_FEATURES = [
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "interest-cohort",
]  # fmt: skip
PERMISSIONS_POLICY = {feature: [] for feature in _DENIED_FEATURES}

# --- Site behaviour --------------------------------------------------------
# Shared caches (this site's page cache, a CDN) may keep a public page this
# long: every staff edit purges the pages it changes. Browsers keep it a minute.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "86400"))
PAGE_BROWSER_MAX_AGE = 60
# Pages that show "open now" must never be staler than this.
OPEN_STATUS_MAX_AGE = 60
# Stored answers per client address (many people may share one: a ward
# Wi-Fi, a carrier NAT), and per address and page.
SURVEY_RATE_LIMIT = os.environ.get("SURVEY_RATE_LIMIT", "120/10m")
SURVEY_PAGE_RATE_LIMIT = os.environ.get("SURVEY_PAGE_RATE_LIMIT", "20/10m")
# Survey comments are deleted this many days after they were written (the
# answers stay, as counts): `manage.py expire_survey_comments`, run daily.
SURVEY_COMMENT_RETENTION_DAYS = int(os.environ.get("SURVEY_COMMENT_RETENTION_DAYS", "180"))
WARD_OPINION_FORM_URL = "https://www.city.shinjuku.lg.jp/kusei/"
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
