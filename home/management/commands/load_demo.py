from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from guides.demo.loader import load_demo_guides
from guides.demo.quiz_loader import load_demo_quiz
from home.demo import load_home_page


class Command(BaseCommand):
    help = _("Load the demo content. Safe to run again: nothing is duplicated.")

    def handle(self, *args, **options):
        home, created = load_home_page()
        status = _("created") if created else _("already present")
        self.stdout.write(_("Home page: %(status)s") % {"status": status})
        counts = load_demo_guides(home)
        self.stdout.write(_("Demo guides: %(created)d created, %(total)d in the demo set") % counts)
        _quiz, created = load_demo_quiz(home)
        status = _("created") if created else _("already present")
        self.stdout.write(_("Relationship test: %(status)s") % {"status": status})
