"""The Guide review workflow's stages in plain words: who acts at each, what happens next to a
page or snippet, and what a workflow action has just done."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_latest_str
from wagtail.models import Page, TaskState, WorkflowMixin, WorkflowState

from cms.i18n.locales import SOURCE, TARGET
from cms.models import EditorialReviewTask, TranslationReviewTask
from cms.workflow import roles


@dataclass(frozen=True)
class Stage:
    name: Promise  # the stage as people call it, whatever the task is named in the data
    languages: tuple  # what its approval puts live
    approve: Promise  # its approval action, named for what it does
    step: Promise  # who does what at this stage, with %(groups)s
    submitted: Promise  # the message once something waits at this stage, with %(title)s
    approved: Promise  # the message once this stage approved it, with %(title)s and %(stage)s


STAGES = {
    EditorialReviewTask: Stage(
        name=_("Editorial review"),
        languages=(SOURCE,),
        approve=_("Approve and publish English"),
        step=_("a reviewer (%(groups)s) approves the English, which then goes live."),
        submitted=_("“%(title)s” submitted for editorial review."),
        approved=_("“%(title)s”: English approved and published (%(stage)s)."),
    ),
    TranslationReviewTask: Stage(
        name=_("zh-hans translation review"),
        languages=(TARGET,),
        approve=_("Approve and publish Chinese"),
        step=_(
            "a zh-hans translation reviewer (%(groups)s) approves the Chinese, which then goes "
            "live."
        ),
        submitted=_("“%(title)s” submitted for zh-hans translation review."),
        approved=_("“%(title)s”: Chinese approved and published (%(stage)s)."),
    ),
}
WHO_PUBLISHES = _(
    "Editors submit for review; reviewers publish the English; translation reviewers approve "
    "the Chinese."
)
NEXT = _("Next: %(step)s")
AFTER_THAT = _("After that %(step)s")
CHANGES_REQUESTED = _(
    "Changes were requested (%(stage)s): an editor makes them and submits it for review again."
)
REJECTED = _("“%(title)s”: changes requested (%(stage)s).")
CANCELLED = _("“%(title)s”: review cancelled; whatever it already approved stays live.")
DONE = {TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED}


def stage_of(task):
    return STAGES.get(type(task.specific))


def stage_name(task):
    stage = stage_of(task)
    return stage.name if stage else task.name


def step(task):
    """Who acts at `task`, their groups named as the admin shows them."""
    groups = task.specific.groups.values_list("name", flat=True)
    names = ", ".join(str(roles.ROLE_LABELS.get(name, name)) for name in groups)
    return stage_of(task).step % {"groups": names}


def workflow_of(obj, parent_page=None):
    """The workflow `obj` goes through (a new page: that of the page it is added under)."""
    if isinstance(obj, Page) and obj.pk is None:
        return parent_page.get_workflow() if parent_page else None
    return obj.get_workflow() if isinstance(obj, WorkflowMixin) else None


@dataclass(frozen=True)
class Progress:
    name: str
    status: str
    done: bool
    current: bool


def guidance(obj, parent_page=None):
    """What the status panel says about `obj`: sentences on what happens next (or who may
    publish), and its stages with their state. None for what has no workflow."""
    if workflow_of(obj, parent_page) is None:
        return None
    state = obj.current_workflow_state if obj.pk else None
    if state is None:
        return {"sentences": [WHO_PUBLISHES], "progress": []}
    current = state.current_task_state.task
    tasks = state.all_tasks_with_status()
    progress = [
        Progress(stage_name(task), task.status_display, task.status in DONE, task == current)
        for task in tasks
    ]
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return {
            "sentences": [CHANGES_REQUESTED % {"stage": stage_name(current)}],
            "progress": progress,
        }
    waiting = [task for task in tasks if task.status not in DONE and stage_of(task)]
    sentences = [
        (NEXT if task == current else AFTER_THAT) % {"step": step(task)} for task in waiting
    ]
    return {"sentences": sentences, "progress": progress}


def title_of(obj):
    """What the admin calls `obj` as of its latest revision: for a page, its row's draft title
    (a revision's copy of the page holds the draft title of the revision before)."""
    if isinstance(obj, Page):
        return Page.objects.get(pk=obj.pk).get_admin_display_title()
    return get_latest_str(obj)


def outcome(obj, task_state):
    """What a reviewer's action at `task_state` did, for the message after it; None when it
    did nothing this workflow describes."""
    stage = stage_of(task_state.task)
    if stage is None:
        return None
    values = {"title": title_of(obj), "stage": stage.name}
    if task_state.status == TaskState.STATUS_APPROVED:
        return stage.approved % values
    if task_state.status == TaskState.STATUS_REJECTED:
        return REJECTED % values
    return None


def submitted(obj, task):
    """The message once `obj` was submitted (or resubmitted) and waits at `task`."""
    stage = stage_of(task)
    return stage.submitted % {"title": title_of(obj)} if stage else None


def cancelled(obj):
    return CANCELLED % {"title": title_of(obj)}
