import pytest
from django.core.management import call_command

from cms.webhooks.events import ALL_LOCALES, EVENT_CHOICES
from cms.webhooks.models import WebhookEndpoint
from tests.webhooks.receiver import Receiver
from tests.webhooks.recording import RecordingBackend

LOOPBACK = ["127.0.0.0/8"]


@pytest.fixture
def allow_loopback(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = LOOPBACK


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def endpoint(receiver, allow_loopback):
    return WebhookEndpoint.objects.create(
        name="Static site",
        url=receiver.url,
        secret="s3cret-s3cret-s3cret",
        events=[event for event, _label in EVENT_CHOICES],
        locales=list(ALL_LOCALES),
    )


@pytest.fixture
def run_worker():
    """Run everything queued on the webhooks task backend, as `make worker` does."""

    def _run():
        call_command("run_worker", "--once")

    return _run


@pytest.fixture
def purged():
    RecordingBackend.purged.clear()
    yield RecordingBackend.purged
    RecordingBackend.purged.clear()
