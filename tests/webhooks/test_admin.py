"""Managing endpoints and reading the delivery log in the admin, role by role."""

import pytest
from django.urls import reverse

from cms.webhooks import events
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/webhooks/new/"


def form_data(**overrides):
    data = {
        "name": "Static site",
        "url": "https://hooks.example.org/publish",
        "secret": "a-long-enough-secret",
        "events": [events.PUBLISHED, events.UNPUBLISHED],
        "locales": ["en", "zh-hans"],
        "is_active": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def public_dns(monkeypatch):
    """hooks.example.org resolves to a public address (no DNS in the test sandbox)."""
    import socket

    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host.endswith("example.org"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 443))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


@pytest.mark.parametrize("role", ["editor", "translator", "translation_reviewer"])
def test_only_reviewers_and_admins_manage_endpoints(request, role, login):
    client = login(request.getfixturevalue(role))
    assert client.get("/admin/webhooks/").status_code in (302, 403)
    response = client.post(ADD_URL, form_data())
    assert response.status_code in (302, 403) and not WebhookEndpoint.objects.exists()
    log = client.get(reverse("webhooks_deliveries"))
    assert log.status_code in (302, 403) and b"data-delivery-log" not in log.content


def test_anonymous_is_sent_to_the_login(client):
    response = client.get("/admin/webhooks/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_reviewer_adds_an_endpoint_and_never_sees_its_secret_again(reviewer, login, public_dns):
    client = login(reviewer)
    assert client.get("/admin/webhooks/").status_code == 200
    response = client.post(ADD_URL, form_data())
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret == "a-long-enough-secret" and endpoint.locales == ["en", "zh-hans"]
    edit = client.get(f"/admin/webhooks/edit/{endpoint.pk}/")
    assert edit.status_code == 200 and b"a-long-enough-secret" not in edit.content
    # Saving with the secret left blank keeps it.
    client.post(f"/admin/webhooks/edit/{endpoint.pk}/", form_data(secret="", name="Renamed"))
    endpoint.refresh_from_db()
    assert endpoint.name == "Renamed" and endpoint.secret == "a-long-enough-secret"


def test_a_generated_secret_is_shown_once(admin_client, public_dns):
    response = admin_client.post(ADD_URL, form_data(secret=""), follow=True)
    secret = WebhookEndpoint.objects.get().secret
    assert len(secret) >= 32 and secret in response.content.decode()
    assert secret not in admin_client.get("/admin/webhooks/").content.decode()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://hooks.example.org/", "Enter an http:// or https:// URL"),
        ("not a url", "Enter a valid URL"),
        ("http://127.0.0.1:9000/hook", "loopback, private or reserved"),
        ("http://10.1.2.3/hook", "loopback, private or reserved"),
        ("http://169.254.169.254/latest/meta-data/", "loopback, private or reserved"),
        ("http://[::1]/hook", "loopback, private or reserved"),
        ("http://no-such-host.invalid/hook", "cannot be resolved"),
    ],
)
def test_unsafe_or_invalid_urls_are_refused_with_a_reason(admin_client, url, problem):
    response = admin_client.post(ADD_URL, form_data(url=url))
    assert response.status_code == 200 and problem in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_private_networks_are_allowed_when_the_settings_say_so(admin_client, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    assert admin_client.post(ADD_URL, form_data(url="http://127.0.0.1:9000/")).status_code == 302


def test_a_short_secret_and_no_events_are_refused(admin_client, public_dns):
    response = admin_client.post(ADD_URL, form_data(secret="short", events=[]))
    content = response.content.decode()
    assert "at least 16 characters" in content and "This field is required" in content


def test_the_delivery_log_shows_attempts_and_resends(reviewer, login, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    endpoint = WebhookEndpoint.objects.create(
        name="Site", url="http://127.0.0.1:9/", events=[events.PUBLISHED], locales=["en"]
    )
    event = WebhookEvent.objects.create(name=events.PUBLISHED, page_id=1, payload={"a": 1})
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event)
    delivery.attempts.create(
        number=1, started_at=event.created_at, duration_ms=12, response_code=500, succeeded=False
    )
    client = login(reviewer)
    log = client.get(reverse("webhooks_deliveries"), {"status": "pending"})
    assert f'data-delivery-id="{delivery.pk}"'.encode() in log.content
    detail = client.get(reverse("webhooks_delivery", args=[delivery.pk])).content.decode()
    assert "500" in detail and "12" in detail
    assert client.get(reverse("webhooks_resend", args=[delivery.pk])).status_code == 405
    response = client.post(reverse("webhooks_resend", args=[delivery.pk]))
    assert response.status_code == 302
    assert WebhookDelivery.objects.filter(event=event).count() == 2


def test_the_delivery_log_refuses_unknown_filters_quietly(admin_client):
    response = admin_client.get(reverse("webhooks_deliveries"), {"endpoint": "x'--", "status": "?"})
    assert response.status_code == 200
    assert admin_client.get(reverse("webhooks_delivery", args=[999])).status_code == 404
