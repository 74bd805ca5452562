"""The notice a translator sees at the top of an editor whose English is read-only to them."""

from wagtail.admin.panels import Panel

from cms.translate.links import translate_url


def saved_translate_url(instance):
    """The Translate view of a saved page or snippet (None for a new one)."""
    if instance is None or instance.pk is None:
        return None
    return translate_url(instance)


class SourceLanguageNoticePanel(Panel):
    """Shown when the form made the English and shared fields read-only for this user
    (cms.workflow.forms.SourceLanguageReadOnlyMixin): says so, and links to the Translate view."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/source_language_notice.html"

        def is_shown(self):
            return bool(getattr(self.form, "source_read_only", False))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["translate_url"] = saved_translate_url(self.instance)
            return context
