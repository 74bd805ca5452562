"""The relationship test: a page editors write in both languages, and its anonymous results."""

import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.frontend.headless import HeadlessPageMixin
from cms.translate.panels import SourceLanguageNoticePanel
from cms.workflow.forms import GuardedPageForm
from cms.workflow.publishing import PublicationMixin
from guides.quiz.blocks import DimensionsBlock, ProfilesBlock, QuestionsBlock
from guides.quiz.validation import playbook_problems, scoring_problems


class QuizPage(HeadlessPageMixin, PublicationMixin, Page):
    """Questions whose options score dimensions, and profiles defined by score ranges.

    The scoring key (points, reverse scoring, ranges) is read from the English version only;
    the public API never sends it.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    introduction = models.TextField(_("introduction"), blank=True)
    dimensions = StreamField(DimensionsBlock(), verbose_name=_("dimensions"), blank=True)
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"), blank=True)
    profiles = StreamField(ProfilesBlock(), verbose_name=_("profiles"), blank=True)

    base_form_class = GuardedPageForm
    content_panels = [
        SourceLanguageNoticePanel(),
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("dimensions"),
        FieldPanel("questions"),
        FieldPanel("profiles"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = _("relationship test")
        verbose_name_plural = _("relationship tests")

    def clean(self):
        super().clean()
        if not self.questions_en and not self.profiles_en:
            return  # an empty draft: nothing to score yet
        problems = scoring_problems(self) or playbook_problems(self)
        if problems:
            raise ValidationError(problems)

    def api_detail_url(self):
        return f"/api/v1/tests/{self.slug_en or self.slug}/"

    def front_end_route(self, locale):
        return f"tests/{self.slug_en or self.slug}/"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class QuizResult(models.Model):
    """One anonymous submission: the answers and scores, nothing that identifies the reader.

    Only hashes of the share token and of the delete secret are stored, so the table alone can
    neither open nor delete any result. The delete secret goes only to the person who took the
    test, never into the share link; results from before it existed have none and just expire.
    """

    quiz = models.ForeignKey(
        QuizPage, verbose_name=_("relationship test"), on_delete=models.CASCADE
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    delete_secret_hash = models.CharField(_("delete secret hash"), max_length=64, blank=True)
    answers = models.JSONField(_("answers"))
    scores = models.JSONField(_("scores"))
    profile_key = models.CharField(_("profile"), max_length=40)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("test result")
        verbose_name_plural = _("test results")

    def __str__(self):
        return f"{self.quiz_id}: {self.profile_key}"

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)  # 256 random bits

    def may_delete(self, secret):
        """Whether `secret` is this result's delete secret (compared in constant time)."""
        return bool(self.delete_secret_hash) and hmac.compare_digest(
            hash_token(secret), self.delete_secret_hash
        )
