"""Running the due tasks of the `webhooks` backend (django-tasks-db) inside `run_worker`.

django-tasks-db's own loop closes the database connection between tasks; this one leaves the
connection to its caller, so one round can also run inside a transaction (as tests do).
"""

from django.db import OperationalError
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

BACKEND = "webhooks"


def run_queued_tasks(limit=10_000):
    """Run the tasks that are due now, one at a time. Returns how many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        tasks = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
        try:
            with exclusive_transaction(tasks.db):
                result = tasks.get_locked()
                if result is not None:
                    result.claim(worker.worker_id)
        except OperationalError:  # SQLite: another worker holds the queue; try next round
            return ran
        if result is None:
            return ran
        worker.run_task(result)
        ran += 1
    return ran
