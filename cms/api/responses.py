"""Fast JSON responses with the caching headers every v1 response carries."""

import hashlib

import orjson
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from ninja import Field, Schema

API_VERSION = "1"


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, str] | None = Field(
        None, description="Problems by field path, e.g. answers[2].option; only when given."
    )


class ErrorSchema(Schema):
    """The one error shape of API v1 (cms.api.errors.error_response)."""

    error: ErrorBody


def make_etag(*parts):
    digest = hashlib.blake2b("|".join(map(str, (API_VERSION, *parts))).encode(), digest_size=12)
    return f'"{digest.hexdigest()}"'


def etag_matches(request, etag):
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in candidates or "*" in candidates


def public_headers(response, etag, locale):
    response["ETag"] = etag
    response["Content-Language"] = locale
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
    return response


def not_modified(etag, locale):
    return public_headers(HttpResponseNotModified(), etag, locale)


def json_response(data, *, etag=None, locale, private=False):
    response = HttpResponse(orjson.dumps(data), content_type="application/json")
    if private:
        response["Cache-Control"] = "private, no-store"
        response["Content-Language"] = locale
        return response
    return public_headers(response, etag, locale)
