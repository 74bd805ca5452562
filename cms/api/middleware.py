"""API v1 front door: a shared response cache and the JSON error shape.

It sits before sessions and authentication, so a cached response costs one small query (the
content version) and nothing else, and no cookie can change what the public API returns.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from cms.api.errors import DATABASE_DOWN, STATUS_CODES, database_unavailable, generic_error
from cms.api.responses import etag_matches
from cms.content_version import current_version

PREFIX = "/api/v1/"
UNCACHED = ("/api/v1/preview/", "/api/v1/docs", "/api/v1/openapi.json")
CACHE_SECONDS = 24 * 60 * 60
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "ETag")


def cache_key(request, version):
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    raw = f"{version}|{request.path_info}|{query}"
    return "api:v1:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def from_cache(request, entry):
    etag, body, headers = entry
    if etag_matches(request, etag):
        response = HttpResponse(status=304)
        for name in ("ETag", "Cache-Control", "Content-Language"):
            response[name] = headers[name]
        return response
    response = HttpResponse(body)
    for name, value in headers.items():
        response[name] = value
    return response


def as_json_error(response):
    """Django's and django-ninja's own 404/405 pages become the API's JSON error shape."""
    if response.status_code in STATUS_CODES and not response.get("Content-Type", "").startswith(
        "application/json"
    ):
        error = generic_error(response.status_code, response.get("Allow"))
        if response.has_header("Allow"):  # a 405 must still say which methods are allowed
            error["Allow"] = response["Allow"]
        return error
    return response


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
            return as_json_error(self.get_response(request))

        request.content_version = current_version()
        key = cache_key(request, request.content_version)
        entry = cache.get(key)
        if entry is not None:
            return from_cache(request, entry)

        response = self.get_response(request)
        if response.status_code == 200 and response.has_header("ETag"):
            if "no-store" not in response.get("Cache-Control", ""):
                headers = {
                    name: response[name] for name in KEPT_HEADERS if response.has_header(name)
                }
                cache.set(key, (response["ETag"], response.content, headers), CACHE_SECONDS)
        return as_json_error(response)
