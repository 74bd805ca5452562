"""API v1 front door: a shared response cache, and the JSON error shape for all of /api/.

It sits before sessions and authentication, so a cached response costs one small query (the
content version) and nothing else, and no cookie can change what the public API returns.
"""

from django.conf import settings
from django.core.cache import cache

from cms.api.errors import DATABASE_DOWN, database_unavailable, generic_error
from cms.caching.http import from_entry, response_entry, response_key
from cms.caching.version import current_versions

PREFIX = "/api/v1/"
UNCACHED = ("/api/v1/preview/", "/api/v1/docs", "/api/v1/openapi.json")
CACHE_SECONDS = 24 * 60 * 60


def as_json_error(response):
    """Django's and django-ninja's own error pages become the API's JSON error shape: the
    404 and 405 pages, and under DEBUG the traceback pages too (the console still logs them)."""
    if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
        "application/json"
    ):
        error = generic_error(response.status_code, response.get("Allow"))
        if response.has_header("Allow"):  # a 405 must still say which methods are allowed
            error["Allow"] = response["Allow"]
        return error
    return response


class ApiErrorsMiddleware:
    """Near the top of MIDDLEWARE, so that an error raised anywhere under /api/ answers JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        return as_json_error(response) if request.path_info.startswith("/api/") else response


class ApiV1Middleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not path.startswith(PREFIX):
            return self.get_response(request)
        try:
            return self.serve(request, path)
        except DATABASE_DOWN:
            return database_unavailable()

    def process_exception(self, request, exception):
        if request.path_info.startswith(PREFIX) and isinstance(exception, DATABASE_DOWN):
            return database_unavailable()
        return None

    def serve(self, request, path):
        uncached = not settings.API_RESPONSE_CACHE or path.startswith(UNCACHED)
        if request.method not in ("GET", "HEAD") or uncached:
            return self.get_response(request)

        request.versions = current_versions()
        key = response_key(request, request.versions.content_key)
        entry = cache.get(key)
        if entry is not None:
            return from_entry(request, entry)

        response = self.get_response(request)
        if response.status_code == 200 and response.has_header("ETag"):
            if "no-store" not in response.get("Cache-Control", ""):
                cache.set(key, response_entry(response), CACHE_SECONDS)
        return response
