from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress
from wagtail.models import Page

from cms.models import SearchDocument
from cms.search.index import index_page


class Command(BaseCommand):
    help = _("Rebuild the search index of every live page, in both languages.")

    def handle(self, *args, **options):
        pages = list(Page.objects.filter(live=True, depth__gt=1).order_by("path"))
        SearchDocument.objects.exclude(page__in=pages).delete()
        documents = 0
        with Progress(console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task(_("Indexing"), total=len(pages))
            for page in pages:
                documents += index_page(page)
                progress.advance(task)
        self.stdout.write(
            _("Indexed %(documents)d document(s) from %(pages)d live page(s).")
            % {"documents": documents, "pages": len(pages)}
        )
