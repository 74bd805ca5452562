"""Template tags for the admin templates that say who does what (cms.workflow.guidance)."""

from django import template
from django.apps import apps
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from cms.workflow import guidance, stages

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    """Wagtail's bulk action buttons, less those the user could complete on nothing."""
    user = context["request"].user
    model = apps.get_model(app_label, model_name)
    refused = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])
        for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
        if not guidance.may_use_bulk_action(user, model, action.action_type)
    }
    buttons = bulk_action_choices(context, app_label, model_name)["buttons"]
    for button in buttons:  # Wagtail's "More" dropdown
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if b.url not in refused]
    return {
        "buttons": [
            b
            for b in buttons
            if getattr(b, "url", None) not in refused and getattr(b, "dropdown_buttons", True)
        ]
    }


@register.simple_tag(takes_context=True)
def schedule_toggle_shown(context):
    """Whether the status panel offers to set a publishing schedule: as Wagtail decides, and
    only to who may publish."""
    return bool(context.get("show_schedule_publishing_toggle")) and guidance.may_schedule(
        context["request"].user, context["object"]
    )


@register.inclusion_tag("cms/workflow/next_step.html", takes_context=True)
def workflow_next_step(context):
    panel = context.get("panel")
    return {"guidance": stages.guidance(context["object"], getattr(panel, "parent_page", None))}
