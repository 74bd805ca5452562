"""Headless means headless: public Wagtail page URLs render no templates.

A live page's Wagtail URL redirects to the page on the front end (FRONTEND_URL, the reference
site at /site/ by default), in the language of the address; drafts and unknown addresses are
404s, as Wagtail's routing makes them. Only the admin's preview still renders a template.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language

from cms.i18n.locales import SOURCE, TARGET, field_name
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
        if getattr(request, "is_preview", False):  # the admin's preview panel
            return super().serve(request, *args, **kwargs)
        return redirect(self.front_end_url(_locale_of(self, request)))
