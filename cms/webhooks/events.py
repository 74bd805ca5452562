"""The publish events a webhook endpoint can subscribe to."""

from django.utils.translation import gettext_lazy as _

from cms.i18n.locales import LOCALES

PUBLISHED = "page.published"
UNPUBLISHED = "page.unpublished"
MOVED = "page.moved"
TRANSLATION_APPROVED = "translation.approved"

EVENT_CHOICES = [
    (PUBLISHED, _("Published")),
    (UNPUBLISHED, _("Unpublished")),
    (MOVED, _("Moved or renamed")),
    (TRANSLATION_APPROVED, _("Translation approved")),
]
ALL_LOCALES = list(LOCALES)
