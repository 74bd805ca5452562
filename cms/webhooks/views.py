"""Admin: webhook endpoints (a model viewset) and the delivery log with "resend"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.webhooks.forms import WebhookEndpointForm
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.webhooks.tasks import resend

PER_PAGE = 50
MANAGE_PERMISSION = "webhooks.change_webhookendpoint"


class CreateEndpointView(generic.CreateView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.generated_secret:
            messages.warning(
                self.request,
                _("Copy this secret now; it will not be shown again: %(secret)s")
                % {"secret": form.generated_secret},
            )
        return response


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    add_view_class = CreateEndpointView
    icon = "link-external"
    menu_label = gettext_lazy("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "event_labels", "locale_labels", "is_active"]
    name = "webhooks"

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


def _require_manager(request):
    if not request.user.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied


def delivery_log(request):
    _require_manager(request)
    deliveries = WebhookDelivery.objects.select_related("endpoint", "event")
    chosen = {key: request.GET.get(key, "") for key in ("endpoint", "status")}
    if chosen["endpoint"].isdigit():
        deliveries = deliveries.filter(endpoint_id=int(chosen["endpoint"]))
    if chosen["status"] in WebhookDelivery.Status.values:
        deliveries = deliveries.filter(status=chosen["status"])
    return TemplateResponse(
        request,
        "webhooks/delivery_log.html",
        {
            "page_obj": Paginator(deliveries, PER_PAGE).get_page(request.GET.get("p")),
            "chosen": chosen,
            "endpoints": WebhookEndpoint.objects.all(),
            "statuses": WebhookDelivery.Status.choices,
        },
    )


def delivery_detail(request, delivery_id):
    _require_manager(request)
    delivery = get_object_or_404(
        WebhookDelivery.objects.select_related("endpoint", "event"), pk=delivery_id
    )
    return TemplateResponse(
        request,
        "webhooks/delivery_detail.html",
        {"delivery": delivery, "attempts": delivery.attempts.all()},
    )


@require_POST
def resend_delivery(request, delivery_id):
    _require_manager(request)
    delivery = get_object_or_404(WebhookDelivery, pk=delivery_id)
    copy = resend(delivery)
    messages.success(
        request, _("The event was queued again for %(endpoint)s.") % {"endpoint": delivery.endpoint}
    )
    return redirect("webhooks_delivery", copy.pk)
