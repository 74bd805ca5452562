"""API v2's query parameters checked before Wagtail's filters use them, and its errors in the
one error shape of cms.api.errors.

Wagtail hands a field filter's value to the database as it comes: `?last_reviewed=notadate` or
`?series=99999999999999999999` raised there (a 500). Here every field filter of every page type
and of images, `offset`, `limit` and the find view's `id` must be a value its column can hold;
otherwise a 400 names each such parameter and what it expects.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.http import Http404
from django.utils.translation import gettext as _
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError, parse_boolean

from cms.api.errors import ApiError, error_response


def _integer_between(value, low, high):
    try:
        return low <= int(value) <= high
    except ValueError:  # as Wagtail parses it: int()
        return False


def _whole_number(low, high):
    return _("a whole number from %(low)s to %(high)s") % {"low": low, "high": high}


def expected_value(field, value, connection):
    """What a filter on model `field` expects, when `value` is not that; else None."""
    if isinstance(field, TaggableManager):  # tag names: any text
        return None
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.BooleanField):
        try:
            parse_boolean(value)
        except ValueError:
            return _("true or false")
        return None
    if isinstance(field, models.IntegerField):  # ids too
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        return None if _integer_between(value, low, high) else _whole_number(low, high)
    try:
        field.to_python(value)
    except (ValidationError, TypeError, ValueError):  # a StreamField's to_python: TypeError
        if isinstance(field, models.DateTimeField):
            return _("a date and time, such as 2025-01-31T09:30:00Z")
        if isinstance(field, models.DateField):
            return _("a date, such as 2025-01-31")
        return _("a value this field can hold")
    return None


def invalid_parameters(problems):
    """A 400 naming each parameter and what it expects ({parameter: expected})."""
    message = "; ".join(
        _("%(parameter)s must be %(expected)s") % {"parameter": name, "expected": expected}
        for name, expected in problems.items()
    )
    return ApiError(400, "invalid_parameter", message, problems)


class CheckedParameters:
    """For a Wagtail API v2 view set (see the module)."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        model, query = queryset.model, self.request.GET
        connection = connections[queryset.db]
        filters = set(self.get_available_fields(model, db_fields_only=True)) - {"locale"}
        problems = {}
        for name in filters & set(query):
            expected = expected_value(model._meta.get_field(name), query[name], connection)
            if expected:
                problems[name] = expected
        # Offset and limit go into the SQL: past a big integer, the database refuses the query.
        highest = {
            "offset": connection.ops.integer_field_range("BigIntegerField")[1],
            "limit": settings.WAGTAILAPI_LIMIT_MAX,
        }
        for name, high in highest.items():
            if name in query and not _integer_between(query[name], 0, high):
                problems[name] = _whole_number(0, high)
        if problems:
            raise invalid_parameters(problems)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            connection = connections[queryset.db]
            expected = expected_value(queryset.model._meta.pk, request.GET["id"], connection)
            if expected:
                raise invalid_parameters({"id": expected})
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        if isinstance(exc, ApiError):
            return error_response(
                exc.status, exc.code, exc.message, exc.fields, wagtail_message=True
            )
        if isinstance(exc, BadRequestError):  # Wagtail's own checks
            return error_response(400, "bad_request", str(exc), wagtail_message=True)
        if isinstance(exc, Http404):
            message = _("There is nothing at this address.")
            return error_response(404, "not_found", message, wagtail_message=True)
        return super().handle_exception(exc)
