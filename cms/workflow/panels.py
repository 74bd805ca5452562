"""The notice a translator sees at the top of an editor whose English is read-only to them."""

from django.urls import NoReverseMatch, reverse
from wagtail.admin.panels import Panel
from wagtail.models import Page


def translate_url(instance):
    """The Translate view of a saved page or snippet (None for a new one)."""
    if instance is None or instance.pk is None:
        return None
    try:
        if isinstance(instance, Page):
            return reverse("cms_translate", args=[instance.pk])
        meta = instance._meta
        return reverse("cms_translate_snippet", args=[meta.app_label, meta.model_name, instance.pk])
    except NoReverseMatch:
        return None


class SourceLanguageNoticePanel(Panel):
    """Shown when the form made the English and shared fields read-only for this user
    (cms.workflow.forms.SourceLanguageReadOnlyMixin): says so, and links to the Translate view."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/source_language_notice.html"

        def is_shown(self):
            return bool(getattr(self.form, "source_read_only", False))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["translate_url"] = translate_url(self.instance)
            return context
