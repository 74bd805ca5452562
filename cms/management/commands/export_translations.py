from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress

from cms.i18n.exchange import export_units, pages_in_scope
from cms.i18n.formats import FORMATS


class Command(BaseCommand):
    help = _("Export segments for translation into zh-hans, as PO, XLIFF 1.2 or XLIFF 2.0.")

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--page", type=int, help=_("One page, by id."))
        scope.add_argument("--series", help=_("Every guide of a series, by slug."))
        scope.add_argument(
            "--pending", action="store_true", help=_("Everything missing or outdated.")
        )
        parser.add_argument(
            "--format",
            default="po",
            help=_("po (default), xliff (XLIFF 1.2) or xliff2 (XLIFF 2.0)"),
        )
        parser.add_argument("--output", required=True, help=_("File to write."))

    def handle(self, *args, page, series, pending, format, output, **options):
        if format not in FORMATS:
            raise CommandError(
                _("Unknown --format “%(format)s”; use po, xliff or xliff2.") % {"format": format}
            )
        scope = "page" if page else "group" if series else "pending"
        pages = list(pages_in_scope(scope, page_id=page, group_slug=series))
        if not pages:
            raise CommandError(_("Nothing to export: no page matches."))
        units = []
        with Progress(console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task(_("Exporting"), total=len(pages))
            for item in pages:
                units += export_units(item, only_pending=scope == "pending")
                progress.advance(task)
        try:
            Path(output).write_bytes(FORMATS[format].export(units, title=Path(output).stem))
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": output, "error": error}
            ) from None
        self.stdout.write(
            _("Exported %(units)d segment(s) from %(pages)d page(s) to %(path)s.")
            % {"units": len(units), "pages": len(pages), "path": output}
        )
