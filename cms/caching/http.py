"""HTTP caching of the public APIs: ETags, 304s and the shared response cache.

Every ETag holds what its response depends on; every content-dependent one holds the content
version too (cms.caching.version), so a publish anywhere changes it on the very next request.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

import orjson
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation

from cms.caching.version import current_versions

# The shape of the API's responses: bump it when a response gains or loses a field, so caches
# and ETags made before a deploy are not served after it (2: guides carry `outline`).
API_VERSION = "2"
# Headers a cached response keeps.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "ETag")


def public_headers(response, etag, locale):
    response["ETag"] = etag
    response["Content-Language"] = locale
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
    return response


def json_response(data, *, etag=None, locale, private=False):
    """`data` is JSON-ready values, or JSON already encoded (bytes)."""
    body = data if isinstance(data, bytes) else orjson.dumps(data)
    response = HttpResponse(body, content_type="application/json")
    if private:
        response["Cache-Control"] = "private, no-store"
        response["Content-Language"] = locale
        return response
    return public_headers(response, etag, locale)


def make_etag(*parts):
    digest = hashlib.blake2b("|".join(map(str, (API_VERSION, *parts))).encode(), digest_size=12)
    return f'"{digest.hexdigest()}"'


def etag_matches(request, etag):
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in candidates or "*" in candidates


def not_modified(etag, locale):
    return public_headers(HttpResponseNotModified(), etag, locale)


def request_versions(request):
    """The content versions the API middleware read for this request (or read them now)."""
    if getattr(request, "versions", None) is None:
        request.versions = current_versions()
    return request.versions


def cached_json(request, locale, build, *etag_parts, content=True):
    """304 if the client has this response, else the JSON `build()` returns (in `locale`), with
    its ETag. `content`: the response depends on published content (most do; labels do not)."""
    if content:
        etag_parts = (*etag_parts, request_versions(request).content_key)
    etag = make_etag(*etag_parts, locale)
    if etag_matches(request, etag):
        return not_modified(etag, locale)
    with translation.override(locale):
        return json_response(build(), etag=etag, locale=locale)


# The shared response cache (cms.api.middleware): whole responses by content version and URL.


def response_key(request, version):
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    raw = f"{version}|{request.path_info}|{query}"
    return "api:v1:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def response_entry(response):
    """What the response cache keeps of `response`: ETag, body and the headers that matter."""
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return response["ETag"], response.content, headers


def from_entry(request, entry):
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
