"""Two schedulers running at once publish a due revision exactly once (PostgreSQL).

Transactional, so it has a module of its own: test_scheduler's tests share one demo world.
"""

import threading

import pytest
from django.core.management import call_command
from django.db import connection

from cms.workflow.scheduler import run_due
from guides.models import GuidePage
from tests.workflow.test_scheduler import schedule, scheduled_publishes


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_schedulers_publish_once():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL; CI runs this in its PostgreSQL pass")
    call_command("load_demo")
    page = GuidePage.objects.order_by("number").first()
    schedule(page, -1, title_en="Exactly once")
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            run_due()
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert scheduled_publishes(page) == 1
    assert GuidePage.objects.get(pk=page.pk).title_en == "Exactly once"
