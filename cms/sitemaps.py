"""/sitemap.xml: every live, public page the front end shows, at its public address
(PUBLIC_SITE_URL) in each language it has, with hreflang alternates. Past `limit` URLs it
becomes a sitemap index of numbered pages."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap, views
from django.urls import path
from django.utils import translation
from wagtail.models import Page

from cms.frontend.headless import HeadlessPageMixin
from cms.i18n.locales import HTML_LANGS, LOCALES, SOURCE, field_name
from cms.pages import public_live

LOCALE_OF_LANG = {lang.lower(): locale for locale, lang in HTML_LANGS.items()}


def public_url(route, locale):
    """The public front end's address of `route` ("/guides/slug/") for readers of `locale`."""
    url = urljoin(settings.PUBLIC_SITE_URL.rstrip("/") + "/", (route or "/").lstrip("/"))
    return f"{url}?locale={locale}" if locale != SOURCE else url


def has_locale(page, locale):
    """Whether the live page has `locale`'s text (its live row holds only approved Chinese)."""
    return bool(getattr(page, field_name("title", locale), None))


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    languages = [HTML_LANGS[locale] for locale in LOCALES]  # hreflang: en, zh-Hans

    def items(self):
        if not hasattr(self, "_pages"):  # read once for the paginator and the page shown
            pages = public_live(Page.objects.all()).order_by("path").specific()
            self._pages = [page for page in pages if isinstance(page, HeadlessPageMixin)]
        return self._pages

    def get_languages_for_item(self, item):
        return [HTML_LANGS[locale] for locale in LOCALES if has_locale(item, locale)]

    def location(self, item):
        locale = LOCALE_OF_LANG[translation.get_language().lower()]
        url = urlsplit(public_url(item.front_end_route(locale), locale))
        return f"{url.path}?{url.query}" if url.query else url.path

    def lastmod(self, item):
        return item.last_published_at

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PUBLIC_SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PUBLIC_SITE_URL).netloc


def sitemap(request):
    """The sitemap, or an index of its pages once it has more than one."""
    sitemaps = {"pages": PagesSitemap()}
    if sitemaps["pages"].paginator.num_pages > 1:
        return views.index(request, sitemaps, sitemap_url_name="sitemap-section")
    return views.sitemap(request, sitemaps)


def section(request, section):
    return views.sitemap(request, {"pages": PagesSitemap()}, section=section)


urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<str:section>.xml", section, name="sitemap-section"),
]
