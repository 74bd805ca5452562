"""Ways into translation from the admin: two dashboard panels, and "Translate" links from the
page explorer and from snippets.

- "Needs translation" (translators, translation reviewers, superusers): pages and snippets
  whose Chinese has missing or outdated segments, newest English change first.
- "Awaiting translation review" (whoever may approve Chinese): what is at the zh-hans
  translation review task of its workflow, with how complete its Chinese is.

Both panels read a fixed number of queries however many rows they list.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page, Revision, RevisionMixin, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import get_snippet_models

from cms.i18n.segments import segment_field_names
from cms.models import TranslationReviewTask, TranslationStatus
from cms.translate.links import translate_url
from cms.workflow import roles
from cms.workflow.translation_approval import APPROVE_PERMISSION, SOURCE_PERMISSION

PANEL_ROWS = 10
TRANSLATE_LABEL = _("Translate (zh-hans)")
TRANSLATING_ROLES = (roles.TRANSLATORS, roles.TRANSLATION_REVIEWERS)


# Who sees what ------------------------------------------------------------------------------


def translates(user):
    """Whether translating is `user`'s job: a translator, a translation reviewer or a superuser.

    Editors and reviewers may change Chinese too, but their work is the English: the panel of
    what needs translating would only crowd their dashboard."""
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=TRANSLATING_ROLES).exists()


def reviews_translations(user):
    return user.has_perm(APPROVE_PERMISSION)  # translation reviewers; superusers have every perm


def can_change_snippet(user, model):
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def translatable_snippet_models():
    return [model for model in get_snippet_models() if segment_field_names(model)]


# Rows -----------------------------------------------------------------------------------------


@dataclass
class Row:
    """One page or snippet in a panel."""

    title: str
    kind: str
    translate_url: str
    edit_url: str
    status: TranslationStatus | None
    when: datetime | None = None

    @property
    def completeness(self):
        return self.status.completeness if self.status else None


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def english_title(obj):
    """What the admin calls `obj` as of its latest revision (what a translator works on), in
    English whatever the admin's language: Wagtail's copies of it (a page's draft title, a
    revision's name) are written in English (cms.workflow.publishing.in_source_language)."""
    if isinstance(obj, Page):
        return obj.draft_title or obj.title_en
    if isinstance(obj, RevisionMixin) and obj.latest_revision_id:
        return obj.latest_revision.object_str  # selected with it (in_bulk_with_revisions)
    with translation.override("en"):
        return str(obj)


def kind_of(obj):
    """Its type for people: "guide page", "series", ..."""
    model = obj.specific_class if isinstance(obj, Page) else type(obj)
    return model._meta.verbose_name if model else ""


def snippets_by_status(statuses):
    """{status pk: snippet} for the snippets' statuses among `statuses`: one query per snippet
    model among them, however many rows there are."""
    wanted = {}
    for status in statuses:
        if status.page_id is None:
            wanted.setdefault(status.content_type_id, []).append(status)
    return _objects_of(wanted)


def _objects_of(wanted):
    """{row pk: object} for `wanted`, {content type id: [rows with an object_id]}: one query per
    model."""
    found = {}
    for content_type_id, rows in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        ids = [_pk_value(model, row.object_id) for row in rows]
        objects = in_bulk_with_revisions(model, ids)
        for row, pk in zip(rows, ids, strict=True):
            if pk in objects:
                found[row.pk] = objects[pk]
    return found


def in_bulk_with_revisions(model, ids):
    """{pk: object} of `model`, with each snippet's latest revision, in one query."""
    queryset = model._default_manager.all()
    if issubclass(model, RevisionMixin) and not issubclass(model, Page):
        queryset = queryset.select_related("latest_revision")
    return queryset.in_bulk([pk for pk in ids if pk is not None])


def _pk_value(model, object_id):
    try:
        return model._meta.pk.to_python(object_id)
    except ValidationError:  # a stale id of another type: nothing to find
        return None


def row_for(obj, status, when=None):
    return Row(
        title=english_title(obj),
        kind=kind_of(obj),
        translate_url=translate_url(obj),
        edit_url=edit_url(obj),
        status=status,
        when=when,
    )


# "Needs translation" --------------------------------------------------------------------------


def english_changed_at():
    """When each status's page or snippet last had a revision that may have changed its English.

    Not `TranslationStatus.updated_at`: that moves whenever the status is recomputed, and it is
    recomputed on every revision, including a translator's, and on every import or memory
    update. Not simply the latest revision either, which a translator's Chinese-only save moves
    too. A revision can change English only if its author may edit English
    (`cms.edit_source_language`: translators' revisions keep the English of the one before,
    cms.workflow.publishing) or has no author (imports, the demo loader). So: the latest such
    revision, falling back to the status's own time for something without revisions.
    """
    app_label, codename = SOURCE_PERMISSION.split(".")
    source_editors = get_user_model().objects.filter(
        Q(is_superuser=True)
        | Q(
            groups__permissions__content_type__app_label=app_label,
            groups__permissions__codename=codename,
        )
        | Q(
            user_permissions__content_type__app_label=app_label,
            user_permissions__codename=codename,
        )
    )
    english = Revision.objects.filter(
        Q(user__isnull=True) | Q(user__in=source_editors.values("pk"))
    )
    latest = ("-created_at", "-pk")
    of_page = english.filter(
        base_content_type_id=ContentType.objects.get_for_model(Page).pk,
        object_id=Cast(OuterRef("page_id"), output_field=CharField()),
    ).order_by(*latest)
    of_snippet = english.filter(
        content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id")
    ).order_by(*latest)
    return Coalesce(
        Subquery(of_page.values("created_at")[:1]),
        Subquery(of_snippet.values("created_at")[:1]),
        F("updated_at"),
    )


def statuses_to_translate(user):
    """Statuses of the pages and snippets `user` may change with missing or outdated Chinese,
    newest English change first."""
    editable_pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    snippet_types = [
        ContentType.objects.get_for_model(model).pk
        for model in translatable_snippet_models()
        if can_change_snippet(user, model)
    ]
    visible = Q(page__in=editable_pages.values("pk")) | Q(
        page__isnull=True, content_type_id__in=snippet_types
    )
    return (
        TranslationStatus.objects.filter(visible)
        .filter(Q(missing__gt=0) | Q(outdated__gt=0))
        .select_related("page")
        .defer("memory")
        .annotate(english_changed_at=english_changed_at())
        .order_by("-english_changed_at", "-pk")
    )


class NeedsTranslationPanel(Component):
    name = "needs_translation"
    template_name = "cms/panels/needs_translation.html"
    order = 205  # before Wagtail's own workflow panels (210, 220)

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        statuses = statuses_to_translate(user)
        listed = list(statuses[:PANEL_ROWS])
        snippets = snippets_by_status(listed)
        rows = []
        for status in listed:
            obj = status.page if status.page_id else snippets.get(status.pk)
            if obj is not None:
                rows.append(row_for(obj, status, status.english_changed_at))
        total = len(listed) if len(listed) < PANEL_ROWS else statuses.count()
        return {
            "rows": rows,
            "more": max(total - len(listed), 0),
            "report_url": reverse("cms_translations") + "?status=incomplete",
        }


# "Awaiting translation review" ----------------------------------------------------------------


def at_translation_review():
    """Workflow states in progress whose current task, in progress, is translation review;
    longest waiting first."""
    return (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            current_task_state__status=TaskState.STATUS_IN_PROGRESS,
            current_task_state__task__content_type=ContentType.objects.get_for_model(
                TranslationReviewTask
            ),
        )
        .select_related("current_task_state")
        .order_by("current_task_state__started_at", "pk")
    )


