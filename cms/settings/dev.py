"""Local development: debug on, a key of this checkout's own (var/secret_key), console e-mail."""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, local_secret_key

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or local_secret_key(VAR_DIR / "secret_key")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
VAR_DIR.mkdir(exist_ok=True)  # noqa: F405  (the default SQLite file lives here)
INSTALLED_APPS = [*INSTALLED_APPS, "cms.devtools"]  # noqa: F405  (benchmarks and fault runs)

# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
