from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row whose number goes up whenever published content changes.

    API caches key on it, so every process (and every server) sees a publish on its very next
    request, whatever cache backend it uses.
    """

    SINGLETON_ID = 1

    value = models.BigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return str(self.value)
