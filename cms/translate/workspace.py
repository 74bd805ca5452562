"""The translator's workspace for one page or snippet: its segments in reading order, each with
the English as readers see it, what changed in it since it was translated, the glossary terms
it uses and its Chinese, and the three things a translator does there: save one segment's
Chinese, confirm that an outdated Chinese is still correct, and submit the translation for
review.

Every write goes through cms.i18n.writes, the same checks and the same revision as a
translation file, so the Translate view can change a segment's Chinese and nothing else.
"""

import copy
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState
from wagtail.snippets.models import get_snippet_models

from cms.i18n.diff import change_diff, plain, word_diff
from cms.i18n.fields import chinese
from cms.i18n.glossary import current_glossary
from cms.i18n.locales import TARGET
from cms.i18n.segments import segment_field_names, segment_validators, segments_of
from cms.i18n.status import (
    CURRENT,
    MISSING,
    OUTDATED,
    memory_of,
    refresh_status,
    segment_states,
)
from cms.i18n.writes import page_problems, translation_problem, write_problem, write_translations
from cms.models import TranslationReviewTask
from cms.rich_text import expand_many
from cms.workflow.acknowledgements import SUBMIT, acknowledge, missing_note, open_warnings

SAVE_ACTION = "cms.translate_segment"
CONFIRM_ACTION = "cms.confirm_segment"
SUBMIT_ACTION = "cms.submit_translation"
STATE_LABELS = {
    MISSING: gettext_lazy("Missing"),
    OUTDATED: gettext_lazy("Outdated"),
    CURRENT: gettext_lazy("Current"),
}
# What a translator may ask to see: every segment, or only those that need work.
FILTERS = {
    "todo": {MISSING, OUTDATED},
    "missing": {MISSING},
    "outdated": {OUTDATED},
    "all": {MISSING, OUTDATED, CURRENT},
}


class TranslationRefused(Exception):
    """A translator's request that cannot be carried out; its message says why, for people."""


@dataclass(frozen=True)
class Row:
    number: int  # counting from 1, in reading order
    key: str
    label: str  # "Block 5 (Pathway) · Step 2 · Action 1"
    state: str
    rich: bool
    source: str  # the English as stored
    english: str  # safe HTML, as readers see it
    chinese: str  # the draft's Chinese ("" when missing)
    change: str  # for an outdated segment, its English change since it was translated
    live_change: str  # the draft's Chinese against the live one, where they differ
    terms: list = field(default_factory=list)  # glossary terms its English uses

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class Progress:
    total: int
    missing: int
    outdated: int

    @property
    def current(self):
        return self.total - self.missing - self.outdated

    @property
    def percent(self):
        return round(100 * self.current / self.total) if self.total else 100


@dataclass(frozen=True)
class Workspace:
    obj: object  # the page (specific) or the snippet
    draft: object  # its latest revision's content
    rows: list
    progress: Progress
    validators: dict  # segment key -> its block or model field (segment_validators)

    def row(self, key):
        return next((row for row in self.rows if row.key == key), None)

    def shown(self, chosen, also=()):
        """The rows the filter `chosen` shows, and those whose keys are in `also`."""
        states = FILTERS.get(chosen, FILTERS["all"])
        return [row for row in self.rows if row.state in states or row.key in also]


def translatable_snippet_model(app_label, model_name):
    """The snippet model named, if it has segments to translate; None otherwise."""
    for model in get_snippet_models():
        meta = model._meta
        if (meta.app_label, meta.model_name) == (app_label, model_name):
            return model if segment_field_names(model) else None
    return None


def draft_of(obj):
    """The content a translator works on: the latest revision's, or the row's without one."""
    if hasattr(obj, "get_latest_revision_as_object"):
        return obj.get_latest_revision_as_object()
    return obj


def live_of(obj):
    """What readers see of `obj` (the publication invariant keeps it on the row itself)."""
    return type(obj)._default_manager.get(pk=obj.pk)


def open_workspace(obj):
    """The workspace of `obj`: a fixed number of queries, however many segments it has."""
    draft = draft_of(obj)
    states = segment_states(draft, memory_of(obj))
    live = {segment.key: segment.target for segment in segments_of(live_of(obj))}
    rich = [state.segment.source for state in states if state.segment.rich]
    expanded = iter(expand_many(rich))
    glossary = current_glossary()
    rows = []
    for number, state in enumerate(states, start=1):
        segment = state.segment
        english = next(expanded) if segment.rich else linebreaksbr(escape(segment.source))
        chinese_text = segment.target if state.state != MISSING else ""
        live_text = live.get(segment.key, "")
        rows.append(
            Row(
                number=number,
                key=segment.key,
                label=segment.label,
                state=state.state,
                rich=segment.rich,
                source=segment.source,
                english=mark_safe(english),  # noqa: S308  (stored rich text, expanded; or escaped)
                chinese=chinese_text,
                change=change_diff(state.translated_from, segment.source)
                if state.state == OUTDATED
                else "",
                live_change=_live_change(live_text, chinese_text, segment.source),
                terms=glossary.terms_in(segment.source),
            )
        )
    progress = Progress(
        total=len(rows),
        missing=sum(row.state == MISSING for row in rows),
        outdated=sum(row.state == OUTDATED for row in rows),
    )
    return Workspace(
        obj=obj,
        draft=draft,
        rows=rows,
        progress=progress,
        validators=segment_validators(draft),
    )


