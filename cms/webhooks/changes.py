"""Which languages a publish changed, and whether it moved the page, compared with the last
published revision."""

from django.core.exceptions import FieldDoesNotExist
from wagtail.fields import StreamField
from wagtail.models import PageLogEntry

from cms.webhooks.events import ALL_LOCALES
from cms.webhooks.payloads import paths
from cms.workflow.translation_approval import (
    DERIVED_FIELDS,
    PUBLISH_ACTIONS,
    approved_content,
    same_content,
    translated_field_names,
)


def previous_publish(page, revision):
    """The page as it was last published before `revision`, or None for a first publish."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS)
        .exclude(revision_id=None)
        .exclude(revision_id=getattr(revision, "pk", None))
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry and entry.revision else None


def changed_locales(page, before):
    """Every publish puts a new English revision live; Chinese changes where an English change
    shows through to Chinese readers (Chinese is published by translation approval).

    Chinese readers see the English of a field with no approved Chinese, and of any part of a
    body (StreamField) still untranslated, so those English changes count for zh-hans as well.
    """
    if before is None:
        return list(ALL_LOCALES)
    approved = approved_content(page) or {}
    for name in translated_field_names(type(page)):
        if name in DERIVED_FIELDS or same_content(
            getattr(before, f"{name}_en", None), getattr(page, f"{name}_en", None)
        ):
            continue
        if _is_stream(page, name) or not approved.get(name):
            return list(ALL_LOCALES)
    return ["en"]


def moved_paths(page, before):
    """{locale: previous path} for the languages whose path this publish changed."""
    if before is None:
        return {}
    old, new = paths(before), paths(page)
    return {locale: old[locale] for locale in ALL_LOCALES if old[locale] != new[locale]}


def _is_stream(page, name):
    try:
        return isinstance(type(page)._meta.get_field(name), StreamField)
    except FieldDoesNotExist:
        return False
