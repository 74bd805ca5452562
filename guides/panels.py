"""The content-checks panel of a guide's edit view: the open warnings in each language (never
collapsed), the notes of the last import, and the field for the note that submit, approval and
publish need while there are warnings (cms.workflow.acknowledgement_forms)."""

from wagtail.admin.panels import Panel

from cms.i18n.every_language import in_current_language
from cms.workflow.acknowledgement_forms import NOTE_FIELD, NOTE_HELP, NOTE_LABEL
from guides.warnings import last_import, warnings_by_language


class ContentWarningsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "guides/panels/content_warnings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = bool(self.instance.pk)
            context["warnings_by_language"] = warnings_by_language(self.instance) if saved else []
            context["warning_count"] = sum(len(w) for _name, w in context["warnings_by_language"])
            entry = last_import(self.instance) if saved else None
            context["last_import"] = entry
            if entry is not None:
                context["import_notes"] = [
                    in_current_language(note) for note in entry.data.get("notes", [])
                ]
            context["note"] = {
                "name": NOTE_FIELD,
                "label": NOTE_LABEL,
                "help": NOTE_HELP,
                "value": self.form.data.get(NOTE_FIELD, "") if self.form.is_bound else "",
            }
            return context
