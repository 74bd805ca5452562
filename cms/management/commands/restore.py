from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms import backups


class Command(BaseCommand):
    help = _(
        "Replace everything in the database with a backup (the newest in var/backups/ unless "
        "a file is named)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help=_("The backup file to restore."))
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=_("Do not ask for confirmation."),
        )

    def handle(self, *args, **options):
        kind, config = backups.database()
        path = Path(options["file"]) if options["file"] else backups.latest_backup(kind)
        backups.check_backup_file(path, kind)
        if options["interactive"]:
            answer = input(
                _(
                    "This replaces everything in database %(name)s with %(path)s. "
                    "Type 'yes' to continue: "
                )
                % {"name": config["NAME"], "path": path}
            )
            if answer.strip().lower() != "yes":
                raise CommandError(_("Restore cancelled; nothing was changed."))
        backups.restore(path)
        self.stdout.write(
            _("Restored %(path)s into database %(name)s.") % {"path": path, "name": config["NAME"]}
        )
