from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.webhooks import views


@hooks.register("register_admin_viewset")
def register_endpoint_viewset():
    return views.WebhookEndpointViewSet()


@hooks.register("register_admin_urls")
def register_delivery_log_urls():
    return [
        path("webhook-deliveries/", views.delivery_log, name="webhooks_deliveries"),
        path(
            "webhook-deliveries/<int:delivery_id>/", views.delivery_detail, name="webhooks_delivery"
        ),
        path(
            "webhook-deliveries/<int:delivery_id>/resend/",
            views.resend_delivery,
            name="webhooks_resend",
        ),
    ]


class ManagersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.MANAGE_PERMISSION)


@hooks.register("register_reports_menu_item")
def delivery_log_menu_item():
    return ManagersOnlyMenuItem(
        _("Webhook deliveries"), reverse("webhooks_deliveries"), icon_name="link-external", order=60
    )
