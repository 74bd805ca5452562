"""The home page as API v1 returns it."""

from cms.i18n.locales import LocaleView
from cms.pages import front_end_path
from cms.rich_text import expand_rich_text

FIELDS = ("title", "heading", "introduction")


def home_representation(page, locale, revision_id):
    view = LocaleView(locale)
    values = {name: view.text(page, name, name) for name in FIELDS}
    values["introduction"] = expand_rich_text(values["introduction"], locale)
    return {
        "id": page.pk,
        **values,
        "path": front_end_path(page.url_path) or "/",
        "meta": {
            "revision_id": revision_id,
            "last_published_at": page.last_published_at,
            "locale": locale,
            "fallback": view.fallback,
            "translation_state": view.state(),
        },
    }
