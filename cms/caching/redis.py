"""A Redis cache that a Redis outage cannot turn into errors.

The cache only ever saves work: when Redis is down or slow, reads are misses and writes are
skipped, each after a short timeout, and a warning is logged. Requests then run uncached.
"""

import functools
import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
# Seconds to wait for Redis before treating it as down (OPTIONS may set others).
SOCKET_TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}


def _tolerant(fallback):
    """Run the operation; if Redis is unavailable, log and return `fallback(args)` instead."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                logger.warning("Cache unavailable, %s skipped: %s", method.__name__, error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


class CacheUnavailable(ValueError):
    """incr/decr while Redis is down. A ValueError, as Django raises for a missing key, so
    callers that only count on a best-effort basis need no change."""


def _missing_key(key, *args, **kwargs):
    raise CacheUnavailable(f"Key '{key}' not found (cache unavailable).")


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**SOCKET_TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    @_tolerant(lambda *a, **k: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_tolerant(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_tolerant(lambda *a, **k: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_tolerant(lambda *a, **k: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_tolerant(lambda *a, **k: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_tolerant(lambda *a, **k: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_tolerant(lambda *a, **k: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_tolerant(_missing_key)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_tolerant(lambda data, *a, **k: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_tolerant(lambda *a, **k: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_tolerant(lambda *a, **k: False)
    def clear(self):
        return super().clear()