def _live_change(live, draft, english):
    """The draft's Chinese against what readers see, for the translation reviewer; "" when
    they are the same. A live "Chinese" that only copies the English counts as none."""
    before = plain(live) if live and plain(live) != plain(english) else ""
    after = plain(draft)
    if before == after or not after:
        return ""
    return word_diff(before, after)


def chinese_field(workspace, key):
    """A fresh form field for the Chinese of segment `key`, as the editor's form has it: a
    block's own field (Draftail for rich text) or the model field's."""
    validator = workspace.validators.get(key)
    if validator is None:
        return None
    if isinstance(validator, blocks.Block):
        form_field = copy.deepcopy(validator.field)
    else:
        model_field = type(workspace.draft)._meta.get_field(chinese(validator.name))
        form_field = model_field.formfield()
    form_field.required = True
    form_field.label = _("Chinese")
    return form_field


def _check(obj, user):
    if problem := write_problem(obj, user):
        raise TranslationRefused(problem)


def save_segment(obj, key, text, user):
    """Write `text` as the Chinese of segment `key` of `obj`, checked as a file import checks
    it. Returns the new revision; raises TranslationRefused with the reason otherwise."""
    _check(obj, user)
    draft = draft_of(obj)
    segment = next((s for s in segments_of(draft) if s.key == key), None)
    if segment is None:
        raise TranslationRefused(_("There is no segment “%(key)s” to translate.") % {"key": key})
    problem = translation_problem(draft, segment, text) or page_problems(obj, {key: text}).get(key)
    if problem:
        raise TranslationRefused(problem)
    try:
        with transaction.atomic():
            revision = write_translations(
                obj, {key: text}, user=user, action=SAVE_ACTION, data={"segment": key}
            )
            _review_follows(obj, revision)
            return revision
    except ValidationError as error:
        raise TranslationRefused(" ".join(error.messages)) from error


def chinese_warnings(obj):
    """(latest revision, the open content warnings of its Chinese)."""
    revision = type(obj)._default_manager.get(pk=obj.pk).get_latest_revision()
    return revision, open_warnings(revision.as_object(), (TARGET,)) if revision else []


def _acknowledge_warnings(obj, user, note):
    revision, warnings = chinese_warnings(obj)
    if not warnings:
        return
    if not note:
        raise TranslationRefused(missing_note(warnings))
    acknowledge(obj, revision, user=user, note=note, step=SUBMIT, warnings=warnings)


def _review_follows(obj, revision):
    """Where `obj` is in translation review, let the review show `revision`: the reviewer
    compares and approves the newest Chinese, not what was first submitted."""
    state = obj.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None or not isinstance(task_state.task.specific, TranslationReviewTask):
        return False
    task_state.revision = revision
    task_state.save(update_fields=["revision"])
    return True


@transaction.atomic
def confirm_still_correct(obj, key, user):
    """Record that the Chinese of outdated segment `key` still translates its changed English:
    it counts as current, without a new revision."""
    _check(obj, user)
    row = open_workspace(obj).row(key)
    if row is None or row.state != OUTDATED:
        raise TranslationRefused(
            _("Segment “%(key)s” is not outdated: there is nothing to confirm.") % {"key": key}
        )
    refresh_status(draft_of(obj), mark_current={key})
    log(instance=obj, action=CONFIRM_ACTION, user=user, data={"segment": key})


@transaction.atomic
def submit_translation(obj, user, note=""):
    """Send the latest revision's Chinese to translation review. A revision that changes only
    Chinese skips editorial review (cms.models.EditorialReviewTask). Open content warnings in
    the Chinese need `note` (cms.workflow.acknowledgements). Returns a message."""
    _check(obj, user)
    state = obj.current_workflow_state
    if state is None:
        workflow = obj.get_workflow()
        if workflow is None:
            raise TranslationRefused(_("No review workflow applies to this content."))
        if isinstance(obj, Page) and not obj.permissions_for_user(user).can_submit_for_moderation():
            raise TranslationRefused(_("You may not submit this page for review."))
        _acknowledge_warnings(obj, user, note.strip())
        workflow.start(obj, user)  # (Wagtail logs it)
        return _("Submitted for review.")
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        _acknowledge_warnings(obj, user, note.strip())
        state.resume(user)  # (Wagtail logs it)
        return _("Resubmitted for review.")
    if _review_follows(obj, type(obj)._default_manager.get(pk=obj.pk).get_latest_revision()):
        log(instance=obj, action=SUBMIT_ACTION, user=user)
        return _("The translation review now shows your latest Chinese.")
    raise TranslationRefused(
        _("This content is in editorial review; submit the translation once it is approved.")
    )
