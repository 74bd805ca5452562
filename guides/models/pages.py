"""Guide pages: the hub that lists guides, and the guide itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.frontend.headless import HeadlessPageMixin
from cms.search.tokens import index_tokens
from cms.translate.panels import SourceLanguageNoticePanel
from cms.workflow.forms import GuardedPageForm
from cms.workflow.publishing import PublicationMixin
from guides.blocks import GuideBodyBlock
from guides.models.snippets import Topic
from guides.panels import ContentWarningsPanel
from guides.reading_time import reading_minutes, stream_text
from guides.serializers import (
    QuizCallToActionSerializer,
    SeriesSerializer,
    TopicNamesSerializer,
)


class GuideIndexPage(HeadlessPageMixin, PublicationMixin, Page):
    """A hub under the home page that lists its guides, filterable by series and topic."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = GuardedPageForm

    content_panels = [SourceLanguageNoticePanel(), *Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def api_detail_url(self):
        return "/api/v1/guides/"

    def get_context(self, request, *args, **kwargs):
        """For the admin's preview: the live guides below, newest first."""
        context = super().get_context(request, *args, **kwargs)
        guides = GuidePage.objects.child_of(self).live().public().select_related("series")
        context["guides"] = guides.order_by("-first_published_at")
        return context


class GuidePageTag(ItemBase):
    # The class itself, not "guides.Topic": the tag manager reads its model when it is built.
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_guides")
    content_object = ParentalKey(
        "guides.GuidePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GuidePage(HeadlessPageMixin, PublicationMixin, Page):
    """One long, structured guide, in English and Simplified Chinese."""

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []

    series = models.ForeignKey(
        "guides.Series",
        verbose_name=_("series"),
        null=True,
        on_delete=models.PROTECT,
        related_name="guides",
    )
    number = models.PositiveIntegerField(
        _("number"), null=True, help_text=_("The guide's number within its series, e.g. 122.")
    )
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One to three full sentences; the content checks flag a cut-off one (…)."),
    )
    topics = ClusterTaggableManager(verbose_name=_("topics"), through=GuidePageTag, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)
    quiz_cta = models.ForeignKey(
        "guides.QuizCallToAction",
        verbose_name=_("quiz call-to-action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
    )
    expert_reviewer = models.CharField(_("expert reviewer"), max_length=200, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), null=True, blank=True, editable=False
    )

    base_form_class = GuardedPageForm

    content_panels = [
        SourceLanguageNoticePanel(),
        ContentWarningsPanel(heading=_("Content warnings")),
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("series"), FieldPanel("number")])],
            heading=_("Series"),
        ),
        FieldPanel("summary"),
        FieldPanel("topics"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("quiz_cta"),
        MultiFieldPanel(
            [FieldPanel("expert_reviewer"), FieldPanel("last_reviewed")],
            heading=_("Expert review"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("body"),
        # Chinese has no spaces: index jieba's words so the admin search finds 依恋 too.
        index.SearchField("segmented_text"),
        index.AutocompleteField("segmented_text"),
        index.FilterField("series"),
    ]
    api_fields = [
        APIField("series", serializer=SeriesSerializer()),
        APIField("number"),
        APIField("subtitle"),
        APIField("summary"),
        APIField("topics", serializer=TopicNamesSerializer()),
        APIField("hero_image"),
        APIField("body"),
        APIField("quiz_cta", serializer=QuizCallToActionSerializer()),
        APIField("expert_reviewer"),
        APIField("last_reviewed"),
        APIField("reading_time"),
    ]

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def api_detail_url(self):
        return f"/api/v1/guides/{self.slug_en or self.slug}/"

    def api_listing_urls(self):
        """The API listings this guide appears in (purged from the CDN when it changes)."""
        urls = ["/api/v1/guides/", "/api/v1/series/", "/api/v1/topics/"]
        if self.series_id:
            slug = self.series.slug
            urls += [f"/api/v1/series/{slug}/", f"/api/v1/guides/?series={slug}"]
        urls += [f"/api/v1/guides/?topic={tag.slug}" for tag in self.topics.all()]
        return urls

    def segmented_text(self):
        """Both languages' title, subtitle and summary as search tokens (for the admin)."""
        fields = ("title", "subtitle", "summary")
        text = " ".join(getattr(self, f"{n}_{s}") or "" for n in fields for s in ("en", "zh_hans"))
        return " ".join(index_tokens(text))

    def save(self, *args, **kwargs):
        self.refresh_reading_time()
        return super().save(*args, **kwargs)

    def refresh_reading_time(self):
        """Store the reading time of each language; zh-hans stays empty to fall back to English."""
        for language, suffix in (("en", "en"), ("zh-hans", "zh_hans")):
            body = getattr(self, f"body_{suffix}", None)
            text = " ".join(
                [
                    getattr(self, f"summary_{suffix}", "") or "",
                    stream_text(body.raw_data if body else []),
                ]
            )
            minutes = reading_minutes(text, language)
            setattr(self, f"reading_time_{suffix}", minutes or None)
