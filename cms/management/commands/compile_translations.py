from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Compile every .po catalogue under LOCALE_PATHS to .mo, without GNU gettext.")

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(
                        _("%(path)s cannot be read: %(error)s") % {"path": po_path, "error": error}
                    ) from None
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(_("Compiled %(count)d catalogue(s).") % {"count": compiled})
