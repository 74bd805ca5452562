"""Headless means headless: public Wagtail page URLs render no templates.

A live page's Wagtail URL redirects to the page on the front end (FRONTEND_URL, the reference
site at /site/ by default), in the language of the address; drafts and unknown addresses are
404s, as Wagtail's routing makes them. The admin's preview draws the page through the front end
(cms.frontend.preview), one mode per language; only a page type the front end does not show (a
guide index) still renders a template there.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language

from cms.frontend import preview
from cms.i18n.locales import LOCALES, SOURCE, TARGET, field_name
from cms.pages import front_end_path


def _locale_of(page, request):
    """zh-hans when the address is the page's Chinese one, or Chinese was asked for."""
    chinese = front_end_path(getattr(page, "url_path_zh_hans", None) or "")
    english = front_end_path(getattr(page, "url_path_en", None) or page.url_path)
    requested = front_end_path(request.path)
    if chinese and requested == chinese != english:
        return TARGET
    return TARGET if get_language() == TARGET else SOURCE


class HeadlessPageMixin:
    def front_end_route(self, locale):
        """The page's address below FRONTEND_URL (its path below the site root)."""
        url_path = getattr(self, field_name("url_path", locale), None) or self.url_path
        return (front_end_path(url_path) or "/").lstrip("/")

    def front_end_url(self, locale):
        url = settings.FRONTEND_URL.rstrip("/") + "/" + self.front_end_route(locale)
        return f"{url}?locale={locale}" if locale != SOURCE else url

    def serve(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):  # (a type the front end does not show)
            return super().serve(request, *args, **kwargs)
        return redirect(self.front_end_url(_locale_of(self, request)))

    @property
    def preview_modes(self):
        return preview.MODES if preview.representable(type(self)) else super().preview_modes

    def serve_preview(self, request, mode_name):
        if not preview.representable(type(self)):
            return super().serve_preview(request, mode_name)
        if getattr(request, "revision_id", None):  # a workflow task's Preview: what it reviews
            locale = preview.reviewed_locale(request.revision_id)
        else:
            locale = mode_name if mode_name in LOCALES else SOURCE
        return preview.serve_preview(self, request, locale)
