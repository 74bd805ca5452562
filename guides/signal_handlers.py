"""Snippets are live as soon as they are saved: a change is a change to published content.

Every live guide that shows the snippet gets a `page.published` event (with the snippet as its
cause) and a CDN purge, as if it had been published again.
"""

from django.db.models.signals import post_delete, post_save, pre_delete

from cms.content_version import bump_content_version
from cms.webhooks import events
from cms.webhooks.record import anyone_listening, record
from guides.shared_content import guides_showing


def record_guides_showing(snippet):
    if not anyone_listening():
        return
    cause = {"snippet": snippet._meta.label_lower, "id": snippet.pk}
    for guide in guides_showing(snippet):
        record(
            events.PUBLISHED,
            guide,
            events.ALL_LOCALES,
            revision_id=guide.live_revision_id,
            cause=cause,
        )


def on_snippet_saved(instance, **kwargs):
    bump_content_version()
    record_guides_showing(instance)


def on_snippet_deleting(instance, **kwargs):
    record_guides_showing(instance)  # while the guides can still be found through it


def on_snippet_deleted(**kwargs):
    bump_content_version()


def register_signal_handlers():
    from guides.models import FAQ, QuizCallToAction, Series, Topic

    for model in (FAQ, QuizCallToAction, Series, Topic):
        uid = f"guides-shared-{model._meta.model_name}"
        post_save.connect(on_snippet_saved, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(on_snippet_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(on_snippet_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
