"""Submissions per client and minute, counted in the cache under a hash (never stored)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from cms.api.errors import ApiError


def check_rate(request):
    limit = settings.QUIZ_SUBMISSIONS_PER_MINUTE
    window = int(time.time() // 60)
    client = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{client}".encode()).hexdigest()[:24]
    key = f"quiz-rate:{digest}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > limit:
        raise ApiError(
            429,
            "rate_limited",
            _("Too many submissions; try again in a minute (at most %(limit)d a minute).")
            % {"limit": limit},
        )
