from pathlib import Path

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cms import backups


class Command(BaseCommand):
    help = _("Back up the whole database to one file (var/backups/ unless --output is given).")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--output", help=_("Where to write the backup."))

    def handle(self, *args, **options):
        kind, _config = backups.database()
        path = Path(options["output"]) if options["output"] else backups.default_path(kind)
        backups.backup(path)
        size = filesizeformat(path.stat().st_size)
        self.stdout.write(
            _("Backup written to %(path)s (%(size)s).") % {"path": path, "size": size}
        )
