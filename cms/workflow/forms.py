"""Admin forms that let translators change Chinese only, enforced on the server."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.base import BlockField

from cms.workflow.translation_approval import SOURCE_PERMISSION

TRANSLATION_SUFFIX = "_zh_hans"


BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def _round_trip(widget, html):
    """Rich text as the editor would send it back (its random block keys left out)."""
    html = widget.value_from_datadict({"value": widget.format_value(html or "")}, {}, "value")
    return BLOCK_KEY.sub("", html or "")


def _comparable(block, raw):
    if isinstance(block, blocks.StreamBlock):
        return [
            (
                item.get("id"),
                item["type"],
                _comparable(block.child_blocks[item["type"]], item["value"]),
            )
            for item in raw or []
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            _comparable(block.child_block, item["value"] if isinstance(item, dict) else item)
            for item in raw or []
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: _comparable(child, (raw or {}).get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return _round_trip(block.field.widget, raw)
    return "" if raw is None else raw  # an optional value left out is the empty value


def _changed(field, initial, cleaned):
    from wagtail.admin.rich_text import DraftailRichTextArea  # needs the app registry

    if isinstance(field, BlockField):
        block = field.block
        return _comparable(block, block.get_prep_value(initial)) != _comparable(
            block, block.get_prep_value(cleaned)
        )
    if isinstance(field.widget, DraftailRichTextArea):
        return _round_trip(field.widget, initial) != BLOCK_KEY.sub("", cleaned or "")
    return True


class SourceLanguageGuardMixin:
    """A user without `edit_source_language` may change *_zh_hans fields and nothing else.

    Checked on what was posted, so a crafted request is refused exactly like the form.
    """

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.has_perm(SOURCE_PERMISSION):
            return cleaned_data
        for name in self.changed_data:
            if name.endswith(TRANSLATION_SUFFIX) or name not in self.fields:
                continue
            field = self.fields[name]
            initial = self.get_initial_for_field(field, name)
            if not _changed(field, initial, cleaned_data.get(name)):
                continue
            self.add_error(
                name,
                ValidationError(
                    _("You can change only the Chinese (zh-hans) version; “%(field)s” is not."),
                    code="source_language_locked",
                    params={"field": field.label or name},
                ),
            )
        return cleaned_data


class StaleRevisionGuardMixin:
    """Refuse a save based on a revision that is no longer the latest one, unless that newer
    revision is the editor's own.

    Wagtail 8 refuses such a save only when the editor's background (JSON) save sends it; an
    ordinary form submission silently replaced the other editor's newer revision. The same
    check as Wagtail's `is_out_of_date` makes it a form error instead: the editor keeps their
    input, sees the warning, and the form shown again carries the latest revision, so saving
    once more replaces the other version deliberately.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self._is_out_of_date():
            raise ValidationError(
                _(
                    "Someone else saved this page after you opened it, so your changes were "
                    "not saved. Check the latest version in the page history; to replace it "
                    "with your version, save again."
                ),
                code="stale_revision",
            )
        return cleaned_data

    def _is_out_of_date(self):
        from wagtail.models import Page

        latest = (
            Page.objects.filter(pk=self.instance.pk)
            .values_list(
                "latest_revision_id", "latest_revision__created_at", "latest_revision__user_id"
            )
            .first()
        )
        if latest is None or latest[0] is None:
            return False
        user = getattr(self, "for_user", None)
        if user is not None and latest[2] == user.pk:
            # The editor's own newer revision, typically Wagtail's background save still in
            # flight when they pressed Save: nobody else's work is replaced.
            return False
        latest_id, latest_created_at = str(latest[0]), latest[1].isoformat()
        if overwrite_id := self.data.get("overwrite_revision_id"):
            return overwrite_id != latest_id
        if loaded_id := self.data.get("loaded_revision_id"):
            return loaded_id != latest_id or (
                self.data.get("loaded_revision_created_at", "") != latest_created_at
            )
        return False  # nothing to compare with (a form from elsewhere): as Wagtail does


class GuardedPageForm(StaleRevisionGuardMixin, SourceLanguageGuardMixin, WagtailAdminPageForm):
    pass


class GuardedModelForm(SourceLanguageGuardMixin, WagtailAdminModelForm):
    pass
