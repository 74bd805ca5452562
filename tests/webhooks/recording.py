"""A frontend-cache backend for tests (cms.settings.test): it remembers every URL it was asked
to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)

    def purge_batch(self, urls):
        for url in urls:
            self.purge(url)
