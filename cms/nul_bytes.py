"""Refuse requests whose address carries a NUL character.

PostgreSQL text cannot hold NUL, so a `%00` in a query parameter that reaches a filter
(API v1's topic or path, v2's search, the admin's search) raised a database error: a 500.
No real client sends one, so every such request is a 400 before any view runs.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from cms.api.errors import error_response


def _has_nul(request):
    query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path_info or "%00" in query or "\x00" in query


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _has_nul(request):
            return self.get_response(request)
        message = _("The address contains a NUL character, which no request may contain.")
        if request.path_info.startswith("/api/"):
            return error_response(400, "bad_request", message)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
