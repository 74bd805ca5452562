"""Admin panel that shows a guide's content warnings on its edit view, without blocking saves."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ContentWarningsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "guides/panels/content_warnings.html"

        def get_context_data(self, parent_context=None):
            from guides.selectors import content_warnings_by_language, last_import

            context = super().get_context_data(parent_context)
            saved = bool(self.instance.pk)
            context["warnings_by_language"] = (
                content_warnings_by_language(self.instance) if saved else []
            )
            context["last_import"] = last_import(self.instance) if saved else None
            context["clean_message"] = _("No content warnings in either language.")
            return context
