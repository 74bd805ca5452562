"""Page events that change what the public APIs serve. Handlers only call a service."""

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.content_version import bump_content_version


def on_published_content_changed(**kwargs):
    bump_content_version()


def register_signal_handlers():
    page_published.connect(on_published_content_changed, dispatch_uid="cms-version-publish")
    page_unpublished.connect(on_published_content_changed, dispatch_uid="cms-version-unpublish")
    post_page_move.connect(on_published_content_changed, dispatch_uid="cms-version-move")
    from django.db.models.signals import post_delete

    post_delete.connect(
        on_published_content_changed, sender=Page, dispatch_uid="cms-version-delete"
    )
