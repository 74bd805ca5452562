from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from cms.i18n.locales import LOCALES
from guides.importer.files import collect_paths, import_file, missing_result

STATUSES = ("created", "updated", "unchanged", "failed")


class Command(BaseCommand):
    help = _(
        "Import wiki export files as structured guides, one language at a time. "
        "Each file is its own transaction; nothing goes live without --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Files or directories."))
        parser.add_argument(
            "--locale", required=True, help=_("Language of the export: en or zh-hans.")
        )
        parser.add_argument("--publish", action="store_true", help=_("Publish what is imported."))
        parser.add_argument(
            "--accept-warnings",
            action="store_true",
            help=_(
                "With --publish, publish a file that has content warnings; the page history "
                "notes it. Without it, such a file is refused."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Parse and check everything; write nothing.")
        )
        parser.add_argument(
            "--guide", metavar="SLUG", help=_("Import into this guide (one file only).")
        )

    def handle(self, *args, paths, locale, publish, accept_warnings, dry_run, guide, **options):
        if locale not in LOCALES:
            raise CommandError(
                _("Unknown --locale “%(locale)s”; use one of: %(valid)s.")
                % {"locale": locale, "valid": ", ".join(LOCALES)}
            )
        files, missing = collect_paths(paths)
        if guide and len(files) != 1:
            raise CommandError(
                _("--guide needs exactly one file; %(n)d were given.") % {"n": len(files)}
            )
        if not files and not missing:
            raise CommandError(
                _("No export files (.txt, .md) found in: %(paths)s") % {"paths": ", ".join(paths)}
            )

        results = [missing_result(path) for path in missing]
        results += self.import_all(
            files,
            locale=locale,
            publish=publish,
            accept_warnings=accept_warnings,
            dry_run=dry_run,
            guide=guide,
        )
        self.report(results, dry_run)
        failed = sum(1 for r in results if r.status == "failed")
        if failed:
            raise CommandError(
                _("%(n)d of %(total)d file(s) failed.") % {"n": failed, "total": len(results)}
            )

    def import_all(self, files, **options):
        results = []
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=self.stderr._out, stderr=True),
            transient=False,
        )
        with progress:
            task = progress.add_task(_("Importing"), total=len(files))
            for path in files:
                progress.update(task, description=_("Importing %(name)s") % {"name": path.name})
                results.append(
                    import_file(
                        path,
                        language=options["locale"],
                        publish=options["publish"],
                        accept_warnings=options["accept_warnings"],
                        dry_run=options["dry_run"],
                        guide_slug=options["guide"],
                    )
                )
                progress.advance(task)
            progress.update(task, description=_("Imported"))
        return results

    def report(self, results, dry_run):
        console = Console(file=self.stdout._out, width=120, soft_wrap=True)
        for result in results:
            if result.error:
                console.print(f"✗ {result.error}", style="red", markup=False, highlight=False)
            for warning in result.warnings:
                console.print(
                    f"! {result.path.name}: {warning.message} ({warning.code})",
                    style="yellow",
                    markup=False,
                    highlight=False,
                )
            for note in result.notes:
                console.print(f"  {result.path.name}: {note}", highlight=False, markup=False)

        table = Table(
            title=_("Import summary (dry run: nothing was written)")
            if dry_run
            else _("Import summary")
        )
        labels = {
            "created": _("created"),
            "updated": _("updated"),
            "unchanged": _("unchanged"),
            "failed": _("failed"),
        }
        for status in STATUSES:
            table.add_column(labels[status], justify="right")
        table.add_column(_("warnings"), justify="right")
        counts = [str(sum(1 for r in results if r.status == status)) for status in STATUSES]
        table.add_row(*counts, str(sum(len(r.warnings) for r in results)))
        console.print(table)
