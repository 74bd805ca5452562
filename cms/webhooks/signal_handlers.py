"""Turning Wagtail's page signals into recorded publish events (sent after commit).

Publishes and translation approvals record their own events (cms.workflow.publication_effects);
these are the rest.
"""

from wagtail.signals import page_unpublished, post_page_move

from cms.pages import front_end_path
from cms.webhooks import events
from cms.webhooks.record import record


def on_unpublished(sender, instance, **kwargs):
    record(events.UNPUBLISHED, instance, events.ALL_LOCALES)


def on_moved(sender, instance, parent_page_before, url_path_before, **kwargs):
    # Moving only changes the parent: the Chinese path moved from under the old parent's.
    parent = parent_page_before.specific
    chinese_parent = getattr(parent, "url_path_zh_hans", None) or parent.url_path
    chinese_slug = getattr(instance, "slug_zh_hans", None) or instance.slug
    previous = {
        "en": front_end_path(url_path_before),
        "zh-hans": front_end_path(f"{chinese_parent}{chinese_slug}/"),
    }
    record(events.MOVED, instance, events.ALL_LOCALES, previous_paths=previous)


def register_signal_handlers():
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="webhooks-moved")
