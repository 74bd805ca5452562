from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "cms.webhooks"
    label = "webhooks"
    verbose_name = _("Publish events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.webhooks.signal_handlers import register_signal_handlers

        register_signal_handlers()
