"""What follows a publish, each done once: the content version, the approval record, webhook
events and CDN purges, the search index and the reader documents (the last three after commit)."""

from django.core.exceptions import FieldDoesNotExist
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.caching.version import bump_content_version
from cms.content import shared_content
from cms.documents.refresh import build_after_commit
from cms.i18n.fields import (
    DERIVED_FIELDS,
    chinese,
    chinese_field_names,
    english,
    translated_field_names,
)
from cms.i18n.locales import TARGET
from cms.i18n.memory import remember_approved
from cms.pages import front_end_paths
from cms.search.index import reindex_later
from cms.streams import reader_value
from cms.webhooks import events
from cms.webhooks.record import anyone_listening, record
from cms.workflow.acknowledgements import event_payload
from cms.workflow.scopes import SOURCE, TRANSLATION, has_been_published
from cms.workflow.translation_approval import record_approval, refresh_translation_state


def after_publish(after, before, revision, scope, user):
    """`after` is the live row `revision` just made; `before` the row as it was."""
    readers_before = before if before.live and has_been_published(before) else None
    bump_content_version(shared=reaches_other_pages(after, readers_before))
    if isinstance(after, Page) and scope != TRANSLATION:  # an approval is an event of its own
        page_events(after, readers_before, revision)
    if scope != SOURCE and chinese_field_names(type(after)):
        if record_approval(after, before, revision, user) and isinstance(after, Page):
            record(
                events.TRANSLATION_APPROVED,
                after,
                [TARGET],
                revision_id=revision.pk,
                acknowledgements=event_payload(after, revision),
            )
        remember_approved(after)  # the translation memory holds what was just approved
    if isinstance(after, Page):
        refresh_translation_state(after)
        reindex_later(after.pk)
        build_after_commit(after.pk)
    else:
        shared_content_events(after)
        shared = shared_content(after)
        if shared is not None and shared.counts_in_translation_state:
            for page in shared.pages_showing(after):
                refresh_translation_state(page)


def reaches_other_pages(after, readers_before):
    """Whether a publish changes what other pages show: a snippet does; a page does when links
    to it start to work (its first publish) or its address changes."""
    if not isinstance(after, Page):
        return True
    return readers_before is None or front_end_paths(readers_before) != front_end_paths(after)


def page_events(page, before, revision):
    record(
        events.PUBLISHED,
        page,
        changed_locales(page, before),
        revision_id=revision.pk,
        acknowledgements=event_payload(page, revision),
    )
    if before is not None:
        old, new = front_end_paths(before), front_end_paths(page)
        moved = {locale: old[locale] for locale in events.ALL_LOCALES if old[locale] != new[locale]}
        if moved:
            record(events.MOVED, page, list(moved), revision_id=revision.pk, previous_paths=moved)


def changed_locales(page, before):
    """The languages whose API output an English change altered. English changes show through
    to Chinese readers where a field has no Chinese, and in any body (StreamField)."""
    if before is None:
        return list(events.ALL_LOCALES)
    for name in translated_field_names(type(page)):
        old, new = getattr(before, english(name)), getattr(page, english(name))
        if name in DERIVED_FIELDS or reader_value(old) == reader_value(new):
            continue
        if _is_stream(page, name) or not getattr(page, chinese(name)):
            return list(events.ALL_LOCALES)
    return ["en"]


def _is_stream(page, name):
    try:
        return isinstance(type(page)._meta.get_field(name), StreamField)
    except FieldDoesNotExist:
        return False


def shared_content_events(snippet):
    """A published snippet (series, FAQ, …) changes every live page that shows it."""
    shared = shared_content(snippet)
    if shared is None or not anyone_listening():
        return
    cause = {"snippet": snippet._meta.label_lower, "id": snippet.pk}
    for page in shared.pages_showing(snippet):
        record(
            events.PUBLISHED,
            page,
            events.ALL_LOCALES,
            revision_id=page.live_revision_id,
            cause=cause,
        )