def objects_of(states):
    """{workflow state pk: its page or snippet}: one query for the pages and one per snippet
    model."""
    page_type = ContentType.objects.get_for_model(Page).pk
    wanted = {}
    for state in states:
        is_page = state.base_content_type_id == page_type
        wanted.setdefault(page_type if is_page else state.content_type_id, []).append(state)
    return _objects_of(wanted)


def statuses_of(objects):
    """{(content type id or None, id): status} of `objects` (pages and snippets), in one query."""
    pages = [obj.pk for obj in objects if isinstance(obj, Page)]
    condition = Q(page_id__in=pages)
    for obj in objects:
        if not isinstance(obj, Page):
            content_type = ContentType.objects.get_for_model(obj)
            condition |= Q(page__isnull=True, content_type=content_type, object_id=str(obj.pk))
    statuses = TranslationStatus.objects.filter(condition).defer("memory")
    return {
        (None, s.page_id) if s.page_id else (s.content_type_id, s.object_id): s for s in statuses
    }


def status_key(obj):
    if isinstance(obj, Page):
        return (None, obj.pk)
    return (ContentType.objects.get_for_model(obj).pk, str(obj.pk))


class AwaitingTranslationReviewPanel(Component):
    name = "awaiting_translation_review"
    template_name = "cms/panels/awaiting_translation_review.html"
    order = 206

    def get_context_data(self, parent_context):
        states = at_translation_review()
        listed = list(states[:PANEL_ROWS])
        objects = objects_of(listed)
        statuses = statuses_of(objects.values())
        rows = []
        for state in listed:
            obj = objects.get(state.pk)
            if obj is not None:
                status = statuses.get(status_key(obj))
                rows.append(row_for(obj, status, state.current_task_state.started_at))
        total = len(listed) if len(listed) < PANEL_ROWS else states.count()
        return {
            "rows": rows,
            "more": max(total - len(listed), 0),
            "workflows_url": reverse("wagtailadmin_reports:workflow"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_panels(request, panels):
    if translates(request.user):
        panels.append(NeedsTranslationPanel())
    if reviews_translations(request.user):
        panels.append(AwaitingTranslationReviewPanel())


# "Translate" links ----------------------------------------------------------------------------


class TranslatePageListingButton(PageMenuItem):
    """In a page's "More" menu of the explorer."""

    label = TRANSLATE_LABEL
    icon_name = "globe"

    @cached_property
    def url(self):
        return translate_url(self.page)

    def is_shown(self, user):
        page_class = self.page.specific_class
        return (
            page_class is not None
            and bool(segment_field_names(page_class))
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_listing_more_buttons")
def page_listing_translate_button(page, user, next_url=None):
    yield TranslatePageListingButton(page=page, priority=3)  # just after "Edit"


@hooks.register("register_snippet_listing_buttons")
def snippet_listing_translate_button(snippet, user, next_url=None):
    model = type(snippet)
    if segment_field_names(model) and can_change_snippet(user, model):
        yield MenuItem(TRANSLATE_LABEL, translate_url(snippet), icon_name="globe", priority=15)


class TranslateSnippetMenuItem(ActionMenuItem):
    """In the actions menu at the foot of a snippet's edit view: a link, not a submit."""

    name = "action-translate"
    label = TRANSLATE_LABEL
    icon_name = "globe"
    order = 150  # after saving, publishing and the workflow actions

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and instance is not None
            and can_change_snippet(context["request"].user, type(instance))
        )

    def get_url(self, parent_context):
        return translate_url(parent_context["instance"])


@hooks.register("register_snippet_action_menu_item")
def snippet_translate_menu_item(model):
    if segment_field_names(model):
        return TranslateSnippetMenuItem()
    return None
