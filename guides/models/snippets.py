"""Reusable content chosen from guides: series, topics, quiz call-to-action and FAQs.

Shared content is published like a guide: drafts, revisions, locking and the same two-stage
review. Its live row holds only reviewed English and reviewed Chinese (cms.workflow.publishing),
and what readers see of it is that row, in every guide that shows it.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from cms.rich_text import expand_rich_text
from cms.translate.panels import SourceLanguageNoticePanel
from cms.workflow.forms import GuardedModelForm
from cms.workflow.publishing import PublicationMixin
from guides.blocks import RICH_TEXT_FEATURES


class SharedContent(
    WorkflowMixin, PublicationMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    """Drafts, revisions, locking and review for a snippet that guides show."""

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )

    base_form_class = GuardedModelForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is None and self.live and self.first_published_at is None:
            # Created live, not through the admin's drafts: by tagging a guide (a topic's
            # English name is reviewed with that guide), by the demo loader or the importer.
            self.first_published_at = self.last_published_at = timezone.now()
        return super().save(*args, **kwargs)


class Series(SharedContent, index.Indexed):
    name = models.CharField(_("name"), max_length=160)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_("A short, stable identifier, e.g. “AC”."),
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    panels = [
        SourceLanguageNoticePanel(),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name


class Topic(SharedContent, index.Indexed, TagBase):
    """A topic tag. Editors create topics as they tag guides (the English name, which also
    gives the slug, goes live with the guide that shows it); translators add the Chinese name
    under Guide content → Topics, and it goes live after translation review."""

    name_zh_hans = models.CharField(_("name (zh-hans)"), max_length=100, blank=True)

    panels = [
        SourceLanguageNoticePanel(),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("name_zh_hans"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_zh_hans")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def localized_name(self, language=None):
        """The Chinese name in zh-hans when there is one, else the English name."""
        language = language or get_language()
        return self.name_zh_hans if language == "zh-hans" and self.name_zh_hans else self.name


class QuizCallToAction(SharedContent, index.Indexed):
    heading = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"))
    button_label = models.CharField(_("button label"), max_length=60)
    quiz_url = models.URLField(_("quiz URL"), help_text=_("Where the button takes the reader."))
    closing_heading = models.CharField(
        _("closing heading"),
        max_length=200,
        blank=True,
        help_text=_("The invitation repeated at the end of the guide."),
    )
    closing_text = models.TextField(_("closing text"), blank=True)

    panels = [
        SourceLanguageNoticePanel(),
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("button_label"),
        FieldPanel("quiz_url"),
        FieldPanel("closing_heading"),
        FieldPanel("closing_text"),
    ]
    search_fields = [index.SearchField("heading"), index.AutocompleteField("heading")]

    class Meta:
        ordering = ["heading"]
        verbose_name = _("quiz call-to-action")
        verbose_name_plural = _("quiz calls-to-action")

    def __str__(self):
        return self.heading


class FAQ(SharedContent, index.Indexed):
    question = models.CharField(_("question"), max_length=300)
    answer = RichTextField(_("answer"), features=RICH_TEXT_FEATURES)

    panels = [SourceLanguageNoticePanel(), FieldPanel("question"), FieldPanel("answer")]
    search_fields = [index.SearchField("question"), index.AutocompleteField("question")]

    class Meta:
        ordering = ["question"]
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")

    def __str__(self):
        return self.question

    def api_answer(self):
        return expand_rich_text(self.answer)
