"""Per-segment zh-hans state: missing, outdated or current, and the page totals."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page

from cms.i18n.locales import source_hash
from cms.i18n.segments import segment_field_names, segments_of
from cms.models import TranslationStatus
from cms.streams import is_translation

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"


@dataclass(frozen=True)
class SegmentState:
    segment: object
    state: str
    translated_from: str  # the English the Chinese was written for ("" if none)


def is_translated(segment):
    # A copy of the English (as "prepare translation" makes) is not a translation.
    return is_translation(segment.source, segment.target)


def segment_states(page, memory):
    states = []
    for segment in segments_of(page):
        remembered = memory.get(segment.key) or {}
        if not is_translated(segment):
            state = MISSING
        elif remembered.get("h") != source_hash(segment.source):
            state = OUTDATED
        else:
            state = CURRENT
        states.append(SegmentState(segment, state, remembered.get("s", "")))
    return states


def updated_memory(page, memory, previous=None, mark_current=()):
    """Remember the English behind every Chinese segment that was just written.

    A segment counts as just written when its Chinese differs from `previous` (the page before
    this save), when it has no memory yet, or when its key is in `mark_current`.
    """
    before = {s.key: s.target for s in segments_of(previous)} if previous is not None else {}
    new_memory = {}
    for segment in segments_of(page):
        if not is_translated(segment):
            continue
        written = (
            segment.key in mark_current
            or segment.key not in memory
            or (previous is not None and before.get(segment.key) != segment.target)
        )
        if written:
            new_memory[segment.key] = {"h": source_hash(segment.source), "s": segment.source}
        else:
            new_memory[segment.key] = memory[segment.key]
    return new_memory


def status_lookup(obj):
    """How the status of a page or snippet is found: a page's by its page, a snippet's by its
    content type and id."""
    if isinstance(obj, Page):
        return {"page_id": obj.pk}
    content_type = ContentType.objects.get_for_model(obj)
    return {"page": None, "content_type": content_type, "object_id": str(obj.pk)}


def memory_of(obj):
    """{segment key: the English its Chinese was written for} of a page or snippet."""
    status = TranslationStatus.objects.filter(**status_lookup(obj)).first()
    return status.memory if status else {}


@transaction.atomic
def refresh_status(page, previous=None, mark_current=()):
    """Recompute and store the translation status of `page` (a page, a snippet, or a revision's
    object)."""
    status, _created = TranslationStatus.objects.select_for_update().get_or_create(
        **status_lookup(page)
    )
    status.memory = updated_memory(page, status.memory, previous, mark_current)
    states = segment_states(page, status.memory)
    status.total = len(states)
    status.missing = sum(1 for s in states if s.state == MISSING)
    status.outdated = sum(1 for s in states if s.state == OUTDATED)
    current = status.total - status.missing - status.outdated
    status.completeness = round(100 * current / status.total) if status.total else 100
    status.save()
    return status


def refresh_for_revision(revision):
    """Keep the status of a page or snippet current as revisions of it are saved."""
    model = revision.content_type.model_class()
    if model is None or not segment_field_names(model):
        return
    if not model._default_manager.filter(pk=revision.object_id).exists():
        return  # a revision of something that no longer exists
    previous = (
        type(revision)
        .objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            pk__lt=revision.pk,
        )
        .order_by("-pk")
        .first()
    )
    refresh_status(revision.as_object(), previous.as_object() if previous else None)
