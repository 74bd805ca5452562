"""Webhook delivery against a real HTTP receiver on 127.0.0.1."""

import json
import time

import pytest
from django.db import transaction

from cms.webhooks import events
from cms.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEvent
from cms.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify
from guides.models import GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(demo_site):
    return GuidePage.objects.get(number=101)


def test_a_publish_arrives_signed_with_the_documented_payload(
    guide, endpoint, receiver, publish, run_worker
):
    guide.title_en = "A renamed guide"
    publish(guide)
    assert receiver.requests == []  # nothing is sent until the worker runs
    run_worker()
    assert receiver.events() == [events.PUBLISHED]
    request = receiver.requests[0]
    headers = request["headers"]
    signed = (headers[TIMESTAMP_HEADER], request["body"], headers[SIGNATURE_HEADER])
    assert verify(endpoint.secret, *signed)
    assert not verify("another-secret", *signed)
    assert not verify(
        endpoint.secret,
        headers[TIMESTAMP_HEADER],
        request["body"],
        headers[SIGNATURE_HEADER],
        now=int(headers[TIMESTAMP_HEADER]) + 3600,
    ), "an old timestamp is a replay"
    payload = json.loads(request["body"])
    guide.refresh_from_db()
    assert payload["page"]["id"] == guide.pk and payload["page"]["type"] == "guides.GuidePage"
    assert payload["page"]["slug"]["en"] == guide.slug_en
    assert payload["page"]["path"]["en"] == f"/guides/{guide.slug_en}/"
    assert set(payload["page"]["path"]) == {"en", "zh-hans"}
    assert payload["locales"] == ["en"]  # the approved Chinese title still stands
    assert payload["revision_id"] == guide.live_revision_id
    assert payload["timestamp"] and payload["id"]
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.SUCCEEDED


def test_a_500_is_retried_with_backoff_until_it_succeeds(
    guide, endpoint, receiver, publish, run_worker
):
    receiver.codes = [500, 503]
    publish(guide)
    run_worker()
    assert len(receiver.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED and delivery.attempt_count == 3
    log = list(delivery.attempts.values_list("number", "response_code", "succeeded"))
    assert log == [(1, 500, False), (2, 503, False), (3, 200, True)]
    # Every attempt carries the same event id, so a receiver can drop duplicates.
    assert len({r["headers"]["X-CMS-Delivery"] for r in receiver.requests}) == 1


def test_backoff_doubles_from_the_configured_base(settings):
    from cms.webhooks.delivery import backoff

    settings.WEBHOOK_RETRY_SECONDS = 30
    assert [backoff(n) for n in range(1, 5)] == [30, 60, 120, 240]


def test_five_failures_give_up_and_later_events_still_go(
    guide, endpoint, receiver, publish, run_worker, django_capture_on_commit_callbacks
):
    receiver.codes = [500] * 5
    publish(guide)
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    run_worker()
    first, second = WebhookDelivery.objects.order_by("pk")
    assert first.status == WebhookDelivery.Status.FAILED and first.attempt_count == 5
    assert second.status == WebhookDelivery.Status.SUCCEEDED
    assert receiver.events() == [events.PUBLISHED] * 5 + [events.UNPUBLISHED]


def test_events_for_one_page_arrive_in_order_even_when_one_is_retried(
    guide, endpoint, receiver, publish, run_worker, django_capture_on_commit_callbacks
):
    receiver.codes = [500, 500]  # the first event fails twice before it gets through
    publish(guide)
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    publish(guide)
    run_worker()
    delivered = [
        json.loads(r["body"])["event"]
        for r, attempt in zip(receiver.requests, WebhookAttempt.objects.order_by("pk"), strict=True)
        if attempt.succeeded
    ]
    assert delivered == [events.PUBLISHED, events.UNPUBLISHED, events.PUBLISHED]


def test_a_rolled_back_publish_records_and_sends_nothing(guide, endpoint, receiver, run_worker):
    with pytest.raises(RuntimeError), transaction.atomic():
        guide.save_revision().publish()
        raise RuntimeError("the editor's request failed after publishing")
    run_worker()
    assert WebhookEvent.objects.count() == 0 and receiver.requests == []


def test_a_receiver_that_hangs_holds_the_worker_no_longer_than_the_timeout(
    guide, endpoint, receiver, publish, run_worker, settings
):
    settings.WEBHOOK_TIMEOUT = 1
    settings.WEBHOOK_ATTEMPTS = 1
    receiver.delay = 5
    publish(guide)
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 3
    attempt = WebhookAttempt.objects.get()
    assert attempt.response_code is None and "1 s" in attempt.error


def test_a_dead_endpoint_never_breaks_publishing(guide, allow_loopback, publish, run_worker):
    from cms.webhooks.models import WebhookEndpoint

    WebhookEndpoint.objects.create(
        name="Gone", url="http://127.0.0.1:9/", events=[events.PUBLISHED], locales=["en"]
    )
    guide.title_en = "Still published"
    publish(guide)
    run_worker()
    guide.refresh_from_db()
    assert guide.live and guide.title_en == "Still published"
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts.count() == 5 and all(a.error for a in delivery.attempts.all())


def test_a_url_that_now_resolves_to_loopback_is_refused_at_delivery(
    guide, endpoint, receiver, publish, run_worker, settings
):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    settings.WEBHOOK_ATTEMPTS = 1
    publish(guide)
    run_worker()
    assert receiver.requests == []
    assert "loopback" in WebhookAttempt.objects.get().error


def test_the_request_goes_to_the_address_that_was_checked_not_a_second_lookup(
    guide, endpoint, receiver, publish, run_worker, monkeypatch
):
    """DNS rebinding: the name answers an allowed address to the check, then a private one.
    The worker resolves once and connects to the address it approved."""
    import socket

    port = int(receiver.url.rsplit(":", 1)[1].split("/")[0])
    endpoint.url = f"http://user:p%40ss@hooks.rebind.test:{port}/hook?x=1"
    endpoint.save()
    answers = iter(["127.0.0.1", "10.255.255.1"])
    lookups = []
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host != "hooks.rebind.test":
            return real(host, *args, **kwargs)  # the approved address, a numeric "lookup"
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    publish(guide)
    run_worker()
    assert WebhookAttempt.objects.get().succeeded
    assert lookups == ["hooks.rebind.test"]
    headers = {name.lower(): value for name, value in receiver.requests[0]["headers"].items()}
    assert headers["host"] == f"hooks.rebind.test:{port}"
    assert headers["authorization"] == "Basic dXNlcjpwQHNz"  # user:p@ss


def test_endpoints_get_only_the_events_and_languages_they_chose(
    guide, endpoint, receiver, publish, run_worker, django_capture_on_commit_callbacks
):
    endpoint.events = [events.UNPUBLISHED]
    endpoint.save()
    publish(guide)
    assert WebhookEvent.objects.count() == 0
    endpoint.events, endpoint.locales = [events.PUBLISHED], ["zh-hans"]
    endpoint.save()
    guide.title_en = "Only the English title changes"
    publish(guide)
    assert WebhookEvent.objects.count() == 0  # zh-hans readers see the approved Chinese title
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    run_worker()
    assert receiver.requests == []


def test_resend_queues_the_same_event_again(guide, endpoint, receiver, publish, run_worker):
    from cms.webhooks.tasks import resend

    publish(guide)
    run_worker()
    resend(WebhookDelivery.objects.get())
    run_worker()
    assert receiver.events() == [events.PUBLISHED, events.PUBLISHED]
    assert len({json.loads(r["body"])["id"] for r in receiver.requests}) == 1
