"""The page editor's side of the note on open content warnings: its content-checks panel posts
NOTE_FIELD with the Submit or Publish button, and an approval's dialog (cms.workflow.
approval_dialog) sends its note with the approval."""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.i18n.locales import LOCALES
from cms.workflow.acknowledgements import (
    APPROVE,
    PUBLISH,
    SUBMIT,
    acknowledge_on_save,
    missing_note,
    open_warnings,
    scope_languages,
)
from cms.workflow.publishing import scope_for

NOTE_FIELD = "acknowledge_warnings"
NOTE_LABEL = gettext_lazy("Note on the open content warnings")
NOTE_HELP = gettext_lazy(
    "Why it can go live as it is. Needed to submit, approve or publish while there are "
    "warnings; it goes into the page history and the publish event."
)


def task_languages(task):
    """The languages an approval of a workflow task puts live (every language for a task
    of another kind)."""
    approval = getattr(getattr(task, "specific", task), "approval", None)
    return approval.languages if approval is not None else LOCALES


class AcknowledgeWarningsMixin:
    """A page form that refuses to submit, publish or approve while the posted content has open
    warnings and no note; with a note, the revision saved next records it."""

    def _post_clean(self):
        super()._post_clean()
        step = self._posted_step()
        if step is None or self.errors:
            return
        step, languages, note = step
        warnings = open_warnings(self.instance, languages)
        if not warnings:
            return
        if not note:
            self.add_error(None, ValidationError(missing_note(warnings), code="warnings"))
        elif step != APPROVE:  # an approval records its note itself (the task's on_action)
            user = getattr(self, "for_user", None)
            acknowledge_on_save(self.instance, user=user, note=note, step=step, warnings=warnings)

    def _posted_step(self):
        """(step, languages, note) of what the editor's button asks for, or None for a save."""
        data = self.data
        note = (data.get(NOTE_FIELD) or "").strip()
        if data.get("action-publish") and self._can_publish():
            return PUBLISH, scope_languages(scope_for(self.for_user)), note
        if data.get("action-submit") or data.get("action-restart-workflow"):
            return SUBMIT, LOCALES, note
        if data.get("action-workflow-action") and data.get("workflow-action-name") == "approve":
            task = self.instance.current_workflow_task if self.instance.pk else None
            if task is None:
                return None
            return APPROVE, task_languages(task), self._approval_note()
        return None

    def _can_publish(self):
        user = getattr(self, "for_user", None)
        if user is None:
            return False
        if self.instance.pk:
            return self.instance.permissions_for_user(user).can_publish()
        parent = getattr(self, "parent_page", None)
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()

    def _approval_note(self):
        try:
            extra = json.loads(self.data.get("workflow-action-extra-data") or "{}")
        except ValueError:
            extra = None
        if not isinstance(extra, dict):
            self.add_error(None, _("The approval's details could not be read; approve again."))
            return ""
        return str(extra.get("note") or "").strip()
