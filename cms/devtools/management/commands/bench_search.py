"""Benchmark: search p95 over N guides in both languages, against a plain icontains filter."""

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from cms.devtools.bench_data import bulk_guides, guide_index_for
from cms.models import SearchDocument
from cms.search.index import store_vectors
from cms.search.query import search
from cms.search.tokens import index_tokens, joined

QUERIES = {
    "en": ["reassurance", "attachment", "repair attempts", "withdraw pursue", "protest"],
    "zh-hans": ["依恋", "安全感", "回避型", "修复", "追逃循环"],
}
ROUNDS = 20


class Command(BaseCommand):
    help = _("Time search over N generated guides against icontains (nothing is kept).")

    def add_arguments(self, parser):
        parser.add_argument("--guides", type=int, default=10_000)

    def handle(self, *args, guides, **options):
        index = guide_index_for(guides)
        sources = list(SearchDocument.objects.values_list("locale", "title", "text"))
        if not sources:
            raise CommandError(_("Run `manage.py load_demo` first: there is nothing indexed."))
        vacuum()  # earlier runs' rolled-back rows would otherwise slow this one down
        with transaction.atomic():
            ids = bulk_guides(index, guides, prefix="search-bench")
            self.index(ids, sources)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE cms_searchdocument, wagtailcore_page")
            results = {name: [] for name in ("search", "icontains")}
            for _round in range(ROUNDS):
                for locale, queries in QUERIES.items():
                    for query in queries:
                        results["search"].append(self.time(search, query, locale))
                        results["icontains"].append(self.time(icontains, query, locale))
            transaction.set_rollback(True)
        vacuum()
        p95 = {name: statistics.quantiles(values, n=20)[18] for name, values in results.items()}
        self.stdout.write(
            _(
                "%(docs)d guides on %(vendor)s: search p95 %(search).1f ms, icontains p95 "
                "%(icontains).1f ms, ratio %(ratio).2f (target: search p95 at most 50 ms)"
            )
            % {
                "docs": guides,
                "vendor": connection.vendor,
                "search": p95["search"],
                "icontains": p95["icontains"],
                "ratio": p95["search"] / p95["icontains"],
            }
        )

    def index(self, ids, sources):
        """Each generated guide gets an English and a Chinese excerpt of the demo content."""
        rng = random.Random(7)  # noqa: S311  (benchmark data, not security)
        pool = {"en": [], "zh-hans": []}
        for locale, title, text in sources:
            for _excerpt in range(40):  # tokenising once per excerpt keeps set-up quick
                start = rng.randrange(max(1, len(text) - 600))
                excerpt = text[start : start + 600]
                tokens = (joined(index_tokens(title)), joined(index_tokens(f"{title} {excerpt}")))
                pool[locale].append((title, excerpt, *tokens))
        documents = [
            SearchDocument(
                page_id=page_id,
                locale=locale,
                title=title,
                text=excerpt,
                title_tokens=title_tokens,
                tokens=tokens,
                page_type="guides.GuidePage",
            )
            for page_id in ids
            for locale, choices in pool.items()
            if choices
            for title, excerpt, title_tokens, tokens in [rng.choice(choices)]
        ]
        SearchDocument.objects.bulk_create(documents, batch_size=1000)
        store_vectors(SearchDocument.objects.filter(page_id__in=ids))

    @staticmethod
    def time(run, *args):
        started = time.perf_counter()
        run(*args)
        return (time.perf_counter() - started) * 1000


def vacuum():
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM cms_searchdocument, wagtailcore_page")


def icontains(query, locale):
    return list(SearchDocument.objects.filter(locale=locale, text__icontains=query)[:20])
