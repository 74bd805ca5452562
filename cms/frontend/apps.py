from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontendConfig(AppConfig):
    name = "cms.frontend"
    label = "frontend"
    verbose_name = _("Reference front end")
    default_auto_field = "django.db.models.BigAutoField"
