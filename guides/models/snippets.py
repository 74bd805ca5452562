"""Reusable content chosen from guides: series, topics, quiz call-to-action and FAQs."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.rich_text import expand_rich_text
from cms.workflow.forms import GuardedModelForm
from guides.blocks import RICH_TEXT_FEATURES


class Series(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=160)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_("A short, stable identifier, e.g. “AC”."),
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    base_form_class = GuardedModelForm

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name


class Topic(index.Indexed, TagBase):
    """A topic tag. Editors create topics as they tag guides (the English name, which also
    gives the slug); translators add the Chinese name under Guide content → Topics."""

    name_zh_hans = models.CharField(_("name (zh-hans)"), max_length=100, blank=True)

    base_form_class = GuardedModelForm

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("name_zh_hans")]
    search_fields = [index.SearchField("name"), index.SearchField("name_zh_hans")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def localized_name(self, language=None):
        """The Chinese name in zh-hans when there is one, else the English name."""
        language = language or get_language()
        return self.name_zh_hans if language == "zh-hans" and self.name_zh_hans else self.name


class QuizCallToAction(index.Indexed, models.Model):
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

    base_form_class = GuardedModelForm

    panels = [
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


class FAQ(index.Indexed, models.Model):
    question = models.CharField(_("question"), max_length=300)
    answer = RichTextField(_("answer"), features=RICH_TEXT_FEATURES)

    base_form_class = GuardedModelForm

    panels = [FieldPanel("question"), FieldPanel("answer")]
    search_fields = [index.SearchField("question"), index.AutocompleteField("question")]

    class Meta:
        ordering = ["question"]
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")

    def __str__(self):
        return self.question

    def api_answer(self):
        return expand_rich_text(self.answer)
