"""Work gathered during a transaction and done once after it commits.

Publishing 200 guides in one transaction should bump the content version once and build their
reader documents in one go, after that bump. Each call registers its own on-commit callback (a
rolled-back savepoint then loses none) and the first of them to run does all the work gathered.
Work is gathered per transaction: Django starts a new list of callbacks after each commit or
rollback, so what a rolled-back transaction gathered is never done by the next one.
"""

from django.db import connection, transaction


def after_commit_once(key, run):
    """The work gathered under `key` in the current transaction: a dict to add to. `run(work)`
    is called once, after commit, with everything added to it by then."""
    pending = connection.__dict__.setdefault("_after_commit_once", {})
    callbacks, work = pending.get(key, (None, None))
    if work is None or work["done"] or callbacks is not connection.run_on_commit:
        work = {"done": False}
        pending[key] = (connection.run_on_commit, work)

    def callback():
        if not work["done"]:
            work["done"] = True
            run(work)

    transaction.on_commit(callback)
    return work
