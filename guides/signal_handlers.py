"""Shared content leaving readers: every live guide that showed it gets a `page.published` event
(with the snippet as its cause) and a CDN purge. Publishing one goes through the publish service
(cms.workflow.publishing), which records the same; a draft saved changes nothing readers see."""

from django.db.models.signals import post_delete, pre_delete
from wagtail.signals import unpublished

from cms.caching.version import bump_content_version
from cms.workflow.publication_effects import shared_content_events
from guides.models import FAQ, QuizCallToAction, Series, Topic


def on_snippet_unpublished(instance, **kwargs):
    bump_content_version(shared=True)
    shared_content_events(instance)


def on_snippet_deleting(instance, **kwargs):
    if instance.live:
        shared_content_events(instance)  # while the guides can still be found through it


def on_snippet_deleted(instance, **kwargs):
    if instance.live:
        bump_content_version(shared=True)


def register_signal_handlers():
    for model in (FAQ, QuizCallToAction, Series, Topic):
        uid = f"guides-shared-{model._meta.model_name}"
        unpublished.connect(on_snippet_unpublished, sender=model, dispatch_uid=f"{uid}-off")
        pre_delete.connect(on_snippet_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(on_snippet_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
