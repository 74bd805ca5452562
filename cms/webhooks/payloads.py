"""What a publish event says about a page: ids, type, and slug and path in each language."""

from cms.api.pages import front_end_path
from cms.i18n.locales import field_name
from cms.webhooks.events import ALL_LOCALES


def slugs(page):
    return {
        locale: getattr(page, field_name("slug", locale), None) or page.slug
        for locale in ALL_LOCALES
    }


def paths(page):
    """Front-end path per language; Chinese falls back to the English path, as the API does."""
    english = getattr(page, "url_path_en", None) or page.url_path
    return {
        locale: front_end_path(getattr(page, field_name("url_path", locale), None) or english)
        for locale in ALL_LOCALES
    }


def page_payload(page):
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "slug": slugs(page),
        "path": paths(page),
    }
