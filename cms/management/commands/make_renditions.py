from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress

from cms.images import images_missing_renditions, make_renditions


class Command(BaseCommand):
    help = _(
        "Makes the image renditions the site serves (srcset widths and formats, Open Graph) "
        "that are missing. Readers' requests never make them."
    )

    def handle(self, *args, **options):
        images = list(images_missing_renditions())
        made = 0
        with Progress(console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task(_("Making renditions"), total=len(images))
            for image in images:
                made += make_renditions(image)
                progress.advance(task)
        self.stdout.write(
            _("Made %(renditions)d renditions of %(images)d images.")
            % {"renditions": made, "images": len(images)}
        )
