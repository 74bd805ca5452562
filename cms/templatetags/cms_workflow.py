"""Template helpers of the review workflow's dialogs."""

from django import template

from cms.workflow.approval_dialog import task_state_warnings

register = template.Library()


@register.simple_tag
def open_warnings_of(task_state):
    """The open content warnings the approval of `task_state` would put live."""
    return task_state_warnings(task_state.specific)
