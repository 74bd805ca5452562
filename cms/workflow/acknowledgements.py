"""Content warnings gate what goes live.

At submit and at every approval or publish, the open content warnings of the languages that step
sends on are listed, and whoever goes on acknowledges them with a note. The note is kept in the
object's history (a log entry on the revision) and sent with the publish event.

The invariant, held by the publish service (cms.workflow.publishing): a revision with open
warnings in a language it puts live goes live only if they were acknowledged for that very
revision at a publishing step (a publish or its scheduling, an approval, an import). A note given
at submit is history only: each approval and publish needs its own.
"""

from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page

from cms.content import page_type
from cms.i18n.locales import LOCALES, SOURCE, TARGET
from cms.workflow.scopes import ALL, TRANSLATION

ACTION = "cms.acknowledge_warnings"
SUBMIT, PUBLISH, APPROVE, IMPORT = "submit", "publish", "approve", "import"
PUBLISHING_STEPS = (PUBLISH, APPROVE, IMPORT)
STEP_LABELS = {
    SUBMIT: gettext_lazy("submitting for review"),
    PUBLISH: gettext_lazy("publishing"),
    APPROVE: gettext_lazy("approving"),
    IMPORT: gettext_lazy("importing"),
}
# How many warnings a refusal names before it says "and N more".
NAMED_IN_REFUSAL = 3


@dataclass(frozen=True)
class OpenWarning:
    language: str
    code: str
    path: str
    message: str


def scope_languages(scope):
    """The languages a publish with `scope` (cms.workflow.scopes) puts live."""
    if scope == ALL:
        return (SOURCE, TARGET)
    return (TARGET,) if scope == TRANSLATION else (SOURCE,)


def open_warnings(obj, languages=LOCALES):
    """The content warnings of `obj` (a page as saved or as posted) in `languages`, as its
    content app checks them (cms.content.PageType.content_warnings)."""
    registered = page_type(obj) if isinstance(obj, Page) else None
    check = registered.content_warnings if registered else None
    if check is None:
        return []
    return [
        OpenWarning(language, warning.code, warning.path, str(warning.message))
        for language in LOCALES
        if language in languages
        for warning in check(obj, language)
    ]


def acknowledge(obj, revision, *, user, note, step, warnings):
    """Keep `note` on `warnings` in `obj`'s history, on `revision`."""
    log(
        instance=obj,
        action=ACTION,
        user=user,
        revision=revision,
        data={
            "note": note,
            "step": step,
            "languages": [
                language for language in LOCALES if any(w.language == language for w in warnings)
            ],
            "warnings": [asdict(warning) for warning in warnings],
        },
    )


def acknowledge_on_save(instance, **acknowledgement):
    """Acknowledge when `instance`'s next revision is saved (a form knows the note before the
    revision exists); PublicationMixin.save_revision calls `record_pending`."""
    instance._pending_acknowledgement = acknowledgement


def record_pending(instance, revision):
    acknowledgement = instance.__dict__.pop("_pending_acknowledgement", None)
    if acknowledgement is not None:
        acknowledge(instance, revision, **acknowledgement)


def acknowledgements(obj, revision):
    """The log entries that acknowledge warnings on `revision`, oldest first."""
    return (
        log_registry.get_logs_for_instance(obj)
        .filter(action=ACTION, revision=revision)
        .select_related("user")
        .order_by("timestamp", "pk")
    )


def event_payload(obj, revision):
    """What a publish event says of the notes on `revision`'s warnings (None: there are none)."""
    entries = [
        {
            "note": entry.data.get("note", ""),
            "step": entry.data.get("step", ""),
            "user": entry.user.get_username() if entry.user else None,
            "languages": entry.data.get("languages", []),
            "warnings": [
                {key: warning.get(key) for key in ("language", "code", "path")}
                for warning in entry.data.get("warnings", [])
            ],
        }
        for entry in acknowledgements(obj, revision)
    ]
    return entries or None


def describe(warnings):
    """A sentence naming the first warnings, for refusals and form errors."""
    named = " ".join(warning.message for warning in warnings[:NAMED_IN_REFUSAL])
    more = len(warnings) - NAMED_IN_REFUSAL
    if more > 0:
        named += " " + ngettext("(and %(count)d more)", "(and %(count)d more)", more) % {
            "count": more
        }
    return named


def refusal(obj, warnings):
    return ngettext(
        "“%(object)s” has %(count)d open content warning, which nobody acknowledged for this "
        "version: %(warnings)s Open it in the editor and publish or approve it with a note "
        "on the warning.",
        "“%(object)s” has %(count)d open content warnings, which nobody acknowledged for this "
        "version: %(warnings)s Open it in the editor and publish or approve it with a note "
        "on the warnings.",
        len(warnings),
    ) % {"object": obj, "count": len(warnings), "warnings": describe(warnings)}


def unacknowledged(obj, revision, scope):
    """The open warnings that stop `revision` of `obj` going live with `scope` ([] if none, or
    if they were acknowledged for it at a publishing step)."""
    warnings = open_warnings(revision.as_object(), scope_languages(scope))
    if not warnings:
        return []
    if acknowledgements(obj, revision).filter(data__step__in=PUBLISHING_STEPS).exists():
        return []
    return warnings


def require_note(obj, revision, *, user, note, step, languages):
    """For a step taken without a form (a workflow approval): refuse when `obj` has open
    warnings in `languages` and `note` is empty; else record the note."""
    warnings = open_warnings(revision.as_object(), languages)
    if not warnings:
        return
    note = (note or "").strip()
    if not note:
        raise PermissionDenied(missing_note(warnings))
    acknowledge(obj, revision, user=user, note=note, step=step, warnings=warnings)


def missing_note(warnings):
    return ngettext(
        "There is %(count)d open content warning: %(warnings)s To go on, write a note that "
        "says why it can go live as it is.",
        "There are %(count)d open content warnings: %(warnings)s To go on, write a note that "
        "says why they can go live as they are.",
        len(warnings),
    ) % {"count": len(warnings), "warnings": describe(warnings)}


def history_message(data):
    """The page history's line for an acknowledgement."""
    count = len(data.get("warnings", []))
    step = STEP_LABELS.get(data.get("step"), data.get("step", ""))
    return ngettext(
        "Acknowledged %(count)d content warning when %(step)s: “%(note)s”",
        "Acknowledged %(count)d content warnings when %(step)s: “%(note)s”",
        count,
    ) % {"count": count, "step": step, "note": data.get("note", "")}
