from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState


class ContentVersion(models.Model):
    """One row whose number goes up whenever published content changes.

    API caches key on it, so every process (and every server) sees a publish on its very next
    request, whatever cache backend it uses.
    """

    SINGLETON_ID = 1

    value = models.BigIntegerField(_("value"), default=0)
    # Goes up when content that pages show but do not hold changes (snippets, images, other
    # pages' addresses): every stored reader document (ReaderDocument) is then out of date.
    shared = models.BigIntegerField(_("shared content version"), default=0)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return str(self.value)


class TranslationApproval(models.Model):
    """The live Chinese of a page: which revision's it is, who approved it when, which English
    each segment was translated from, and the translation state readers are told.

    The approved Chinese itself is in the live page row (cms.workflow.publishing).
    """

    STATES = ("complete", "partial", "outdated", "missing")

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="translation_approval",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"))
    approved_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {segment key: hash of the English it translates}, as of the approval.
    sources = models.JSONField(_("English sources"), default=dict)
    # What readers of the live page are told, kept current by every publish that changes it.
    state = models.CharField(_("translation state"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("translation approval")
        verbose_name_plural = _("translation approvals")
        permissions = [
            ("approve_translation", _("Can approve zh-hans translations")),
            ("edit_source_language", _("Can edit English (source) content")),
        ]

    def __str__(self):
        return f"{self.page_id} @ {self.revision_id}"


def _specific(obj):
    return getattr(obj, "specific", obj)  # a page comes as a plain Page


class ApprovalWithNote(AbstractGroupApprovalTask):
    """A review stage with one way to approve, named for what it puts live, and a way to ask
    for changes. Its `approval` (set at start-up by cms.workflow.approval_dialog, which this
    module may not import) gives the dialog that takes the note on open content warnings and
    checks it."""

    approval = None

    class Meta:
        abstract = True

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [("approve", self.approval.label, True), ("reject", _("Request changes"), True)]
        return []

    def get_form_for_action(self, action):
        if action == "approve":
            return self.approval.form
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return self.approval.template_name
        return super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, note="", **kwargs):
        kwargs.pop("task_state_id", None)  # the dialog's, to list the warnings
        if action_name == "approve":
            self.approval.check(task_state, user, note)
        super().on_action(task_state, user, action_name, **kwargs)


class EditorialReviewTask(ApprovalWithNote):
    """Stage 1: reviewers approve the English, and it goes live at once.

    The Chinese in the same revision stays unpublished until translation review approves it.
    """

    class Meta:
        verbose_name = _("editorial review task")
        verbose_name_plural = _("editorial review tasks")

    def start(self, workflow_state, user=None):
        """A revision that changes only Chinese goes straight to translation review."""
        task_state = super().start(workflow_state, user=user)
        obj = _specific(workflow_state.content_object)
        if obj.changes_only_chinese(task_state.revision):
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.save(update_fields=["status", "finished_at"])
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        super().on_action(task_state, user, action_name, **kwargs)
        if action_name == "approve":
            obj = _specific(task_state.revision.content_object)
            obj.publish_source(obj.get_latest_revision(), user=user)


class TranslationReviewTask(ApprovalWithNote):
    """Stage 2: translators may keep translating; translation reviewers approve the Chinese."""

    class Meta:
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")

    def locked_for_user(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return False
        if not user.has_perm("cms.edit_source_language"):
            return False  # a translator: the form lets them change Chinese only
        # Editors wait for the review; reviewers may still publish an English correction.
        if hasattr(obj, "permissions_for_user"):
            return not obj.permissions_for_user(user).can_publish()
        return not user.has_perm(f"{obj._meta.app_label}.publish_{obj._meta.model_name}")


class TranslationStatus(models.Model):
    """zh-hans state of a page's or a snippet's segments, kept current on every save.

    `memory` remembers, for each translated segment, the English it was translated from; the
    counts let the translations report list thousands of pages without reading their content.
    A page's status names its page; a snippet's its content type and id.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translation_status",
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    memory = models.JSONField(_("translation memory"), default=dict)
    total = models.PositiveIntegerField(_("segments"), default=0)
    missing = models.PositiveIntegerField(_("missing"), default=0)
    outdated = models.PositiveIntegerField(_("outdated"), default=0)
    completeness = models.PositiveSmallIntegerField(_("completeness (%)"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        indexes = [
            models.Index(fields=["completeness"]),
            models.Index(fields=["missing"]),
            models.Index(fields=["outdated"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(page__isnull=True),
                name="one_translation_status_per_snippet",
            ),
        ]

    def __str__(self):
        return f"{self.page_id or self.object_id}: {self.completeness}%"


class ApprovedTranslation(models.Model):
    """One segment whose Chinese a translation reviewer approved: the translation memory.

    Rebuilt for an object each time its Chinese goes live, so it only ever holds approved
    Chinese for English as it is now (cms.i18n.memory).
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=64)
    key = models.CharField(_("segment"), max_length=500)
    # Where it comes from, for people: "Anxious attachment · Step 2 · Action 1".
    origin = models.CharField(_("origin"), max_length=500)
    source = models.TextField(_("English"))
    source_hash = models.CharField(_("English hash"), max_length=64, db_index=True)
    target = models.TextField(_("Chinese"))
    rich = models.BooleanField(_("rich text"), default=False)
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)

    class Meta:
        verbose_name = _("approved translation")
        verbose_name_plural = _("approved translations")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.origin


