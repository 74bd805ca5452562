"""Publishing a page is one transaction, and one publish of a page at a time.

Wagtail saves the page row, then sends page_published (webhook events, the content version,
search), then writes the log entry (translation approval listens for it), without a transaction
of its own. The admin's Publish button and workflow approvals call it outside any transaction,
so a receiver or the database failing part-way left the new content live with no log entry.
Here the whole publish commits or rolls back together, and the page row is locked first so
concurrent publishes of one page queue instead of interleaving.
"""

from django.db import transaction
from wagtail.models import Page


class AtomicPublishMixin:
    """Put before Page in a page model's bases."""

    def publish(self, revision, *args, **kwargs):
        with transaction.atomic():
            # Lock the page row (PostgreSQL; SQLite serialises writers anyway).
            Page.objects.select_for_update().filter(pk=self.pk).values_list("pk").first()
            return super().publish(revision, *args, **kwargs)

    publish.alters_data = True
