"""The one publish service: what a publish puts live, in which language, and what follows.

The invariant: the live row of every page and snippet holds exactly what readers may see, the
approved English and the approved Chinese, and nothing with open content warnings goes live
unless someone acknowledged them for that revision (cms.workflow.acknowledgements). Unreviewed
Chinese lives only in revisions. So every read path (API v1 and v2, search, resolve, webhooks)
reads the live row and needs no overlay.

A publish has a scope:
- SOURCE (editorial approval, a reviewer's Publish, scheduled publishing, an English import)
  makes the revision's English and shared data live and keeps the live, approved Chinese;
- TRANSLATION (zh-hans translation approval, a Chinese import) makes the revision's Chinese
  live on top of the live English and shared data, and never publishes English;
- ALL (the system, e.g. the demo loader; a user who may do both) makes the whole revision live.

Every path that publishes ends here: the models' `publish()` (which bulk actions, revert, the
workflow and the scheduler call) is this service, and so are Wagtail's own publish actions, which
the page editor's Publish button and the admin API build directly (route_wagtail_publishes).
It is one transaction with the row locked first, so concurrent publishes of one object queue;
its side effects (content version, approval record, webhook events and CDN purges, search) are
each done once, the outside ones after commit.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import Page

from cms.i18n.fields import (
    align_chinese,
    chinese_field_names,
    chinese_values,
    keep_source,
    source_values,
)
from cms.i18n.locales import SOURCE as SOURCE_LANGUAGE
from cms.workflow.acknowledgements import record_pending, refusal, unacknowledged
from cms.workflow.publication_effects import after_publish
from cms.workflow.scopes import ALL, SOURCE, TRANSLATION, has_been_published
from cms.workflow.translation_approval import (
    APPROVE_PERMISSION,
    SOURCE_PERMISSION,
)


class PublishRefused(PermissionDenied):
    """The publish would put live what nobody reviewed; the message says why."""


def scope_for(user):
    """What a publish by `user` may put live: the system (no user) publishes everything."""
    if user is None:
        return ALL
    source, translation = user.has_perm(SOURCE_PERMISSION), user.has_perm(APPROVE_PERMISSION)
    if source and translation:
        return ALL
    if source:
        return SOURCE
    if translation:
        return TRANSLATION
    raise PublishRefused(_("You may not publish English or Chinese content."))


def live_row(obj):
    """A fresh copy of `obj`'s row, locked for this transaction (PostgreSQL; SQLite serialises
    writers anyway)."""
    model = type(obj)
    base = Page if isinstance(obj, Page) else model
    base.objects.select_for_update().filter(pk=obj.pk).values_list("pk").first()
    return model.objects.get(pk=obj.pk)


def compose(live, draft, scope):
    """The object to save as the live row when `draft` (a revision as an object) is published
    with `scope`; `live` is the row as it is now."""
    if scope == TRANSLATION:
        composed = live
        for name in chinese_field_names(type(live)):
            setattr(composed, name, getattr(draft, name))
    else:
        composed = draft
        if scope == SOURCE:
            approved = has_been_published(live)
            for name in chinese_field_names(type(live)):
                setattr(composed, name, getattr(live, name) if approved else None)
    align_chinese(composed, for_readers=True)
    if isinstance(composed, Page) and not composed.is_root():
        composed.set_url_path(composed.get_parent())  # each language's path from its slug
    return composed


class _ScopedPublish:
    """Wagtail's publish action, saving the composed object instead of the bare revision."""

    def __init__(self, revision, scope, live, **kwargs):
        super().__init__(revision, **kwargs)
        self.object = compose(live, self.object, scope)


class ScopedPagePublish(_ScopedPublish, PublishPageRevisionAction):
    pass


class ScopedPublish(_ScopedPublish, PublishRevisionAction):
    pass


def publish(
    obj,
    revision,
    *,
    user=None,
    scope=None,
    changed=True,
    log_action=True,
    previous_revision=None,
    skip_permission_checks=False,
):
    """Publish `revision` of `obj` (a page or snippet) with `scope` (by default, what `user`
    may publish)."""
    scope = scope or scope_for(user)
    action_class = ScopedPagePublish if isinstance(obj, Page) else ScopedPublish
    with transaction.atomic():
        live = live_row(obj)
        if scope == TRANSLATION and not has_been_published(live):
            raise PublishRefused(
                _(
                    "“%(object)s” has no published English yet: its Chinese can go live only on "
                    "top of reviewed English."
                )
                % {"object": live}
            )
        if warnings := unacknowledged(obj, revision, scope):
            raise PublishRefused(refusal(live, warnings))
        before = type(obj).objects.get(pk=obj.pk)
        action = action_class(
            revision,
            scope,
            live,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        )
        result = action.execute(skip_permission_checks=skip_permission_checks)
        live = action.object
        if live.live and live.live_revision_id == revision.pk:  # else scheduled for later
            after_publish(live, before, revision, scope, user)
            mark_unpublished_changes(live)
    return result


