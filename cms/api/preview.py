"""Signed, expiring preview tokens bound to one page revision and one locale."""

import secrets

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from ninja import Query, Router
from wagtail.models import Revision

from cms.api.errors import ApiError, ErrorSchema, not_found
from cms.api.locale import locale_from, locale_query
from cms.caching.http import json_response
from cms.content import page_type

SALT = "cms.api.preview"
router = Router(tags=["preview"])


def make_token(revision, locale):
    """A token for `revision` in `locale`; it carries 128 random bits so no two are alike."""
    payload = {"r": revision.pk, "l": locale, "n": secrets.token_urlsafe(16)}
    return signing.dumps(payload, salt=SALT)


def read_token(token, *, locale=None, revision_id=None):
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_SECONDS)
    except signing.SignatureExpired:
        raise ApiError(403, "token_expired", _("This preview link has expired.")) from None
    except signing.BadSignature:
        raise ApiError(403, "invalid_token", _("This preview token is not valid.")) from None
    if locale is not None and payload["l"] != locale:
        raise ApiError(
            403,
            "wrong_locale",
            _("This preview token is for locale %(locale)s.") % {"locale": payload["l"]},
        )
    if revision_id is not None and payload["r"] != revision_id:
        raise ApiError(403, "wrong_revision", _("This preview token is for another revision."))
    return payload


@router.get(
    "/preview/",
    response={200: dict, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema},
    summary="A draft, through a preview token",
)
def preview(
    request,
    token: str = Query(..., max_length=500),
    locale: str | None = locale_query("Must match the token's locale if given"),
    revision: int | None = Query(None, description="Must match the token's revision if given"),
):
    """The draft revision a token names, in the same shape as the published detail.

    Responses are private and never cached.
    """
    payload = read_token(
        token, locale=locale_from(locale) if locale else None, revision_id=revision
    )
    stored = Revision.objects.filter(pk=payload["r"]).first()
    if stored is None:
        raise not_found(_("The previewed revision"))
    page = stored.as_object()
    registered = page_type(page)
    if registered is None or registered.representation is None:
        raise not_found(_("A preview of this page type"))
    data = registered.representation(page, payload["l"], stored.pk)
    data.setdefault("meta", {})["preview"] = True
    return json_response(data, locale=payload["l"], private=True)
