"""Which API URLs a change to a page makes stale, and purging them from the front-end cache."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from cms.webhooks.events import ALL_LOCALES


def api_urls(page, locales=ALL_LOCALES, previous_paths=None):
    """Absolute API URLs serving `page` in `locales`: its detail, the listings it appears in,
    and the resolve results for its path (and its previous path, after a move)."""
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
            urls.append(
                f"{base}/api/v1/pages/resolve/?{urlencode({'path': path, 'locale': locale})}"
            )
    return list(dict.fromkeys(urls))


def purge_now(urls, backends):
    """Send `urls` to every configured backend that covers their host."""
    for backend in backends.values():
        batch = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if batch:
            backend.purge_batch(batch)


class RecordingBackend(BaseBackend):
    """A frontend-cache backend for tests: it remembers every URL it was asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)

    def purge_batch(self, urls):
        for url in urls:
            self.purge(url)
