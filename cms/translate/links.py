"""Where a page's or snippet's Translate view is."""

from django.urls import reverse
from wagtail.models import Page


def translate_url(obj):
    """The Translate view of a saved page or snippet."""
    if isinstance(obj, Page):
        return reverse("cms_translate", args=[obj.pk])
    meta = obj._meta
    return reverse("cms_translate_snippet", args=[meta.app_label, meta.model_name, obj.pk])
