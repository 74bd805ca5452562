"""Which API URLs a change to a page makes stale, and purging them from the front-end cache."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings

from cms.webhooks.events import ALL_LOCALES


def api_urls(page, locales=ALL_LOCALES, previous_paths=None):
    """Absolute API URLs serving `page` in `locales`: its detail, the listings it appears in,
    and the resolve results for its path (and its previous path, after a move). After a move or
    a new slug, the same for every live page below it, whose paths changed with it."""
    from cms.webhooks.payloads import paths

    specific = page.specific
    base = settings.API_PUBLIC_URL
    urls = []
    current = paths(page)
    for locale in locales:
        query = f"?{urlencode({'locale': locale})}"
        if hasattr(specific, "api_detail_url"):
            urls.append(f"{base}{specific.api_detail_url()}{query}")
        for listing in getattr(specific, "api_listing_urls", lambda: [])():
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
    from cms.webhooks.payloads import paths

    moved = [locale for locale in locales if locale in previous_paths]
    urls = []
    for descendant in page.get_descendants().live().specific() if moved else []:
        new_paths = paths(descendant)
        for locale in moved:
            if hasattr(descendant, "api_detail_url"):
                query = urlencode({"locale": locale})
                urls.append(f"{settings.API_PUBLIC_URL}{descendant.api_detail_url()}?{query}")
            new, prefix = new_paths[locale], current[locale]
            urls.append(_resolve_url(new, locale))
            if new.startswith(prefix):
                urls.append(_resolve_url(previous_paths[locale] + new[len(prefix) :], locale))
    return urls


def purge_now(urls, backends):
    """Send `urls` to every configured backend that covers their host."""
    for backend in backends.values():
        batch = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if batch:
            backend.purge_batch(batch)
