"""Purging stale API URLs (cms.caching.purge says which) from the front-end cache."""

from urllib.parse import urlsplit


def purge_now(urls, backends):
    """Send `urls` to every configured backend that covers their host."""
    for backend in backends.values():
        batch = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if batch:
            backend.purge_batch(batch)
