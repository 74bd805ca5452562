from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("Guides")

    def ready(self):
        from guides.documents import register_documents
        from guides.registration import register_content
        from guides.signal_handlers import register_signal_handlers

        register_content()
        register_documents()
        register_signal_handlers()
