from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.demo_users import DEMO_PASSWORD, ensure_demo_admin


class Command(BaseCommand):
    help = _("Create the demo logins (development only) and print them.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(_("Demo users are created only when DEBUG is on (development)."))
        user, created = ensure_demo_admin()
        verb = _("created") if created else _("exists")
        self.stdout.write(
            _("Admin login (%(verb)s): %(username)s / %(password)s")
            % {"verb": verb, "username": user.username, "password": DEMO_PASSWORD}
        )
