"""Background tasks on the `webhooks` backend (django-tasks-db), run by `make worker`."""

from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends

from cms.webhooks.delivery import deliver_in_order
from cms.webhooks.models import WebhookDelivery
from cms.webhooks.purge import purge_now


@task(backend="webhooks")
def deliver_page_events(endpoint_id, page_id):
    retry_at = deliver_in_order(endpoint_id, page_id)
    if retry_at is not None:
        deliver_page_events.using(run_after=retry_at).enqueue(endpoint_id, page_id)


@task(backend="webhooks")
def purge_api_urls(urls):
    purge_now(urls, get_backends())


def resend(delivery):
    """A fresh delivery of the same event to the same endpoint, queued now."""
    copy = WebhookDelivery.objects.create(endpoint=delivery.endpoint, event=delivery.event)
    deliver_page_events.enqueue(copy.endpoint_id, copy.event.page_id)
    return copy
