"""Page events that change what the public APIs serve. Handlers only call a service."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.content_version import bump_content_version
from cms.i18n.status import refresh_for_revision
from cms.search.index import reindex_later
from cms.workflow.translation_approval import PUBLISH_ACTIONS, record_publish


def on_published_content_changed(**kwargs):
    bump_content_version()


def on_page_published_or_unpublished(instance, **kwargs):
    reindex_later(instance.pk)


def on_page_logged(sender, instance, created, **kwargs):
    # Wagtail logs a publish with its user only after the publish signal has gone out.
    if created and instance.action in PUBLISH_ACTIONS:
        record_publish(instance)


def on_revision_saved(sender, instance, **kwargs):
    refresh_for_revision(instance)


def register_signal_handlers():
    page_published.connect(on_published_content_changed, dispatch_uid="cms-version-publish")
    page_unpublished.connect(on_published_content_changed, dispatch_uid="cms-version-unpublish")
    post_page_move.connect(on_published_content_changed, dispatch_uid="cms-version-move")
    post_delete.connect(
        on_published_content_changed, sender=Page, dispatch_uid="cms-version-delete"
    )
    # Making a section private (or public again) changes what every public API may show.
    post_save.connect(
        on_published_content_changed, sender=PageViewRestriction, dispatch_uid="cms-version-private"
    )
    post_delete.connect(
        on_published_content_changed,
        sender=PageViewRestriction,
        dispatch_uid="cms-version-public",
    )
    post_save.connect(on_page_logged, sender=PageLogEntry, dispatch_uid="cms-approval-on-publish")
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="cms-translation-status")
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="cms-search-publish")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="cms-search-unpublish")
