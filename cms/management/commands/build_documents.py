from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress

from cms.documents.refresh import build_many, page_ids


class Command(BaseCommand):
    help = _(
        "Builds the stored API documents of live pages that are missing or out of date (after "
        "a deploy, an import or a change to shared content), so that cold reads stay cheap. "
        "The worker does the same a batch at a time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help=_("Rebuild every live page's documents.")
        )

    def handle(self, *args, all, **options):
        ids = page_ids(stale=not all)
        with Progress(console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task(_("Building reader documents"), total=len(ids))
            stored = build_many(ids, advance=lambda n: progress.advance(task, n))
        self.stdout.write(
            _("Stored %(documents)d documents of %(pages)d pages.")
            % {"documents": stored, "pages": len(ids)}
        )
