"""The reader site's HTML shell: every /site/ path gets it, and app.js routes in the browser."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.i18n.locales import HTML_LANGS, SOURCE, TARGET

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
# The admin's preview panel shows the shell in a frame of its own (same origin).
PREVIEW_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "frame-ancestors 'none'", "frame-ancestors 'self'"
)


def render_shell(request, locale, preview=None):
    """The shell in `locale`; with `preview` ({locale, page}) it draws that page, unfetched."""
    with translation.override(locale):
        response = render(
            request,
            "frontend/site.html",
            {"html_lang": HTML_LANGS[locale], "preview": preview},
        )
    response["Referrer-Policy"] = "same-origin"  # result tokens live in the path
    if preview is None:
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response["Cache-Control"] = "no-cache"
    else:
        response["Content-Security-Policy"] = PREVIEW_CONTENT_SECURITY_POLICY
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def shell(request, path=""):
    return render_shell(request, TARGET if request.GET.get("locale") == TARGET else SOURCE)
