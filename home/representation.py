"""The home page as API v1 returns it."""

from cms.api.pages import front_end_path
from cms.rich_text import expand_rich_text

FIELDS = ("title", "heading", "introduction")


def home_representation(page, locale, revision_id):
    suffix = "zh_hans" if locale == "zh-hans" else "en"
    values, fallback = {}, []
    for name in FIELDS:
        value = getattr(page, f"{name}_{suffix}", None)
        if not value and suffix != "en":
            value = getattr(page, f"{name}_en", None) or ""
            if value:
                fallback.append(name)
        values[name] = value or ""
    values["introduction"] = expand_rich_text(values["introduction"], locale)
    return {
        "id": page.pk,
        **values,
        "path": front_end_path(page.url_path) or "/",
        "meta": {
            "revision_id": revision_id,
            "last_published_at": page.last_published_at,
            "locale": locale,
            "fallback": fallback,
            "translation_state": "source"
            if suffix == "en"
            else ("partial" if fallback else "complete"),
        },
    }
