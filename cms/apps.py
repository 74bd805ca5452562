from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("CMS platform")

    def ready(self):
        from cms.signal_handlers import register_signal_handlers
        from cms.workflow.approval_dialog import install_approvals
        from cms.workflow.publishing import route_wagtail_publishes

        register_signal_handlers()
        route_wagtail_publishes()
        install_approvals()
