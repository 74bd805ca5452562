"""Home endpoint of API v1."""

from django.utils.translation import gettext as _
from ninja import Router

from cms.api.errors import not_found
from cms.api.locale import locale_from, locale_query
from cms.api.pages import public_live
from cms.api.responses import ErrorSchema, etag_matches, json_response, make_etag, not_modified
from cms.content_version import current_version
from home.models import HomePage
from home.representation import home_representation

router = Router(tags=["home"])


@router.get(
    "/home/", response={200: dict, 400: ErrorSchema, 404: ErrorSchema}, summary="The home page"
)
def home(request, locale: str | None = locale_query()):
    locale = locale_from(locale)
    page = public_live(HomePage.objects.all()).first()
    if page is None:
        raise not_found(_("The home page"))
    version = getattr(request, "content_version", None) or current_version()
    etag = make_etag("home", page.pk, page.live_revision_id, version, locale)
    if etag_matches(request, etag):
        return not_modified(etag, locale)
    return json_response(
        home_representation(page, locale, page.live_revision_id), etag=etag, locale=locale
    )
