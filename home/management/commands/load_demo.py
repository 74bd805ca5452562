from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from home.demo import load_home_page


class Command(BaseCommand):
    help = _("Load the demo content. Safe to run again: nothing is duplicated.")

    def handle(self, *args, **options):
        _home, created = load_home_page()
        status = _("created") if created else _("already present")
        self.stdout.write(_("Home page: %(status)s") % {"status": status})
