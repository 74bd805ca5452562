"""The one error shape of API v1: {"error": {"code": ..., "message": ...}}."""

import orjson
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Schema


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, str] | None = Field(
        None, description="Problems by field path, e.g. answers[2].option; only when given."
    )


class ErrorSchema(Schema):
    """The one error shape of API v1 (cms.api.errors.error_response)."""

    error: ErrorBody


# What an endpoint that reads one thing by its locale and name answers when it cannot.
LOOKUP_ERRORS = {400: ErrorSchema, 404: ErrorSchema}


class ApiError(Exception):
    def __init__(self, status, code, message, fields=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields


def error_response(status, code, message, fields=None, *, wagtail_message=False):
    """The error shape; `fields` maps a field path (e.g. answers[2].option) to its problem.
    `wagtail_message` also gives the top-level "message" that stock Wagtail API v2 clients read."""
    error = {"code": code, "message": str(message)}
    if fields:
        error["fields"] = {name: str(problem) for name, problem in fields.items()}
    body = {"error": error, "message": str(message)} if wagtail_message else {"error": error}
    body = orjson.dumps(body)
    response = HttpResponse(body, status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


# Raised while the database is unreachable (a restart, a failover).
DATABASE_DOWN = (OperationalError, InterfaceError)


def database_unavailable():
    """A 503 to retry in a moment, not a 500."""
    response = error_response(
        503,
        "unavailable",
        _("The content database cannot be reached right now; try again in a few seconds."),
    )
    response["Retry-After"] = "5"
    return response


def not_found(what):
    return ApiError(404, "not_found", _("%(what)s was not found.") % {"what": what})


def bad_request(message, code="bad_request"):
    return ApiError(400, code, message)


STATUS_CODES = {
    400: ("bad_request", lambda: _("The request is not valid.")),
    403: ("forbidden", lambda: _("You may not do this.")),
    404: ("not_found", lambda: _("There is nothing at this address.")),
    405: ("method_not_allowed", lambda: _("This method is not allowed here.")),
    413: ("too_large", lambda: _("The request body is too large.")),
    500: ("server_error", lambda: _("Something went wrong on the server; it has been logged.")),
}


def generic_error(status, allowed=None):
    """The error shape for an HTTP status; one without its own message gets its class's."""
    code, message = STATUS_CODES.get(status) or STATUS_CODES[500 if status >= 500 else 400]
    text = message()
    if allowed:
        text = _("This method is not allowed here; use %(methods)s.") % {"methods": allowed}
    return error_response(status, code, text)
