"""Benchmark floor: a plain Django view returning fixed bytes from memory.

Mounted (by cms.devtools.urls) only when BENCH_FLOOR_FILE is set, by `make bench`.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse


@cache
def _floor_bytes():
    return Path(settings.BENCH_FLOOR_FILE).read_bytes()


def floor(request):
    return HttpResponse(_floor_bytes(), content_type="application/json")
