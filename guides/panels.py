"""Admin panel that shows a guide's content warnings on its edit view, without blocking saves."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from cms.i18n.every_language import in_current_language
from guides.warnings import content_warnings_by_language, last_import


class ContentWarningsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "guides/panels/content_warnings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = bool(self.instance.pk)
            context["warnings_by_language"] = (
                content_warnings_by_language(self.instance) if saved else []
            )
            entry = last_import(self.instance) if saved else None
            context["last_import"] = entry
            if entry is not None:
                context["import_warnings"] = [
                    (warning["code"], in_current_language(warning["message"]))
                    for warning in entry.data.get("warnings", [])
                ]
                context["import_notes"] = [
                    in_current_language(note) for note in entry.data.get("notes", [])
                ]
            context["clean_message"] = _("No content warnings in either language.")
            return context
