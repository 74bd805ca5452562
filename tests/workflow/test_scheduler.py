"""Scheduled publishing: due pages go live once, expired ones go down, failures stay local."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.workflow.scheduler import run_due
from guides.models import GuidePage


def schedule(page, minutes, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.go_live_at = timezone.now() + timedelta(minutes=minutes)
    revision = draft.save_revision()
    revision.approved_go_live_at = draft.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    return revision


def scheduled_publishes(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


@pytest.mark.django_db
def test_due_revision_is_published_and_future_one_waits(demo_site):
    first, second, _ = GuidePage.objects.order_by("number")
    schedule(first, -1, title_en="Now live")
    schedule(second, 60, title_en="Later")
    result = run_due()
    assert GuidePage.objects.get(pk=first.pk).title_en == "Now live"
    assert GuidePage.objects.get(pk=second.pk).title_en != "Later"
    assert result.published == [str(first.pk)]
    assert run_due().published == [], "nothing is published twice"


@pytest.mark.django_db
def test_expired_page_is_unpublished(demo_site):
    page = GuidePage.objects.order_by("number").first()
    GuidePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert run_due().expired == [page.pk]
    page.refresh_from_db()
    assert not page.live and page.expired


@pytest.mark.django_db
def test_one_failing_page_does_not_block_the_others(demo_site, caplog):
    broken, good, _ = GuidePage.objects.order_by("number")
    bad_revision = schedule(broken, -2)
    bad_revision.object_id = str(10**9)  # its page is gone: publishing it fails
    bad_revision.save()
    schedule(good, -1, title_en="Still published")
    result = run_due()
    assert GuidePage.objects.get(pk=good.pk).title_en == "Still published"
    assert result.failed == [bad_revision.pk]
    assert "Scheduled publishing of revision" in caplog.text


@pytest.mark.django_db
def test_worker_command_runs_one_round(demo_site):
    page = GuidePage.objects.order_by("number").first()
    schedule(page, -1, title_en="Via the worker")
    call_command("run_worker", "--once")
    assert GuidePage.objects.get(pk=page.pk).title_en == "Via the worker"
