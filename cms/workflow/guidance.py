"""Say who does what in the admin (issue #21).

- Nobody is offered a publish, unpublish or schedule control they cannot complete: the bulk
  actions footer and the status panel (cms/templates/wagtailadmin/, overriding Wagtail's) ask
  `may_use_bulk_action` and `may_schedule` through cms/templatetags/workflow_guidance.py.
- After a workflow action the success message names the object, the stage and the language
  (cms.workflow.stages), in the editor (these hooks) and from the dashboard's "Awaiting your
  review" actions (`GuidedWorkflowActionMixin`).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.action_menu import WorkflowMenuItem as SnippetWorkflowMenuItem
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView

from cms.workflow import stages

# Who sees what --------------------------------------------------------------------------------

PUBLISHING_BULK_ACTIONS = {"publish", "unpublish"}


def publishes_any_page(user):
    return PagePermissionPolicy().user_has_permission(user, "publish")


def may_schedule(user, obj):
    """Whether `user` may set `obj`'s publishing schedule: only who may publish it. Other
    objects (not pages or snippets) are left to Wagtail."""
    if isinstance(obj, Page):
        if obj.pk is None:
            return publishes_any_page(user)
        return obj.permissions_for_user(user).can_publish()
    if type(obj) in get_snippet_models():
        return obj.snippet_viewset.permission_policy.user_has_permission(user, "publish")
    return True


def may_use_bulk_action(user, model, action_type):
    """Whether `user` could complete the bulk action on anything of `model`; the action still
    checks each object."""
    if issubclass(model, Page) and action_type in PUBLISHING_BULK_ACTIONS:
        return publishes_any_page(user)
    if model in get_snippet_models() and action_type == "delete":
        return model.snippet_viewset.permission_policy.user_has_permission(user, "delete")
    return True


@hooks.register("construct_page_action_menu")
@hooks.register("construct_snippet_action_menu")
def one_action_per_stage(menu_items, request, context):
    """A reviewer whose stage it is sees its approval as the main action, named for what it
    puts live (not Wagtail's "… and Publish"), and no separate Publish beside it."""
    approvals = [
        item
        for item in menu_items
        if isinstance(item, (WorkflowMenuItem, SnippetWorkflowMenuItem)) and item.name == "approve"
    ]
    if not approvals:
        return
    obj = context.get("page") or context.get("instance")
    approval = getattr(obj.current_workflow_task.specific, "approval", None)
    for item in approvals:
        if approval is not None:
            item.label = approval.label
        menu_items.remove(item)
    menu_items[:] = approvals + [item for item in menu_items if item.name != "action-publish"]


# Messages after workflow actions --------------------------------------------------------------

# The current task state before the edit view acted, remembered on the request.
BEFORE = "cms_task_state_before"


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def replace_success_message(request, obj, message):
    """Show `message` instead of the generic success message the view has just queued (the
    last one), keeping every other message."""
    queued = list(messages.get_messages(request))  # reading marks them all shown: re-add
    successes = [i for i, m in enumerate(queued) if m.level == messages.SUCCESS]
    for index, kept in enumerate(queued):
        if not successes or index != successes[-1]:
            messages.add_message(request, kept.level, kept.message, extra_tags=kept.extra_tags)
    admin_messages.success(
        request, message, buttons=[admin_messages.button(edit_url(obj), _("Edit"))]
    )


def current_state(obj):
    """`obj`'s workflow state in progress or awaiting changes, read afresh (the view's object
    may hold the one it had before the action)."""
    return WorkflowState.objects.for_instance(obj).active().first()


def editor_outcome(request, obj, before):
    """What the editor's workflow button did to `obj`, in words; None for anything else (a
    save, a publish, or an action refused and saved as a draft instead)."""
    post = request.POST
    state = current_state(obj)
    current = state.current_task_state if state else None
    if post.get("action-workflow-action") and before:
        return stages.outcome(obj, TaskState.objects.get(pk=before))
    if (post.get("action-submit") or post.get("action-restart-workflow")) and (
        state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    ):
        return stages.submitted(obj, current.task) if current.pk != before else None
    return None


def remember_task_state(request, obj):
    state = current_state(obj) if obj.pk else None
    in_progress = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    setattr(request, BEFORE, state.current_task_state_id if in_progress else None)


def say_what_happened(request, obj):
    if request.method != "POST":
        return
    message = editor_outcome(request, obj, getattr(request, BEFORE, None))
    if message:
        replace_success_message(request, obj, message)


@hooks.register("before_edit_page")
def before_edit_page(request, page):
    remember_task_state(request, page)


@hooks.register("before_edit_snippet")
def before_edit_snippet(request, instance):
    remember_task_state(request, instance)


@hooks.register("after_edit_page")
@hooks.register("after_create_page")
def after_edit_page(request, page):
    say_what_happened(request, page)


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
def after_edit_snippet(request, instance):
    say_what_happened(request, instance)


class GuidedWorkflowActionMixin:
    """For a workflow action view (the dashboard's "Awaiting your review" actions), which
    Wagtail leaves without a message: say what the action did."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        message = stages.outcome(self.object, TaskState.objects.get(pk=self.task_state.pk))
        if message:
            admin_messages.success(request, message)
        return response


class GuidedPageWorkflowActionView(GuidedWorkflowActionMixin, WorkflowActionView):
    pass


class GuidedSnippetWorkflowActionView(GuidedWorkflowActionMixin, SnippetWorkflowActionView):
    pass


class GuidedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose dashboard workflow actions say what they did."""

    workflow_action_view_class = GuidedSnippetWorkflowActionView


class GuidedPageEditView(EditView):
    def add_cancel_workflow_confirmation_message(self):
        # Also when the page is locked to the canceller, where no after_edit_page hook runs.
        admin_messages.success(
            self.request,
            stages.cancelled(self.page),
            buttons=[self.get_view_draft_message_button(), self.get_edit_message_button()],
        )


class GuidedPageViewSet(PageViewSet):
    """Every page type's views: Wagtail's own, but for the cancel message in the editor and
    the dashboard's workflow actions."""

    edit_view_class = GuidedPageEditView
    workflow_action_view_class = GuidedPageWorkflowActionView


@hooks.register("register_admin_viewset")
def register_guided_page_viewset():
    return GuidedPageViewSet()  # after Wagtail's base page viewset (order -1): replaces it
