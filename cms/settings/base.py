"""Settings shared by every environment. The environment is read here, once."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .environment import (
    ConfigurationError,
    database_from_env,
    env_bool,
    env_int,
    env_list,
    env_str,
    frontend_cache_from_env,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "cms",
    "cms.webhooks",
    "cms.frontend",
    "home",
    "guides",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "ninja",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so that everything after it sees the client's address (CLIENT_IP_HEADER).
    "cms.client_address.ClientAddressMiddleware",
    "cms.api.middleware.ApiErrorsMiddleware",  # JSON errors under /api/, even under DEBUG
    "django.middleware.security.SecurityMiddleware",
    # Outside the API's response cache, so that cached responses get the header too.
    "cms.security_headers.ContentSecurityPolicyMiddleware",
    "cms.nul_bytes.RejectNulMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Before sessions and auth: cached API responses skip them, and no cookie changes them.
    "cms.api.middleware.ApiV1Middleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

# Logins are rate-limited (django-axes): after LOGIN_FAILURE_LIMIT failures for one username from
# one address, that pair is locked out for LOGIN_LOCKOUT_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/login_locked.html"
AXES_VERBOSE = False

# Behind reverse proxies: CLIENT_IP_HEADER (e.g. X-Forwarded-For) carries the client's address,
# appended to by each of the TRUSTED_PROXY_COUNT proxies; unset, REMOTE_ADDR is the client.
# cms.client_address puts it in REMOTE_ADDR, where django-axes and the quiz rate limit read it.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
if CLIENT_IP_HEADER:
    CLIENT_IP_HEADER = "HTTP_" + CLIENT_IP_HEADER.upper().replace("-", "_")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT < 1:
    raise ConfigurationError("TRUSTED_PROXY_COUNT must be 1 or more.")
# Trust X-Forwarded-Proto only when a TLS-terminating proxy sets it (and strips clients' own).
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)  # seconds; a working day

# Content-Security-Policy on every response that sets none of its own; the admin gets a few
# additions, explained in cms/security_headers.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL, defaulting to a SQLite file under var/.
DATABASES = {"default": database_from_env(f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory, or Redis shared by every process when REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.caching.redis.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cms",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cms",
        }
    }

# Background tasks. Wagtail's own (search and reference index) run immediately; the project's
# (webhook deliveries, CDN purges) wait in the database for `make worker`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Webhooks: each request gets WEBHOOK_TIMEOUT seconds in all; a failed delivery is tried
# WEBHOOK_ATTEMPTS times, waiting WEBHOOK_RETRY_SECONDS, then twice as long each time.
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 5)
WEBHOOK_ATTEMPTS = env_int("WEBHOOK_ATTEMPTS", 5)
WEBHOOK_RETRY_SECONDS = env_int("WEBHOOK_RETRY_SECONDS", 30)
# Receivers on loopback or private networks are refused unless their network is listed here.
WEBHOOK_ALLOWED_NETWORKS = env_list("WEBHOOK_ALLOWED_NETWORKS")

# CDN purge on publish (wagtail.contrib.frontend_cache): the public origin of the API, and
# either a purge URL (Varnish, Squid, nginx) or a Cloudflare zone and token.
API_PUBLIC_URL = env_str("API_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source, Simplified Chinese falls back to it.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en",)}
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static and media files; whitenoise serves static files in every environment.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = _("Relationship Guides CMS")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILAPI_LIMIT_MAX = 100
# Stock API v2 rich text: serialized in the stored format, then made front-end HTML by
# cms/api/v2.py through cms.rich_text, which links only to live, public pages.
WAGTAILAPI_RICH_TEXT_FORMAT = "db_html"
# Draftail, cleaning HTML posted in place of its JSON instead of failing (cms/rich_text_editor.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "cms.rich_text_editor.CleaningDraftailRichTextArea"}
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Delivery API
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)  # Cache-Control max-age for clients and CDNs
API_RESPONSE_CACHE = env_bool("API_RESPONSE_CACHE", default=True)  # off only to measure
PREVIEW_TOKEN_SECONDS = env_int("PREVIEW_TOKEN_SECONDS", 60 * 60)
# The front end readers use: public Wagtail page URLs redirect there (cms.frontend.headless).
FRONTEND_URL = env_str("FRONTEND_URL", "/site/")
# Its public address, absolute: canonical and hreflang links, Open Graph and /sitemap.xml.
PUBLIC_SITE_URL = env_str("PUBLIC_SITE_URL", urljoin(f"{WAGTAILADMIN_BASE_URL}/", FRONTEND_URL))
# Where the admin's "Preview on the front end" sends editors; it receives ?token=…&locale=….
FRONTEND_PREVIEW_URL = env_str("FRONTEND_PREVIEW_URL", "/site/preview/")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
BENCH_FLOOR_FILE = env_str("BENCH_FLOOR_FILE")  # set by `make bench` only
CORS_URLS_REGEX = r"^/api/v[12]/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Content-Language"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task and per page action is noise on a console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Quiz link given to calls-to-action created by the importer; editors can change it.
# The relationship test: how long a shared result lives, and submissions per client a minute.
QUIZ_RESULT_DAYS = env_int("QUIZ_RESULT_DAYS", 30)
QUIZ_SUBMISSIONS_PER_MINUTE = env_int("QUIZ_SUBMISSIONS_PER_MINUTE", 10)
DEFAULT_QUIZ_URL = env_str(
    "DEFAULT_QUIZ_URL", "http://127.0.0.1:8000/site/tests/relationship-test/"
)
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = False  # an English correction may go live mid-review
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow.actions.publish_approved_revision"