def mark_unpublished_changes(live):
    """The object has unpublished changes when its latest revision holds what its live row
    does not, such as Chinese still in review after an English publish."""
    latest = live.get_latest_revision()
    if latest is None:
        return
    draft = latest.as_object()
    align_chinese(draft, for_readers=True)
    pending = source_values(draft) != source_values(live) or (
        chinese_values(draft) != chinese_values(live)
    )
    if pending != live.has_unpublished_changes:
        live.has_unpublished_changes = pending
        type(live).objects.filter(pk=live.pk).update(has_unpublished_changes=pending)


def in_source_language():
    """Wagtail's bookkeeping in English, whatever the user's admin language.

    Wagtail copies a page's `title` into `draft_title` (which the explorer, the dashboard and
    the editor's header show) and into a revision's name, and Django writes each translated
    field's own column (`title`, `slug`, `url_path`, ...) from it: modeltranslation makes
    `title` read the active language. English is the source, so those hold English for
    everyone, whoever saves.
    """
    return translation.override(SOURCE_LANGUAGE)


class PublicationMixin:
    """Put before Page (or DraftStateMixin) in a model's bases: its publish() is the service;
    whoever saves, Wagtail's own copies of the title are English (in_source_language)."""

    def publish(self, revision, user=None, scope=None, **kwargs):
        return publish(self, revision, user=user, scope=scope, **kwargs)

    publish.alters_data = True

    def publish_source(self, revision, user=None):
        """Editorial approval: the revision's English goes live; the workflow has checked that
        the user may approve, so publishing is not checked again."""
        return self.publish(revision, user=user, scope=SOURCE, skip_permission_checks=True)

    def publish_translation(self, revision, user=None):
        """Translation approval: the revision's Chinese goes live on the live English."""
        return self.publish(revision, user=user, scope=TRANSLATION, skip_permission_checks=True)

    def changes_only_chinese(self, revision):
        """Whether `revision`'s English and shared data equal this live object's."""
        draft = revision.as_object()
        return has_been_published(self) and source_values(draft) == source_values(self)

    def save_revision(self, *args, user=None, **kwargs):
        # Whatever the path (a form, a revert through the admin API, an import), a translator's
        # revision keeps the English and shared data of the latest one: only Chinese changes.
        if user is not None and not user.has_perm(SOURCE_PERMISSION):
            latest = self.get_latest_revision()
            if latest is not None:
                keep_source(self, latest.as_object())
        # A draft's Chinese keeps the English structure, whoever saves it (cms.streams.align).
        align_chinese(self)
        if kwargs.pop("clean", True):
            self.full_clean()  # its messages in the user's language
        with in_source_language():
            revision = super().save_revision(*args, user=user, clean=False, **kwargs)
        record_pending(self, revision)  # a note the form took on the content warnings
        return revision

    save_revision.alters_data = True

    def save(self, *args, **kwargs):
        if isinstance(self, Page) and translation.get_language() != SOURCE_LANGUAGE:
            if not self._state.adding and kwargs.get("update_fields") is None:
                # Wagtail's save recomputes the URL path when the slug of the language it
                # reads changed; it reads English here, so a Chinese slug's path is done now.
                self.set_url_path(self.get_parent())
        with in_source_language():
            if isinstance(self, Page) and self.alias_of_id:
                self.draft_title = self.title  # an alias has no drafts: its title, in English
            return super().save(*args, **kwargs)

    save.alters_data = True

    def create_alias(self, *args, **kwargs):
        with in_source_language():  # `update_slug` names the English slug
            return super().create_alias(*args, **kwargs)

    create_alias.alters_data = True

    def update_aliases(self, *, revision=None, _content=None, _updated_ids=None):
        # Pages only. Aliases follow the live row as composed, never a revision's own content.
        with in_source_language():  # (their draft_title is their title)
            return super().update_aliases(revision=revision, _updated_ids=_updated_ids)

    update_aliases.alters_data = True

    def get_latest_revision_as_object(self):
        # The working copy is the latest revision, always: Wagtail would take the live row
        # when nothing is unpublished, but the live row holds only approved Chinese.
        revision = self.get_latest_revision()
        return revision.as_object() if revision else super().get_latest_revision_as_object()


__all__ = ["ALL", "SOURCE", "TRANSLATION", "PublicationMixin", "has_been_published", "publish"]


def route_wagtail_publishes():
    """Make Wagtail's own publish actions use this service.

    The page editor and the admin API build Wagtail's PublishPageRevisionAction themselves
    instead of calling the model's publish(); without this, they would put a bare revision
    (with its unreviewed Chinese) live. Called once, from the app's ready().
    """
    original = PublishRevisionAction.execute

    def execute(self, skip_permission_checks=False):
        if isinstance(self, _ScopedPublish) or not isinstance(self.object, PublicationMixin):
            return original(self, skip_permission_checks=skip_permission_checks)
        return publish(
            self.object,
            self.revision,
            user=self.user,
            changed=self.changed,
            log_action=self.log_action,
            previous_revision=self.previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    PublishRevisionAction.execute = execute
