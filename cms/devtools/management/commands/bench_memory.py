"""Benchmark: translation-memory suggestions over N approved segments, against an exact-hash
database lookup measured in the same run.

The segments are generated English sentences of varied length (some rich text), owned by the
live pages that exist, inserted in one transaction that is rolled back at the end.
"""

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.i18n.locales import source_hash
from cms.i18n.memory import forget_index, suggestions
from cms.models import ApprovedTranslation
from cms.streams import reader_text

TARGET_P95_MS = 50
SUBJECTS = [
    "your partner",
    "an anxious partner",
    "the person who withdraws",
    "a couple under stress",
    "someone with an avoidant style",
    "the partner who pursues",
    "both of you",
    "a securely attached friend",
]
VERBS = [
    "asks for reassurance",
    "goes quiet",
    "feels criticised",
    "wants more closeness",
    "needs time to calm down",
    "hears blame in a neutral question",
    "tries to repair the conversation",
    "pulls away after an argument",
]
CLAUSES = [
    "when a message stays unanswered for hours",
    "after a long day at work",
    "because the silence feels like a threat",
    "even though nobody meant any harm",
    "while the other person is still upset",
    "before the conversation has really started",
    "so the loop repeats itself again and again",
    "until one of you names what is happening",
]
ADVICE = [
    "Name the feeling before you ask the question.",
    "Agree on a time to come back to the conversation.",
    "Say what you need in one clear sentence.",
    "Notice the urge to send another message and wait ten minutes.",
    "Ask what would help instead of guessing.",
    "Take a twenty-minute break and breathe slowly.",
]
UNRELATED = [
    "Water the tomato seedlings every morning before the sun is high",
    "The train to the coast leaves at half past seven on weekdays",
    "Preheat the oven and line the tray with baking paper",
    "Quarterly invoices are due on the first working day of the month",
    "The museum is closed on public holidays and the first Monday",
    "Replace the printer cartridge and run the cleaning cycle",
]
CHINESE = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"
QUERIES_PER_KIND = 100


class Command(BaseCommand):
    help = _("Time translation-memory suggestions over N approved segments (nothing is kept).")

    def add_arguments(self, parser):
        parser.add_argument("--segments", type=int, default=10_000)

    def handle(self, *args, segments, **options):
        if segments < 1:
            raise CommandError(_("--segments must be at least 1."))
        owners = list(
            Page.objects.live().filter(depth__gt=1).values_list("content_type_id", "pk")[:50]
        )
        if not owners:
            raise CommandError(_("Run `manage.py load_demo` first: there is no live page."))
        rng = random.Random(20)  # noqa: S311  (benchmark data, not security)
        vacuum()
        with transaction.atomic():
            sources = self.generate(rng, owners, segments)
            queries = self.queries(rng, sources)
            forget_index()
            started = time.perf_counter()
            suggestions(sources[0])  # builds this process's index once
            build_ms = (time.perf_counter() - started) * 1000
            timings = {kind: [] for kind in queries}
            baseline = []
            found = dict.fromkeys(queries, 0)
            for kind, texts in queries.items():
                for text in texts:
                    elapsed, result = timed(suggestions, text)
                    timings[kind].append(elapsed)
                    found[kind] += bool(result)
                    baseline.append(timed(exact_lookup, text)[0])
            total = ApprovedTranslation.objects.count()
            transaction.set_rollback(True)
        forget_index()
        vacuum()
        every = [ms for values in timings.values() for ms in values]
        p50, p95 = percentiles(every)
        base50, base95 = percentiles(baseline)
        self.stdout.write(
            _("%(total)d approved segments on %(vendor)s; index built once in %(build).0f ms.")
            % {"total": total, "vendor": connection.vendor, "build": build_ms}
        )
        for kind, values in timings.items():
            kind_p50, kind_p95 = percentiles(values)
            self.stdout.write(
                _(
                    "  %(kind)s: %(count)d queries, p50 %(p50).1f ms, p95 %(p95).1f ms, "
                    "%(found)d with suggestions"
                )
                % {
                    "kind": kind,
                    "count": len(values),
                    "p50": kind_p50,
                    "p95": kind_p95,
                    "found": found[kind],
                }
            )
        self.stdout.write(
            _(
                "suggestions p50 %(p50).1f ms, p95 %(p95).1f ms; exact-hash lookup p50 "
                "%(base50).2f ms, p95 %(base95).2f ms; ratio at p95 %(ratio).1f; "
                "p95 under %(target)d ms: %(verdict)s"
            )
            % {
                "p50": p50,
                "p95": p95,
                "base50": base50,
                "base95": base95,
                "ratio": p95 / base95 if base95 else 0,
                "target": TARGET_P95_MS,
                "verdict": _("yes") if p95 < TARGET_P95_MS else _("NO"),
            }
        )

    def generate(self, rng, owners, count):
        """`count` approved segments: English sentences of one to four clauses, or a short
        phrase, a fifth of them rich text."""
        rows, sources = [], []
        for n in range(count):
            english = sentence(rng)
            rich = n % 5 == 0
            stored = f"<p>{english}</p>" if rich else english
            content_type_id, page_id = owners[n % len(owners)]
            rows.append(
                ApprovedTranslation(
                    content_type_id=content_type_id,
                    object_id=str(page_id),
                    key=f"bench.{n}",
                    origin=f"bench · {n}",
                    source=stored,
                    source_hash=source_hash(reader_text(stored)),
                    target=chinese(rng, len(english) // 3),
                    rich=rich,
                )
            )
            sources.append(stored)
        ApprovedTranslation.objects.bulk_create(rows, batch_size=1000)
        return sources

    def queries(self, rng, sources):
        picked = rng.sample(sources, min(len(sources), 2 * QUERIES_PER_KIND))
        exact, near = picked[:QUERIES_PER_KIND], picked[QUERIES_PER_KIND:]
        return {
            _("exact"): exact,
            _("near miss"): [near_miss(rng, text) for text in near],
            _("unrelated"): [
                f"{rng.choice(UNRELATED)} {rng.choice(UNRELATED).lower()}"
                for _query in range(QUERIES_PER_KIND)
            ],
        }


def sentence(rng):
    if rng.random() < 0.15:
        return rng.choice(ADVICE)
    clauses = [f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)}"]
    clauses += [rng.choice(CLAUSES) for _clause in range(rng.randint(0, 3))]
    text = " ".join(clauses) + "."
    if rng.random() < 0.3:
        text += " " + rng.choice(ADVICE)
    return f"{text} ({rng.randint(1, 999)})"


def near_miss(rng, text):
    """One word dropped and one changed."""
    words = reader_text(text).removeprefix("<p>").removesuffix("</p>").split()
    if len(words) > 3:
        del words[rng.randrange(len(words))]
        words[rng.randrange(len(words))] = "really"
    return " ".join(words)


def chinese(rng, length):
    return "".join(rng.choice(CHINESE) for _char in range(max(2, length))) + "。"


def timed(run, *args):
    started = time.perf_counter()
    result = run(*args)
    return (time.perf_counter() - started) * 1000, result


def exact_lookup(english):
    hashed = source_hash(reader_text(english))
    return list(
        ApprovedTranslation.objects.filter(source_hash=hashed).values_list("target", flat=True)[:3]
    )


def percentiles(values):
    ordered = statistics.quantiles(values, n=20)
    return statistics.median(values), ordered[18]


def vacuum():
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM cms_approvedtranslation")
