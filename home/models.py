from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.frontend.headless import HeadlessPageMixin
from cms.translate.panels import SourceLanguageNoticePanel
from cms.workflow.forms import GuardedPageForm
from cms.workflow.publishing import PublicationMixin


class HomePage(HeadlessPageMixin, PublicationMixin, Page):
    """The site root: a heading and an introduction, in both languages."""

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    heading = models.CharField(_("heading"), max_length=200, blank=True)
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A short welcome shown at the top of the home page."),
    )

    base_form_class = GuardedPageForm

    content_panels = [
        SourceLanguageNoticePanel(),
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("introduction"),
    ]

    api_fields = [APIField("heading"), APIField("introduction")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def api_detail_url(self):
        return "/api/v1/home/"
