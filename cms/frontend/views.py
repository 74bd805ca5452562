"""The reader site's HTML shell: every /site/ path gets it, and app.js routes in the browser."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.i18n.locales import HTML_LANGS, SOURCE, TARGET

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


@require_safe
def shell(request, path=""):
    locale = TARGET if request.GET.get("locale") == TARGET else SOURCE
    with translation.override(locale):
        response = render(
            request,
            "frontend/site.html",
            {"html_lang": HTML_LANGS[locale]},
        )
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response["Referrer-Policy"] = "same-origin"  # result tokens live in the path
    response["Cache-Control"] = "no-cache"
    return response
