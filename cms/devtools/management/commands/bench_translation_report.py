"""Benchmark: the Translations report with N guides, timed in-process (then rolled back)."""

import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import Client
from django.utils.translation import gettext as _

from cms.devtools.bench_data import bulk_guides, guide_index_for
from cms.models import TranslationStatus

ROUNDS = 5


class Command(BaseCommand):
    help = _("Time the Translations report over N generated guides (nothing is kept).")

    def add_arguments(self, parser):
        parser.add_argument("--guides", type=int, default=10_000)

    def handle(self, *args, guides, **options):
        index = guide_index_for(guides)
        with transaction.atomic():
            self.generate(index, guides)
            user = get_user_model().objects.create_superuser("bench-report", "b@example.com", "x")
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user)
            timings = {}
            for label, query in [
                (_("first page, least complete first"), {}),
                (_("filtered: has outdated segments"), {"status": "outdated"}),
                (_("last page"), {"p": "1000000"}),
            ]:
                best = None
                for _round in range(ROUNDS):
                    started = time.perf_counter()
                    response = client.get("/admin/translations/", query)
                    elapsed = time.perf_counter() - started
                    if response.status_code != 200:
                        raise CommandError(
                            _("The report answered %(code)s.") % {"code": response.status_code}
                        )
                    best = elapsed if best is None else min(best, elapsed)
                timings[label] = best
            transaction.set_rollback(True)
        total = guides + TranslationStatus.objects.count()
        for label, seconds in timings.items():
            self.stdout.write(
                _("%(label)s: %(ms).0f ms (best of %(rounds)d) with %(total)d pages")
                % {"label": label, "ms": seconds * 1000, "rounds": ROUNDS, "total": total}
            )

    def generate(self, index, count):
        ids = bulk_guides(index, count)
        TranslationStatus.objects.bulk_create(
            [
                TranslationStatus(
                    page_id=page_id,
                    total=80,
                    missing=n % 7,
                    outdated=n % 5,
                    completeness=round(100 * (80 - n % 7 - n % 5) / 80),
                )
                for n, page_id in enumerate(ids)
            ],
            batch_size=1000,
        )
