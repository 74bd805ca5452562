"""The approval dialog of a review stage: a comment, and the note on the open content warnings
that the approval would put live (required when there are any)."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import TaskState

from cms.workflow.acknowledgement_forms import NOTE_HELP, NOTE_LABEL, task_languages
from cms.workflow.acknowledgements import APPROVE, open_warnings, require_note
from cms.workflow.stages import STAGES


class ApproveForm(TaskStateCommentForm):
    """The approval dialog: a comment, and the note on open warnings (required when there are
    any; the dialog's template lists them and posts the task state it approves)."""

    note = forms.CharField(
        label=NOTE_LABEL, help_text=NOTE_HELP, required=False, widget=forms.Textarea
    )
    task_state_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned_data = super().clean()
        task_state = TaskState.objects.filter(pk=cleaned_data.get("task_state_id")).first()
        if task_state is None or cleaned_data.get("note", "").strip():
            return cleaned_data  # without a task state, the task's on_action still refuses
        if task_state_warnings(task_state.specific):
            self.add_error("note", _("Write a note on the warnings listed above to approve."))
        return cleaned_data


def task_state_warnings(task_state):
    """The open warnings of the latest revision of what `task_state` reviews, in the task's
    languages."""
    obj = task_state.workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    revision = obj.get_latest_revision()
    if revision is None:
        return []
    return open_warnings(revision.as_object(), task_languages(task_state.task))


@dataclass(frozen=True)
class Approval:
    """How a review stage approves (cms.models.ApprovalWithNote): the languages it puts live,
    its action's name, its dialog, and the check of the dialog's note."""

    languages: tuple
    label: str
    form: type = ApproveForm
    template_name: str = "cms/workflow/approval_dialog.html"

    def check(self, task_state, user, note):
        """Refuse an approval (PermissionDenied) whose note is missing while there are open
        warnings in the languages it puts live; else record the note."""
        obj = task_state.workflow_state.content_object
        obj = getattr(obj, "specific", obj)
        require_note(
            obj,
            obj.get_latest_revision(),
            user=user,
            note=note,
            step=APPROVE,
            languages=self.languages,
        )


def install_approvals():
    for task_class, stage in STAGES.items():
        task_class.approval = Approval(stage.languages, stage.approve)
