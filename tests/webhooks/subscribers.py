"""A webhook endpoint that hears every event in every language, for tests that read events."""

from cms.webhooks.events import ALL_LOCALES, EVENT_CHOICES
from cms.webhooks.models import WebhookEndpoint


def subscribe_to_everything():
    return WebhookEndpoint.objects.create(
        name="Static site",
        url="http://127.0.0.1:9/",
        secret="s3cret-s3cret-s3cret",
        events=[event for event, _label in EVENT_CHOICES],
        locales=list(ALL_LOCALES),
    )
