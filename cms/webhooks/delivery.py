"""Sending deliveries: one endpoint and page at a time, oldest first, retried with backoff."""

from datetime import timedelta

import orjson
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from cms.webhooks import sender, signing
from cms.webhooks.models import WebhookAttempt, WebhookDelivery
from cms.webhooks.network import check_url


def backoff(attempt_count):
    """Seconds to wait after the n-th failed attempt: base, 2 × base, 4 × base, …"""
    return settings.WEBHOOK_RETRY_SECONDS * 2 ** (attempt_count - 1)


def _claim(delivery, now):
    """Take the delivery for one timeout's length; False if another worker holds it."""
    hold = timedelta(seconds=settings.WEBHOOK_TIMEOUT + 30)
    return bool(
        WebhookDelivery.objects.filter(pk=delivery.pk, status__in=WebhookDelivery.OPEN)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + hold)
    )


def deliver_in_order(endpoint_id, page_id):
    """Send this endpoint's open deliveries for this page, in event order. Returns when to try
    again (a delivery waits for its retry), or None when nothing is left to send.

    A delivery that fails holds back the later ones, so a receiver never sees an unpublish
    before the publish that preceded it.
    """
    while True:
        delivery = (
            WebhookDelivery.objects.select_related("endpoint", "event")
            .filter(endpoint_id=endpoint_id, event__page_id=page_id)
            .filter(status__in=WebhookDelivery.OPEN)
            .order_by("pk")
            .first()
        )
        if delivery is None:
            return None
        now = timezone.now()
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return delivery.next_attempt_at
        if not _claim(delivery, now):
            return None  # another worker is sending it and will carry on with the rest
        if not attempt(delivery) and delivery.status == WebhookDelivery.Status.RETRYING:
            return delivery.next_attempt_at


def attempt(delivery):
    """POST the delivery once, log the attempt, and update its status. True on success."""
    endpoint = delivery.endpoint
    body = orjson.dumps(delivery.event.payload)
    timestamp = str(int(timezone.now().timestamp()))
    started_at = timezone.now()
    try:
        # The name may resolve elsewhere now than when it was saved; the request goes to an
        # address approved here.
        addresses = check_url(endpoint.url)
    except ValidationError as refused:
        outcome = sender.Outcome(None, refused.messages[0], 0)
    else:
        outcome = sender.post(
            endpoint.url,
            addresses[0],
            body,
            {
                "Content-Type": "application/json",
                "User-Agent": "cms-webhooks/1",
                signing.SIGNATURE_HEADER: signing.signature(endpoint.secret, timestamp, body),
                signing.TIMESTAMP_HEADER: timestamp,
                signing.EVENT_HEADER: delivery.event.name,
                signing.DELIVERY_HEADER: str(delivery.event.uuid),
            },
            settings.WEBHOOK_TIMEOUT,
        )
    delivery.attempt_count += 1
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=delivery.attempt_count,
        started_at=started_at,
        duration_ms=outcome.duration_ms,
        response_code=outcome.response_code,
        succeeded=outcome.succeeded,
        error=outcome.error or "",
    )
    if outcome.succeeded:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
        delivery.next_attempt_at = None
    elif delivery.attempt_count >= settings.WEBHOOK_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + timedelta(
            seconds=backoff(delivery.attempt_count)
        )
    delivery.claimed_until = None
    delivery.save(update_fields=["attempt_count", "status", "next_attempt_at", "claimed_until"])
    return outcome.succeeded
