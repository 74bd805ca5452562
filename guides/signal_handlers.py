"""Snippets are live as soon as they are saved: a change is a change to published content."""

from django.db.models.signals import post_delete, post_save

from cms.content_version import bump_content_version


def on_snippet_changed(**kwargs):
    bump_content_version()


def register_signal_handlers():
    from guides.models import FAQ, QuizCallToAction, Series, Topic

    for model in (FAQ, QuizCallToAction, Series, Topic):
        uid = f"guides-version-{model._meta.model_name}"
        post_save.connect(on_snippet_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(on_snippet_changed, sender=model, dispatch_uid=f"{uid}-delete")
