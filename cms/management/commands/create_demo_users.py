from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.demo_users import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = _("Create the demo logins, one per role (development only), and print them.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(_("Demo users are created only when DEBUG is on (development)."))
        self.stdout.write(
            _("Demo logins (password for all: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        for user, role, created in ensure_demo_users():
            state = _("created") if created else _("exists")
            self.stdout.write(f"  {user.username:<12} {role} ({state})")
