"""Read and validate configuration from the environment.

Every problem ends start-up with one line that names the variable, not a traceback.
"""

import os
import secrets
import tempfile

import dj_database_url


class ConfigurationError(SystemExit):
    """Raised at start-up: SystemExit prints the message alone and exits with status 1."""

    def __init__(self, message):
        super().__init__(f"Configuration error: {message}")


def env_str(name, default=None):
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name, default=False):
    value = env_str(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(
        f"{name}={value!r} is not a boolean; use 1/0, true/false, yes/no or on/off."
    )


def env_int(name, default):
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigurationError(f"{name}={value!r} is not a whole number.") from None


def env_list(name, default=()):
    value = env_str(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def frontend_cache_from_env():
    """WAGTAILFRONTENDCACHE from FRONTEND_CACHE_PURGE_URL and/or CLOUDFLARE_ZONE_ID + TOKEN."""
    backends = {}
    if purge_url := env_str("FRONTEND_CACHE_PURGE_URL"):
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    zone, token = env_str("CLOUDFLARE_ZONE_ID"), env_str("CLOUDFLARE_BEARER_TOKEN")
    if bool(zone) != bool(token):
        raise ConfigurationError(
            "set both CLOUDFLARE_ZONE_ID and CLOUDFLARE_BEARER_TOKEN, or neither."
        )
    if zone:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    return backends


SUPPORTED_DATABASE_ENGINES = {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}


def database_from_env(default_url):
    """Parse DATABASE_URL into a Django DATABASES entry."""
    url = env_str("DATABASE_URL", default_url)
    try:
        config = dj_database_url.parse(
            url,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    except Exception:  # dj-database-url raises several types; the URL may hold a password
        raise ConfigurationError(
            "DATABASE_URL is malformed. Expected sqlite:///path/to/db.sqlite3 "
            "or postgres://user:password@host:5432/name."
        ) from None
    if config.get("ENGINE") not in SUPPORTED_DATABASE_ENGINES:
        raise ConfigurationError(
            f"DATABASE_URL uses an unsupported database ({config.get('ENGINE')}); "
            "use sqlite:// or postgres://."
        )
    if config["ENGINE"].endswith("postgresql") and not config.get("NAME"):
        raise ConfigurationError(
            "DATABASE_URL names no database; add one, as in postgres://host/cms."
        )
    return config


def require(name):
    value = env_str(name)
    if value is None:
        raise ConfigurationError(f"{name} must be set in production.")
    return value


def require_list(name):
    values = env_list(name)
    if not values:
        raise ConfigurationError(f"{name} must be set in production (comma-separated).")
    return values


def local_secret_key(path):
    """A random key kept in `path` (mode 0600), made on first use: never a shared constant."""
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent)  # mode 0600
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(50))
        try:
            os.link(temporary, path)  # atomic: a process that got there first keeps its key
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return path.read_text().strip()
