"""Recording publish events inside the transaction that changed the content.

The event and its deliveries are rows written with the change itself, so a rolled-back publish
leaves nothing; the background tasks that send them and purge the CDN are queued on commit.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.caching.purge import stale_urls
from cms.webhooks.events import ALL_LOCALES
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from cms.webhooks.payloads import page_payload
from cms.webhooks.tasks import deliver_page_events, purge_api_urls


def record(
    name,
    page,
    locales,
    *,
    revision_id=None,
    previous_paths=None,
    cause=None,
    acknowledgements=None,
):
    """Record event `name` for `page` in `locales`; returns the WebhookEvent, or None.
    `cause` names the shared content (a snippet) whose change changed the page;
    `acknowledgements` the notes on the revision's content warnings."""
    locales = [locale for locale in ALL_LOCALES if locale in locales]
    if not locales:
        return None
    if settings.WAGTAILFRONTENDCACHE:
        _purge_on_commit(stale_urls(page, locales, previous_paths))
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if name in endpoint.events and set(locales) & set(endpoint.locales)
    ]
    if not endpoints:
        return None
    event = WebhookEvent(name=name, page_id=page.pk)
    event.payload = {
        "id": str(event.uuid),
        "event": name,
        "page": page_payload(page),
        "locales": locales,
        "revision_id": revision_id,
        "timestamp": timezone.now().isoformat(),
    }
    if previous_paths:
        event.payload["previous_path"] = previous_paths
    if cause:
        event.payload["cause"] = cause
    if acknowledgements:
        event.payload["acknowledged_warnings"] = acknowledgements
    event.save()
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=endpoint, event=event) for endpoint in endpoints]
    )
    transaction.on_commit(
        lambda: _enqueue_deliveries([endpoint.pk for endpoint in endpoints], page.pk),
        robust=True,  # a queue that is down never breaks the publish that already committed
    )
    return event


def anyone_listening():
    """Whether a recorded event would reach an endpoint or a CDN."""
    return (
        bool(settings.WAGTAILFRONTENDCACHE)
        or WebhookEndpoint.objects.filter(is_active=True).exists()
    )


def _enqueue_deliveries(endpoint_ids, page_id):
    for endpoint_id in endpoint_ids:
        deliver_page_events.enqueue(endpoint_id, page_id)


def _purge_on_commit(urls):
    if urls:
        transaction.on_commit(lambda: purge_api_urls.enqueue(urls), robust=True)
