"""Fast, isolated settings for the test suite."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = str(VAR_DIR / "test-media")  # noqa: F405
INSTALLED_APPS = [*INSTALLED_APPS, "cms.devtools"]  # noqa: F405  (its commands are tested)

# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Webhooks: retry at once in tests, and record CDN purges instead of sending them.
WEBHOOK_RETRY_SECONDS = 0
WEBHOOK_TIMEOUT = 2
WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.webhooks.recording.RecordingBackend"}}
