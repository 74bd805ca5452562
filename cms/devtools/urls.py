"""Routes only benchmarks use; cms.urls includes them when this app is installed."""

from django.conf import settings
from django.urls import path

from cms.devtools.floor import floor

urlpatterns = []

if settings.BENCH_FLOOR_FILE:
    urlpatterns.append(path("bench/floor/", floor))
