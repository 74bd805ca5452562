from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import Progress
from wagtail.models import Page

from cms.content import _shared_content  # (cms.content has no public list of the models yet)
from cms.i18n.memory import owner_of, remember_approved
from cms.models import ApprovedTranslation


class Command(BaseCommand):
    help = _(
        "Rebuild the translation memory from the approved Chinese of every live page and "
        "shared snippet (or of one page)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, help=_("Only this page, by id."))

    def handle(self, *args, page, **options):
        try:
            if page is not None:
                return self.one_page(page)
            self.everything()
        except DatabaseError as error:
            raise CommandError(
                _("Cannot read or write the translation memory (has `migrate` run?): %(error)s")
                % {"error": error}
            ) from None

    def one_page(self, page_id):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(_("There is no page with id %(id)d.") % {"id": page_id})
        segments = remember_approved(page.specific)
        if not page.live:
            message = _("“%(title)s” is not live: the memory holds nothing of it.")
        else:
            message = _("Remembered %(segments)d approved segment(s) of “%(title)s”.")
        self.stdout.write(message % {"segments": segments, "title": page.title})

    def everything(self):
        pages = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
        objects = list(pages.specific().order_by("path"))
        pages = len(objects)
        for model in _shared_content:
            objects += list(model._default_manager.order_by("pk"))
        before = set(ApprovedTranslation.objects.values_list("content_type_id", "object_id"))
        segments, failed = 0, []
        with Progress(console=Console(file=self.stderr._out)) as progress:
            task = progress.add_task(_("Remembering"), total=len(objects))
            for obj in objects:
                try:
                    segments += remember_approved(obj)
                except Exception as error:  # reported below; the others go on
                    failed.append((obj, error))
                progress.advance(task)
        stale = before - {owner_of(obj) for obj in objects}
        for content_type_id, object_id in stale:
            ApprovedTranslation.objects.filter(
                content_type_id=content_type_id, object_id=object_id
            ).delete()
        self.stdout.write(
            _(
                "Remembered %(segments)d approved segment(s) from %(pages)d live page(s) and "
                "%(snippets)d snippet(s); forgot %(stale)d object(s) no longer live."
            )
            % {
                "segments": segments,
                "pages": pages,
                "snippets": len(objects) - pages,
                "stale": len(stale),
            }
        )
        if failed:
            for obj, error in failed:
                self.stderr.write(
                    _("Could not read “%(object)s” (%(model)s %(id)s): %(error)s")
                    % {"object": obj, "model": obj._meta.label, "id": obj.pk, "error": error}
                )
            raise CommandError(
                _("%(count)d object(s) could not be remembered; the rest were.")
                % {"count": len(failed)}
            )
