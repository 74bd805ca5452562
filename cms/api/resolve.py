"""Map a front-end path to the page behind it, so a front end can route."""

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Query, Router
from wagtail.models import Page, Site

from cms.api.errors import LOOKUP_ERRORS, bad_request, not_found
from cms.api.locale import LocaleParam, locale_from
from cms.caching.http import cached_json
from cms.content import detail_url
from cms.i18n.locales import value_in
from cms.pages import front_end_path, public_live

router = Router(tags=["pages"])
PATH_PARAM = Query(..., max_length=1000, description="e.g. /guides/my-guide/")
# One leading "/", no "//", no NUL.
PATH_PARAM.json_schema_extra["pattern"] = r"^/([^/\x00]+/)*[^/\x00]*$"


@router.get(
    "/pages/resolve/",
    response={200: dict, **LOOKUP_ERRORS},
    summary="Resolve a front-end path",
)
def resolve(
    request,
    path: str = PATH_PARAM,
    locale: str | None = LocaleParam,
):
    """Returns the page's type, id, locale (the language the path is in) and API URL."""
    locale = locale_from(locale)
    if not path.startswith("/") or "//" in path:
        raise bad_request(_("path must start with a single “/”, like /guides/my-guide/."))
    return cached_json(request, locale, lambda: resolved(path), "resolve", path)


def resolved(path):
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        raise not_found(_("A site"))
    url_path = site.root_page.url_path.rstrip("/") + "/" + path.strip("/")
    url_path = url_path.rstrip("/") + "/"
    page = (
        public_live(Page.objects.filter(Q(url_path_en=url_path) | Q(url_path_zh_hans=url_path)))
        .order_by("depth")
        .first()
    )
    if page is None:
        raise not_found(_("A published page at %(path)s") % {"path": path[:200]})
    path_locale = "zh-hans" if page.url_path_zh_hans == url_path != page.url_path_en else "en"
    specific = page.specific
    api_url = detail_url(specific)
    data = {
        "id": page.pk,
        "type": page.specific_class._meta.label,
        "title": value_in(specific, "title", get_language()),
        "locale": path_locale,
        "path": front_end_path(url_path),
        "api_url": api_url,
    }
    return data
