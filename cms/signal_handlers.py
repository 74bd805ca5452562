"""Page events that change what the public APIs serve. Handlers only call a service.

Publishing is not among them: the publish service (cms.workflow.publishing) does its own.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail.signals import page_unpublished, post_page_move

from cms.caching.version import bump_content_version
from cms.i18n.status import refresh_for_revision
from cms.images import on_image_saved
from cms.search.index import reindex_later


def on_published_content_changed(**kwargs):
    """An unpublish, move, deletion or privacy change (links and addresses in other pages'
    documents may change too), or an image saved or deleted (its title is alt text)."""
    bump_content_version(shared=True)


def on_page_unpublished(instance, **kwargs):
    reindex_later(instance.pk)


def on_revision_saved(sender, instance, **kwargs):
    refresh_for_revision(instance)


def register_signal_handlers():
    # Renditions are made on upload, never on a reader's request (cms.images).
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="cms-image-renditions")
    post_save.connect(
        on_published_content_changed, sender=get_image_model(), dispatch_uid="cms-image-saved"
    )
    post_delete.connect(
        on_published_content_changed, sender=get_image_model(), dispatch_uid="cms-image-deleted"
    )
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
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="cms-translation-status")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="cms-search-unpublish")
