"""Writing Chinese into a page or snippet as a translator does, from a file or the Translate
view: each text checked as the editor's form would check it, then a new revision, the status
remembering which English each written Chinese translates."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.log_actions import log

from cms.i18n.formats import validate_markup
from cms.i18n.links import link_targets
from cms.i18n.segments import copy_missing_blocks, segment_validator, set_targets
from cms.i18n.status import memory_of, refresh_status, status_lookup
from cms.locks import lock_problem
from cms.models import TranslationStatus


def write_problem(obj, user=None):
    """Why `user` may not write Chinese into `obj` now, if they may not."""
    if user is not None and not can_translate(user, obj):
        return _("You may not edit “%(object)s”.") % {"object": obj}
    return lock_problem(obj, user)


def can_translate(user, obj):
    """Whether `user` may change `obj` (its Chinese, for a translator)."""
    if hasattr(obj, "permissions_for_user"):
        return obj.permissions_for_user(user).can_edit()
    return user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}")


def translation_problem(draft, segment, chinese):
    """What is wrong with `chinese` as the Chinese of `segment` of `draft`, or None."""
    return (
        validate_markup(chinese, segment.rich)
        or link_problem(segment.source, chinese)
        or text_problem(draft, segment, chinese)
    )


def write_translations(obj, translations, *, user=None, review=(), action, data):
    """Save a revision of `obj` with `translations` ({segment key: Chinese}) in place.

    Every other Chinese stays as it is. A key in `review` is written but still marked for
    review: it stays outdated. Returns the revision."""
    draft = obj.get_latest_revision_as_object()
    copy_missing_blocks(draft)
    set_targets(draft, translations)
    remembered = _remembered(obj, review)
    revision = draft.save_revision(user=user)
    _remember(obj, remembered)
    refresh_status(draft, mark_current=set(translations) - set(review))
    log(instance=obj, action=action, user=user, revision=revision, data=data)
    return revision


def _remembered(page, keys):
    """Which English the Chinese of each segment in `keys` was written for, before the import
    (an unknown English for a segment with no memory)."""
    memory = memory_of(page)
    return {key: memory.get(key, {"h": "", "s": ""}) for key in keys}


def _remember(page, remembered):
    """Put back `remembered`: saving a revision records a changed Chinese as written for the
    current English, but a Chinese still marked for review is not."""
    if remembered:
        status = TranslationStatus.objects.select_for_update().get(**status_lookup(page))
        status.memory = {**status.memory, **remembered}
        status.save(update_fields=["memory", "updated_at"])


def link_problem(english, chinese):
    """The admin form's rule: a translation links only where its English links."""
    if link_targets(chinese) - link_targets(english):
        return _(
            "It links where its English does not: a translation may link only where its "
            "English links."
        )
    return None


# Far above any real segment (a rich-text section is a few thousand characters).
MAX_SEGMENT_LENGTH = 50_000
# C0 controls (but tab and line breaks), DEL, C1 controls, and the bidirectional overrides
# that can disguise text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def text_problem(draft, segment, text):
    """What the editor's form would say of `text` as the Chinese of `segment`."""
    if found := CONTROL.search(text):
        return _("It contains the control character U+%(code)04X, which text may not hold.") % {
            "code": ord(found.group())
        }
    validator = segment_validator(draft, segment.key)
    limit = getattr(validator, "max_length", None) or MAX_SEGMENT_LENGTH
    if len(text) > limit:
        return _("It is %(length)d characters long; at most %(limit)d fit here.") % {
            "length": len(text),
            "limit": limit,
        }
    if validator is None:
        return None
    try:
        if isinstance(validator, blocks.Block):
            validator.clean(validator.to_python(text))
        else:
            validator.clean(text, draft)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def page_problems(page, translations):
    """{segment key: problem} from the page's own rules (a summary may not end in “…”) with
    `translations` in place."""
    draft = page.get_latest_revision_as_object()
    set_targets(draft, translations)
    try:
        draft.clean()
    except ValidationError as error:
        problems = {}
        for field_name, messages in getattr(error, "message_dict", {}).items():
            key = field_name.removesuffix("_zh_hans")
            if field_name.endswith("_zh_hans") and key in translations:
                problems[key] = " ".join(messages)
        return problems
    return {}
