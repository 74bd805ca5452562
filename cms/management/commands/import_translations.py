from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress

from cms.i18n.exchange import import_translations


class Command(BaseCommand):
    help = _(
        "Import a PO or XLIFF (1.2 or 2.0) file of zh-hans translations. The whole file is "
        "checked first; any problem writes nothing unless --partial is given. Saves drafts, "
        "never publishes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--partial", action="store_true", help=_("Write the valid segments."))
        parser.add_argument("--user", help=_("Import as this user (their permissions apply)."))

    def handle(self, *args, file, partial, user, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("%(path)s: no such file") % {"path": file})
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(_("No user “%(user)s”.") % {"user": user})
        with Progress(console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task(_("Importing"), total=None)
            report = import_translations(
                path.read_bytes(),
                path.name,
                user=importer,
                partial=partial,
                progress=lambda page: progress.advance(task),
            )
        for problem in report.problems:
            self.stdout.write(
                f"✗ {problem.unit_id or path.name} ({problem.location}): {problem.message}"
            )
        self.stdout.write(
            _(
                "%(segments)d segment(s) written to %(pages)d page(s), %(outdated)d of them "
                "still marked for review and so still outdated; %(skipped)d left "
                "untranslated; %(problems)d problem(s)."
            )
            % {
                "segments": report.segments,
                "pages": len(report.written),
                "outdated": report.kept_outdated,
                "skipped": report.skipped,
                "problems": len(report.problems),
            }
        )
        if report.problems:
            written = (
                _("the valid segments were written")
                if report.segments
                else _("nothing was written")
            )
            raise CommandError(_("The file has problems: %(written)s.") % {"written": written})
