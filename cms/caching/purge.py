"""Which API URLs a change to a page makes stale (purged from a CDN by cms.webhooks.purge)."""

from urllib.parse import urlencode

from django.conf import settings

from cms.content import detail_url, page_type
from cms.i18n.locales import LOCALES
from cms.pages import front_end_paths


def stale_urls(page, locales=LOCALES, previous_paths=None):
    """Absolute API URLs serving `page` in `locales`: its detail, the listings it appears in,
    and the resolve results for its path (and its previous path, after a move). After a move or
    a new slug, the same for every live page below it, whose paths changed with it."""
    registered = page_type(page.specific)
    base = settings.API_PUBLIC_URL
    urls = []
    current = front_end_paths(page)
    for locale in locales:
        query = f"?{urlencode({'locale': locale})}"
        if registered is not None:
            urls.append(f"{base}{registered.detail_url(page.specific)}{query}")
        for listing in registered.listing_urls(page.specific) if registered else []:
            joiner = "&" if "?" in listing else "?"
            urls.append(f"{base}{listing}{joiner}{urlencode({'locale': locale})}")
        for path in {current.get(locale), (previous_paths or {}).get(locale)} - {None}:
            urls.append(_resolve_url(path, locale))
    if previous_paths:
        urls += _moved_descendant_urls(page, locales, current, previous_paths)
    return list(dict.fromkeys(urls))


def _resolve_url(path, locale):
    query = urlencode({"path": path, "locale": locale})
    return f"{settings.API_PUBLIC_URL}/api/v1/pages/resolve/?{query}"


def _moved_descendant_urls(page, locales, current, previous_paths):
    """Detail (it shows the path) and resolve, old and new path, of each live page below."""
    moved = [locale for locale in locales if locale in previous_paths]
    urls = []
    for descendant in page.get_descendants().live().specific() if moved else []:
        new_paths = front_end_paths(descendant)
        for locale in moved:
            if url := detail_url(descendant):
                query = urlencode({"locale": locale})
                urls.append(f"{settings.API_PUBLIC_URL}{url}?{query}")
            new, prefix = new_paths[locale], current[locale]
            urls.append(_resolve_url(new, locale))
            if new.startswith(prefix):
                urls.append(_resolve_url(previous_paths[locale] + new[len(prefix) :], locale))
    return urls
