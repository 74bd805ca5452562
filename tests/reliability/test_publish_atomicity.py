"""A publish that fails part-way leaves the page fully published or not at all.

Rolled-back publishes recording no webhooks and purging nothing are covered in tests/webhooks
(test_a_rolled_back_publish_records_and_sends_nothing, test_a_rolled_back_publish_purges_nothing);
here the failure comes from inside the publish itself: a signal receiver, or the database
connection dropping.
"""

from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from cms.caching.version import current_version
from cms.webhooks.events import ALL_LOCALES, PUBLISHED
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from guides.models import GuideIndexPage, GuidePage
from tests.webhooks.recording import RecordingBackend

pytestmark = pytest.mark.django_db(transaction=True)


class ReceiverFailed(Exception):
    pass


@pytest.fixture
def endpoint(committed_demo_site):
    """A subscriber, so that a publish records an event and a delivery."""
    return WebhookEndpoint.objects.create(
        name="Static site",
        url="http://127.0.0.1:9/",
        secret="s3cret-s3cret-s3cret",
        events=[PUBLISHED],
        locales=list(ALL_LOCALES),
    )


@pytest.fixture
def purged():
    RecordingBackend.purged.clear()
    yield RecordingBackend.purged
    RecordingBackend.purged.clear()


@contextmanager
def receiver_that(action):
    """Connect `action` to page_published after the project's own receivers."""

    def receiver(sender, **kwargs):
        action()

    page_published.connect(receiver, weak=False, dispatch_uid="reliability-failing-receiver")
    try:
        yield
    finally:
        page_published.disconnect(dispatch_uid="reliability-failing-receiver")


def raise_receiver_failed():
    raise ReceiverFailed("a receiver of page_published failed")


def raise_operational_error():
    raise OperationalError("server closed the connection unexpectedly")


def terminate_own_backend():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")


def state(page):
    row = GuidePage.objects.get(pk=page.pk)
    return {
        "live": row.live,
        "live_revision": row.live_revision_id,
        "title": row.title_en,
        "last_published_at": row.last_published_at,
        "publish_log": PageLogEntry.objects.filter(page=page, action="wagtail.publish").count(),
        "events": WebhookEvent.objects.count(),
        "deliveries": WebhookDelivery.objects.count(),
        "queued_tasks": DBTaskResult.objects.count(),
        "content_version": current_version(),
    }


def new_draft(page, title):
    draft = page.get_latest_revision_as_object()
    draft.title_en = title
    return draft.save_revision()


def unpublished_guide():
    index = GuideIndexPage.objects.get()
    series = GuidePage.objects.get(number=101).series
    guide = GuidePage(
        title="Never published", slug="never-published", summary="Short.", series=series
    )
    guide.number = 998
    guide.live = False
    index.add_child(instance=guide)
    return guide


def assert_all_or_nothing(page, failure, expected_error, purged):
    revision = new_draft(page, "Half-published?")
    call_command("run_worker", "--once")  # what loading the demo content queued
    purged.clear()
    before = state(page)
    with receiver_that(failure), pytest.raises(expected_error):
        with transaction.atomic():
            revision.publish()
    connection.close()  # what follows reads through a fresh connection
    assert state(page) == before
    call_command("run_worker", "--once")
    assert purged == []

    # The same publish without the failure does everything the checks above look for.
    with transaction.atomic():
        revision.publish()
    after = state(page)
    assert (after["live"], after["live_revision"]) == (True, revision.pk)
    assert after["title"] == "Half-published?"
    assert after["content_version"] > before["content_version"]
    assert after["events"] == before["events"] + 1 and after["deliveries"] > before["deliveries"]
    assert after["queued_tasks"] > before["queued_tasks"]
    call_command("run_worker", "--once")
    assert purged


@pytest.mark.parametrize("which", ["live guide", "never published guide"])
def test_a_failing_publish_receiver_publishes_nothing(committed_demo_site, endpoint, purged, which):
    page = GuidePage.objects.get(number=101) if which == "live guide" else unpublished_guide()
    assert_all_or_nothing(page, raise_receiver_failed, ReceiverFailed, purged)


def test_a_database_error_mid_publish_publishes_nothing(committed_demo_site, endpoint, purged):
    page = GuidePage.objects.get(number=102)
    assert_all_or_nothing(page, raise_operational_error, OperationalError, purged)


def test_the_connection_dropping_mid_publish_publishes_nothing(
    committed_demo_site, endpoint, purged
):
    if connection.vendor != "postgresql":
        pytest.skip("terminating the server connection needs PostgreSQL; CI runs this there")
    page = GuidePage.objects.get(number=103)
    assert_all_or_nothing(page, terminate_own_backend, OperationalError, purged)


def test_a_publish_outside_any_transaction_is_atomic_too(committed_demo_site, endpoint, purged):
    """The admin's Publish button and workflow approvals publish outside a transaction: before
    cms.workflow.publishing, a failing receiver left the new content live, the content version
    bumped and the CDN purged, with no publish log entry (and so no translation approval)."""
    page = GuidePage.objects.get(number=101)
    revision = new_draft(page, "Half-published?")
    call_command("run_worker", "--once")
    purged.clear()
    before = state(page)
    with receiver_that(raise_receiver_failed), pytest.raises(ReceiverFailed):
        revision.publish()
    assert state(page) == before
    call_command("run_worker", "--once")
    assert purged == []
