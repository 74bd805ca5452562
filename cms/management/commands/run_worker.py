import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils.translation import gettext as _

from cms.documents.refresh import build_stale
from cms.images import make_missing_renditions
from cms.webhooks.worker import run_queued_tasks
from cms.workflow.scheduler import run_due

RENDITION_BATCH = 20  # images per round, so that scheduled publishing is never held up long
DOCUMENT_BATCH = 200  # pages whose reader documents are rebuilt per round (about 10 ms each)


class Command(BaseCommand):
    help = _(
        "Background worker: every --interval seconds, publishes and expires scheduled pages, "
        "then runs the queued webhook deliveries and CDN purges, makes missing image renditions "
        "and rebuilds out-of-date reader documents. Several may run at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10.0)
        parser.add_argument("--once", action="store_true", help=_("Run one round and exit."))

    def handle(self, *args, interval, once, **options):
        if interval <= 0:
            raise CommandError(_("--interval must be more than 0 seconds."))
        while True:
            if not once:
                close_old_connections()  # a long-running worker outlives database restarts
            result = run_due()
            if result.published or result.expired or result.failed:
                self.stdout.write(
                    _("Published %(published)d, expired %(expired)d, failed %(failed)d.")
                    % {
                        "published": len(result.published),
                        "expired": len(result.expired),
                        "failed": len(result.failed),
                    }
                )
            run_queued_tasks()
            make_missing_renditions(limit=RENDITION_BATCH)
            build_stale(limit=DOCUMENT_BATCH)
            if once:
                return
            time.sleep(interval)