class GlossaryTerm(models.Model):
    """A term pair translators keep to: the English term and the Chinese agreed for it."""

    english = models.CharField(
        _("English"),
        max_length=120,
        unique=True,
        help_text=_("The term as it appears in English, e.g. “attachment”."),
    )
    chinese = models.CharField(
        _("Chinese"), max_length=120, help_text=_("The agreed Chinese, e.g. “依恋”.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("When to use it, or what to avoid."))

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["english"]

    def __str__(self):
        return f"{self.english} / {self.chinese}"


class ReaderDocument(models.Model):
    """A live page's API response in one language, built once after it changes (cms.documents).

    Valid while the page's live revision is `revision_id` and `stamp` is the current one (the
    build key and the shared content version): reads check both in the query that finds it.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="reader_documents",
    )
    kind = models.CharField(_("kind"), max_length=32)
    locale = models.CharField(_("locale"), max_length=10)
    revision_id = models.BigIntegerField(_("revision"), null=True)
    stamp = models.CharField(_("stamp"), max_length=64)
    body = models.BinaryField(_("body"))
    built_at = models.DateTimeField(_("built at"), auto_now=True)

    class Meta:
        verbose_name = _("reader document")
        verbose_name_plural = _("reader documents")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind", "locale"], name="one_reader_document_per_kind_and_locale"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.kind} ({self.locale})"


class SearchDocument(models.Model):
    """One page in one language, as the search index holds it.

    `tokens` are jieba words and English stems separated by spaces, built by cms.search.tokens;
    Chinese documents hold only approved Chinese, never English fallbacks.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="search_index_entries",
    )
    locale = models.CharField(_("locale"), max_length=10)
    title = models.TextField(_("title"))
    text = models.TextField(_("text"))
    title_tokens = models.TextField(_("title tokens"))
    tokens = models.TextField(_("tokens"))
    # PostgreSQL only: the tokens as a stored tsvector, behind a GIN index.
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)
    path = models.CharField(_("path"), max_length=500, blank=True)
    api_url = models.CharField(_("API URL"), max_length=500, blank=True)
    page_type = models.CharField(_("page type"), max_length=100)
    published_at = models.DateTimeField(_("published at"), null=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "locale"], name="one_search_document_per_locale"
            )
        ]
        indexes = [models.Index(fields=["locale"])]

    def __str__(self):
        return f"{self.page_id} ({self.locale})"
