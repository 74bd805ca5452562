"""Per-locale publication: what zh-hans content has been approved, and serving only that."""

import re

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator
from wagtail.log_actions import log

from cms.content_version import bump_content_version
from cms.models import TranslationApproval
from cms.search.index import reindex_later

APPROVE_PERMISSION = "cms.approve_translation"
SOURCE_PERMISSION = "cms.edit_source_language"
LOG_ACTION = "cms.translation_approved"
# Sent when approval changes the Chinese that readers see (page, revision).
translation_approved = Signal()
DERIVED_FIELDS = {"reading_time", "url_path", "slug"}


def translated_field_names(model):
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _json_value(value):
    if hasattr(value, "raw_data"):  # StreamValue
        return list(value.raw_data)
    if hasattr(value, "source"):  # RichText
        return value.source
    return value


def chinese_content(page):
    """The page's zh-hans values, JSON-ready, keyed by field name."""
    return {
        name: _json_value(getattr(page, f"{name}_zh_hans", None))
        for name in translated_field_names(type(page))
    }


def can_approve(user):
    """System actions (no user) and translation reviewers approve Chinese when they publish."""
    return user is None or user.has_perm(APPROVE_PERMISSION)


@transaction.atomic
def approve_translation(page, revision, user=None):
    """Record the page's zh-hans content (as in `revision`) as approved."""
    content = chinese_content(revision.as_object() if revision else page)
    before = TranslationApproval.objects.filter(page_id=page.pk).values_list("content", flat=True)
    changed = _readable(before.first()) != _readable(content)
    approval, _created = TranslationApproval.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "revision": revision,
            "content": content,
            "approved_at": timezone.now(),
            "approved_by": user if getattr(user, "pk", None) else None,
        },
    )
    log(
        instance=page,
        action=LOG_ACTION,
        user=user if getattr(user, "pk", None) else None,
        revision=revision,
        data={"locale": "zh-hans"},
    )
    bump_content_version()
    reindex_later(page.pk)
    if changed:
        translation_approved.send(sender=type(page), page=page, revision=revision)
    return approval


def approved_content(page):
    """Approved zh-hans values for `page` (empty if none); uses a select_related approval."""
    try:
        approval = page.translation_approval
    except TranslationApproval.DoesNotExist:
        return None
    return approval.content if approval else None


def apply_approved_translation(page, approval_content):
    """Put approved Chinese on an in-memory page (never saved). Returns True if the live
    page holds Chinese that has not been approved yet (a translation is pending)."""
    pending = False
    deferred = page.get_deferred_fields()
    for name in translated_field_names(type(page)):
        attribute = f"{name}_zh_hans"
        if attribute in deferred or not hasattr(page, attribute):
            continue
        live = _json_value(getattr(page, attribute))
        approved = (approval_content or {}).get(name)
        if not _same(live, approved):
            # Derived values (reading time, URL path) differ without any translator's work.
            pending = pending or (bool(live) and name not in DERIVED_FIELDS)
            setattr(page, attribute, approved if approved is not None else _empty_for(live))
    return pending


BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
# The rich-text editor saves <strong>/<em> as <b>/<i>: the same text to a reader.
EQUIVALENT_TAGS = ((re.compile(r"<(/?)strong>"), r"<\1b>"), (re.compile(r"<(/?)em>"), r"<\1i>"))


def _normalised(value):
    """Content as a reader sees it: rich-text block keys (random per save) and empties aside."""
    if isinstance(value, dict):
        return {key: _normalised(item) for key, item in value.items() if item not in (None, "")}
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, str):
        value = BLOCK_KEY.sub("", value)
        for pattern, replacement in EQUIVALENT_TAGS:
            value = pattern.sub(replacement, value)
        return value
    return value


def _same(live, approved):
    return _normalised(live or None) == _normalised(approved or None)


def _readable(content):
    """Approved content without the derived values, as readers compare it."""
    kept = {k: v for k, v in (content or {}).items() if v and k not in DERIVED_FIELDS}
    return _normalised(kept)


def same_content(first, second):
    """Whether two field values (text, rich text or stream) read the same."""
    return _same(_json_value(first), _json_value(second))


def _empty_for(value):
    return [] if isinstance(value, list) else ""


PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def record_publish(log_entry):
    """A publish by a translation reviewer (or by the system) also approves its Chinese."""
    user = log_entry.user
    if log_entry.revision_id is None or not can_approve(user):
        return
    approve_translation(log_entry.page, log_entry.revision, user)
