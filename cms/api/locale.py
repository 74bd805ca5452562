"""`?locale=` for API v1: en (default) or zh-hans, nothing else."""

from django.utils.translation import gettext as _
from ninja import Query

from cms.api.errors import bad_request
from cms.i18n.locales import LOCALES, SOURCE

DEFAULT_LOCALE = SOURCE


def locale_from(value):
    """The locale named by a query parameter, or an ApiError listing the valid ones."""
    if value in (None, ""):
        return DEFAULT_LOCALE
    if value in LOCALES:
        return value
    raise bad_request(
        _("Unknown locale “%(locale)s”. Valid locales: %(valid)s.")
        % {"locale": str(value)[:40], "valid": ", ".join(LOCALES)},
        code="invalid_locale",
    )


def locale_query(description="en (default) or zh-hans"):
    """The `?locale=` parameter, documented with its values; locale_from() does the checking.

    An empty value means the default, as locale_from() reads it.
    """
    param = Query(None, description=description)
    param.json_schema_extra["enum"] = ["", *LOCALES]
    return param


# The `?locale=` parameter as most endpoints declare it.
LocaleParam = locale_query()
