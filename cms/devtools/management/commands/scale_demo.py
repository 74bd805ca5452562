"""Grow the demo set to N published guides in both languages (for benchmarks and load tests)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from rich.progress import Progress

from guides.demo.loader import build_guide, load_snippets, read_demo_data
from guides.models import GuideIndexPage, GuidePage

FIRST_NUMBER = 1000
# Chinese titles take full-width brackets (a half-width one is a content warning).
BRACKETS = {"en": "(%d)", "zh_hans": "（%d）"}


class Command(BaseCommand):
    help = _("Publish copies of the demo guides until there are N guides (run load_demo first).")

    def add_arguments(self, parser):
        parser.add_argument("--guides", type=int, default=200)

    def handle(self, *args, guides, **options):
        if guides < 1:
            raise CommandError(_("--guides must be at least 1."))
        index = GuideIndexPage.objects.first()
        if index is None:
            raise CommandError(_("Run `manage.py load_demo` first: there is no guide index."))
        data = read_demo_data()
        missing = guides - GuidePage.objects.count()
        with Progress(console=None, transient=True) as progress, transaction.atomic():
            series, cta, faq_ids = load_snippets(data)
            task = progress.add_task(_("Publishing guides"), total=max(missing, 0))
            next_number = FIRST_NUMBER + GuidePage.objects.filter(number__gte=FIRST_NUMBER).count()
            for offset in range(max(missing, 0)):
                template = data["guides"][offset % len(data["guides"])]
                number = next_number + offset
                copy = {
                    **template,
                    "number": number,
                    "slug": {key: f"{slug}-{number}" for key, slug in template["slug"].items()},
                    "title": {
                        key: f"{title} {BRACKETS[key] % number}"
                        for key, title in template["title"].items()
                    },
                }
                guide = build_guide(copy, series, cta, faq_ids)
                index.add_child(instance=guide)
                guide.topics.add(*template.get("topics", []))
                guide.save_revision().publish()
                progress.advance(task)
        self.stdout.write(
            _("%(created)d guides published; %(total)d in all.")
            % {"created": max(missing, 0), "total": GuidePage.objects.count()}
        )
