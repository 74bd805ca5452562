"""The API v1 instance: django-ninja, orjson, and one error shape for every failure."""

import orjson
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import BaseRenderer

from cms.api.errors import DATABASE_DOWN, ApiError, database_unavailable, error_response


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return orjson.dumps(data)


def describe_validation_error(errors):
    parts = []
    for error in errors[:5]:
        location = ".".join(str(item) for item in error.get("loc", ())[1:]) or _("request")
        parts.append(f"{location}: {error.get('msg', '')}")
    return "; ".join(parts)


# Requests with a NUL character are refused before any view (cms.nul_bytes); the document says so.
NO_NUL = r"^[^\x00]*$"


def forbid_nul(schema):
    """Give every free-form string in a parameter's schema the NO_NUL pattern."""
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "string" and "pattern" not in option and "enum" not in option:
            option["pattern"] = NO_NUL


class GuidesAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    forbid_nul(parameter["schema"])
        return schema


def build_api():
    api = GuidesAPI(
        title="Relationship Guides API",
        version="1",
        description=_(
            "Published guides in English and Simplified Chinese. Choose the language with "
            "?locale=en or ?locale=zh-hans; zh-hans responses list what fell back to English."
        ),
        renderer=OrjsonRenderer(),
        urls_namespace="api-v1",
        docs_url="/docs/",
        openapi_url="/openapi.json",
    )

    @api.exception_handler(ApiError)
    def api_error(request, error):
        return error_response(error.status, error.code, error.message, error.fields)

    @api.exception_handler(ValidationError)
    def validation_error(request, error):
        return error_response(400, "invalid_parameter", describe_validation_error(error.errors))

    @api.exception_handler(HttpError)
    def http_error(request, error):
        return error_response(error.status_code, "http_error", str(error))

    for exception in DATABASE_DOWN:  # whatever DEBUG says (ninja shows tracebacks under DEBUG)
        api.add_exception_handler(exception, lambda request, error: database_unavailable())

    @api.exception_handler(RequestDataTooBig)  # over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
    def too_large(request, error):
        return error_response(413, "too_large", _("The request body is too large."))

    @api.exception_handler(Http404)
    def not_found(request, error):
        return error_response(404, "not_found", _("There is nothing at this address."))

    return api
