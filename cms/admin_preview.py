"""Admin side of front-end preview: a signed link for the latest revision, in one locale."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from cms.api.locale import LOCALES
from cms.api.preview import make_token
from cms.frontend.preview import representable

LOCALE_LABELS = {
    "en": _("Preview on the front end (English)"),
    "zh-hans": _("Preview on the front end (简体中文)"),
}


def preview_url(revision, locale):
    query = urlencode({"token": make_token(revision, locale), "locale": locale})
    separator = "&" if "?" in settings.FRONTEND_PREVIEW_URL else "?"
    return f"{settings.FRONTEND_PREVIEW_URL}{separator}{query}"


def front_end_preview(request, page_id, locale):
    """Redirect an editor to the front end with a token for the page's latest revision."""
    if locale not in LOCALES:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        # A plain 403, not the admin's redirect: preview links are followed from outside too.
        return HttpResponseForbidden(_("You cannot edit this page, so you cannot preview it."))
    if not representable(page.specific_class) or page.latest_revision is None:
        raise Http404
    return redirect(preview_url(page.latest_revision, locale))


class FrontEndPreviewButton(PageMenuItem):
    icon_name = "view"

    def __init__(self, *, page, locale, priority):
        super().__init__(label=LOCALE_LABELS[locale], page=page, priority=priority)
        self.locale = locale
        self.url = reverse("cms_front_end_preview", args=[page.pk, locale])

    def is_shown(self, user):
        return representable(self.page.specific_class) and (
            self.page.permissions_for_user(user).can_edit()
        )
