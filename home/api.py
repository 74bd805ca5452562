"""Home endpoint of API v1."""

from django.utils.translation import gettext as _
from ninja import Router

from cms.api.errors import LOOKUP_ERRORS, not_found
from cms.api.locale import LocaleParam, locale_from
from cms.caching.http import cached_json
from cms.pages import public_live
from home.models import HomePage
from home.representation import home_representation

router = Router(tags=["home"])


@router.get("/home/", response={200: dict, **LOOKUP_ERRORS}, summary="The home page")
def home(request, locale: str | None = LocaleParam):
    locale = locale_from(locale)
    page = public_live(HomePage.objects.all()).first()
    if page is None:
        raise not_found(_("The home page"))
    return cached_json(
        request,
        locale,
        lambda: home_representation(page, locale, page.live_revision_id),
        "home",
        page.pk,
        page.live_revision_id,
    )
