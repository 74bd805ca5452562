"""Writes that translators trigger: preparing a page for translation."""

from cms.i18n.segments import copy_missing_blocks, segments_of, set_targets


def prepare_translation(page, user=None):
    """Copy the English structure into zh-hans with the same block ids.

    Copied text is identical to the English, so the status counts it as missing and the API
    serves it as an English fallback; translators overwrite it in place. Returns how many
    segments were copied (0: nothing to do, and no revision is saved).
    """
    draft = page.get_latest_revision_as_object()
    missing = {s.key: s.source for s in segments_of(draft) if not s.target.strip()}
    if not missing:
        return 0
    copy_missing_blocks(draft)
    set_targets(draft, missing)
    draft.save_revision(user=user, log_action=True)
    return len(missing)
