"""Issue #22, finding 6: webhook targets are checked against an explicit deny list of
special-purpose ranges (not Python's `is_global`), and a refusal never reveals the address a name
resolves to."""

import socket

import pytest
from django.core.exceptions import ValidationError

from cms.webhooks import delivery as webhook_delivery
from cms.webhooks import events
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from cms.webhooks.network import check_url

DENIED = [
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1 (Python 3.11's is_global says yes)
    "64:ff9b:1::a00:1",  # local-use NAT64
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::ffff:169.254.169.254",  # IPv4-mapped cloud metadata
    "fec0::1",  # site-local
    "fc00::1",  # unique local
    "fe80::1",  # link-local
    "ff02::1",  # multicast
    "::1",
    "::",
    "2001:db8::1",  # documentation
    "3fff::1",  # documentation
    "2001:2::1",  # benchmarking
    "100::1",  # discard-only
    "5f00::1",  # SRv6
    "4000::1",  # outside global unicast
    "127.0.0.1",
    "0.0.0.0",  # noqa: S104
    "10.1.2.3",
    "100.64.0.1",  # carrier-grade NAT
    "169.254.169.254",
    "172.16.0.1",
    "192.0.0.170",  # NAT64 discovery
    "192.0.2.1",  # documentation
    "192.88.99.1",  # 6to4 relay
    "192.168.1.1",
    "198.18.0.1",  # benchmarking
    "198.51.100.1",  # documentation
    "203.0.113.1",  # documentation
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
]
PUBLIC = ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "2001:4860:4860::8888"]
HOST = "hooks.example.org"
REFUSAL = (
    "This address is not allowed: webhooks are not sent to loopback, private or reserved "
    "addresses unless WEBHOOK_ALLOWED_NETWORKS lists their network."
)


@pytest.fixture
def resolves_to(monkeypatch):
    """HOST resolves to the addresses given."""
    answers = []
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host != HOST:
            return real(host, port, *args, **kwargs)
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in answers
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake)

    def _set(*addresses):
        answers[:] = addresses

    return _set


@pytest.mark.parametrize("address", DENIED)
def test_special_purpose_addresses_are_refused_without_naming_them(resolves_to, settings, address):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    resolves_to(address)
    with pytest.raises(ValidationError) as refused:
        check_url(f"https://{HOST}/hook")
    assert refused.value.messages == [REFUSAL], "the same words whatever the address"


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(resolves_to, settings, address):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    resolves_to(address)
    assert check_url(f"https://{HOST}/hook") == [address]


def test_one_denied_address_among_public_ones_refuses_the_host(resolves_to, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    resolves_to("93.184.215.14", "64:ff9b::a9fe:a9fe")
    with pytest.raises(ValidationError):
        check_url(f"https://{HOST}/hook")


def test_a_listed_network_is_allowed(resolves_to, settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["fc00::/7"]
    resolves_to("fd12::5")
    assert check_url(f"https://{HOST}/hook") == ["fd12::5"]


@pytest.mark.django_db
def test_the_admin_form_says_only_that_the_address_is_not_allowed(
    admin_client, resolves_to, settings
):
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    resolves_to("64:ff9b::a00:5")
    response = admin_client.post(
        "/admin/webhooks/new/",
        {
            "name": "Internal",
            "url": f"https://{HOST}/hook",
            "secret": "a-long-enough-secret",
            "events": [events.PUBLISHED],
            "locales": ["en"],
            "is_active": "on",
        },
    )
    content = response.content.decode()
    assert response.status_code == 200 and "This address is not allowed" in content
    assert "64:ff9b" not in content and "a00:5" not in content
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
def test_delivery_checks_again_with_the_same_list(resolves_to, settings, monkeypatch):
    """Saved while the name pointed elsewhere; by delivery time it answers a NAT64 address."""
    settings.WEBHOOK_ALLOWED_NETWORKS = []
    monkeypatch.setattr(
        webhook_delivery.sender, "post", lambda *args: pytest.fail("nothing may be sent")
    )
    endpoint = WebhookEndpoint.objects.create(
        name="Site", url=f"https://{HOST}/hook", events=[events.PUBLISHED], locales=["en"]
    )
    event = WebhookEvent.objects.create(name=events.PUBLISHED, page_id=1, payload={"a": 1})
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event)
    resolves_to("64:ff9b::7f00:1")
    assert webhook_delivery.attempt(delivery) is False
    error = delivery.attempts.get().error
    assert "not allowed" in error and "64:ff9b" not in error
