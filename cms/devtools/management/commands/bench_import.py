"""Benchmark: import N generated articles and report articles per second.

The articles are variations of the bundled English fixture (new numbers, titles and personas), so
every one is a new guide. Everything runs in one transaction that is rolled back at the end, so
the database is left as it was.
"""

import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from guides.importer.files import import_file

TEMPLATE = Path(settings.BASE_DIR) / "tests" / "fixtures" / "exports" / "en-conflict-207.txt"


class Command(BaseCommand):
    help = _("Import N generated articles and report articles per second (then roll back).")

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=500)

    def handle(self, *args, count, **options):
        if count < 1:
            raise CommandError(_("--count must be at least 1."))
        if not TEMPLATE.exists():
            raise CommandError(_("Benchmark template %(path)s is missing.") % {"path": TEMPLATE})
        from guides.models import GuideIndexPage

        if not GuideIndexPage.objects.exists():
            raise CommandError(_("Run `manage.py load_demo` first: there is no guide index."))
        template = TEMPLATE.read_text(encoding="utf-8")
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for n in range(count):
                text = template.replace("Conflict and Repair-207", f"Benchmark Series-{1000 + n}")
                path = Path(folder) / f"article-{n:04d}.txt"
                path.write_text(text.replace("Conflict", f"Conflict {n}", 3), encoding="utf-8")
                paths.append(path)

            failed = 0
            with transaction.atomic():
                started = time.perf_counter()
                for path in paths:
                    failed += import_file(path, language="en").status == "failed"
                elapsed = time.perf_counter() - started
                transaction.set_rollback(True)

        self.stdout.write(
            _(
                "%(count)d articles on %(vendor)s in %(seconds).1f s: %(rate).1f articles/s "
                "(%(failed)d failed)"
            )
            % {
                "count": count,
                "vendor": connection.vendor,
                "seconds": elapsed,
                "rate": count / elapsed,
                "failed": failed,
            }
        )
