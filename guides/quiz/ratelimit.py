"""Submissions per client and minute, counted in the cache under a hash (never stored).

The count is shared through the cache (Redis in production). While Redis is down each process
counts on its own, so the limit still holds, per process, instead of failing open.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext as _

from cms.api.errors import ApiError
from cms.caching.redis import CacheUnavailable

WINDOW_SECONDS = 60
process_counts = LocMemCache("quiz-rate", {"TIMEOUT": 2 * WINDOW_SECONDS})


def _increment(store, key):
    store.add(key, 0, timeout=2 * WINDOW_SECONDS)
    try:
        return store.incr(key)
    except CacheUnavailable:
        raise
    except ValueError:  # evicted between add and incr
        store.set(key, 1, timeout=2 * WINDOW_SECONDS)
        return 1


def check_rate(request):
    limit = settings.QUIZ_SUBMISSIONS_PER_MINUTE
    window = int(time.time() // WINDOW_SECONDS)
    client = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client}".encode()).hexdigest()[:24]
    key = f"quiz-rate:{digest}:{window}"
    try:
        count = _increment(cache, key)
    except CacheUnavailable:
        count = _increment(process_counts, key)
    if count > limit:
        raise ApiError(
            429,
            "rate_limited",
            _("Too many submissions; try again in a minute (at most %(limit)d a minute).")
            % {"limit": limit},
        )
