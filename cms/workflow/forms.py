"""Admin forms that let translators change Chinese only, enforced on the server."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.utils.text import text_from_html

from cms.admin_language import EditorLanguageMediaMixin
from cms.i18n.fields import chinese, chinese_field_names, stream_field_names
from cms.i18n.links import link_targets
from cms.streams import BLOCK_KEY, rebuild, skeleton
from cms.workflow.acknowledgement_forms import AcknowledgeWarningsMixin
from cms.workflow.posted_data import PostedDataGuardMixin
from cms.workflow.translation_approval import SOURCE_PERMISSION


def _round_trip(widget, html):
    """Rich text as the editor would send it back (its random block keys left out)."""
    html = widget.value_from_datadict({"value": widget.format_value(html or "")}, {}, "value")
    return BLOCK_KEY.sub("", html or "")


def _comparable(block, raw):
    """Stream data as the editor would send it back: rich text round-tripped, empty optional
    values as empty."""

    def leaf(leaf):
        if isinstance(leaf.block, blocks.RichTextBlock):
            return _round_trip(leaf.block.field.widget, leaf.value)
        return "" if leaf.value is None else leaf.value

    return rebuild(block, raw, leaf, every_child=True)


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


def latest_version(instance):
    """What the user is changing: the latest revision (a revert's form holds an older one)."""
    if instance.pk is None:
        return None
    row = type(instance)._default_manager.get(pk=instance.pk)
    row = getattr(row, "specific", row)
    latest = getattr(row, "get_latest_revision_as_object", None)
    return latest() if latest else row


def _raw(block, value):
    return block.get_prep_value(value) if value is not None else []


SHARED = gettext_lazy("You can change only the Chinese (zh-hans) version; “%(field)s” is not.")
STRUCTURE = gettext_lazy(
    "In “%(field)s” you can change only the Chinese text: its blocks, their order, numbers, "
    "dates, links and choices come from the English."
)
LINKS = gettext_lazy(
    "“%(field)s” links somewhere its English does not: a translation may link only where the "
    "English links."
)


class SourceLanguageGuardMixin:
    """A user without `edit_source_language` (a translator) may change the Chinese text of
    what is there, and nothing else.

    Checked on what was posted against the latest revision, so a crafted request (a revert of
    an old revision included) is refused exactly like the form. In a Chinese StreamField the
    blocks, their ids and order, numbers, dates, links and choices are shared with the English:
    only its text may change. Chinese rich text may link only where its English links.
    """

    def clean(self):
        cleaned_data = super().clean()
        if may_change_source(getattr(self, "for_user", None)):
            return cleaned_data
        model = self._meta.model
        translations = chinese_field_names(model)
        streams = {chinese(name) for name in stream_field_names(model)}
        latest = self._initial_values_of(latest_version(self.instance))
        for name, field in self.fields.items():
            if name not in latest:
                continue
            initial, value = latest[name], cleaned_data.get(name)
            if name in translations:
                source = cleaned_data.get(name.removesuffix("_zh_hans") + "_en")
                problem = self._translation_problem(field, initial, value, source, name in streams)
            elif field.has_changed(initial, self[name].data) and _changed(field, initial, value):
                problem = SHARED
            else:
                problem = None
            if problem:
                self.add_error(
                    name,
                    ValidationError(
                        problem,
                        code="source_language_locked",
                        params={"field": field.label or name},
                    ),
                )
        return cleaned_data

    def _initial_values_of(self, obj):
        """{field name: its initial value} as the form would show `obj` (None: a new one)."""
        if obj is None:
            return dict.fromkeys(self.fields)
        kwargs = {"for_user": getattr(self, "for_user", None)}
        if hasattr(self, "parent_page"):
            kwargs["parent_page"] = self.parent_page
        form = type(self)(instance=obj, **kwargs)
        return {
            name: form.get_initial_for_field(form.fields[name], name)
            for name in self.fields
            if name in form.fields
        }

    @staticmethod
    def _translation_problem(field, initial, value, source, stream):
        if stream:
            block = field.block
            value, source = _raw(block, value), _raw(block, source)
            if skeleton(block, _raw(block, initial)) != skeleton(block, value):
                return STRUCTURE
        if link_targets(value or "") - link_targets(source or ""):
            return LINKS
        return None


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


def may_change_source(user):
    """Whether `user` may change English and shared data (not only the Chinese)."""
    return user is None or user.has_perm(SOURCE_PERMISSION)


class ReadOnlyText(forms.Widget):
    """Rich text or a StreamField shown as plain text, for a field the user may not change
    (their editors cannot simply be disabled). Like Wagtail's read-only panels, it shows text,
    not the stored HTML."""

    def __init__(self, block=None, attrs=None):
        super().__init__(attrs)
        self.block = block

    def render(self, name, value, attrs=None, renderer=None):
        if self.block is not None:
            content = format_html(
                '<ol class="cms-read-only__blocks">{}</ol>',
                format_html_join(
                    "",
                    '<li><span class="cms-read-only__label">{}</span> {}</li>',
                    (
                        (
                            child.block.label,
                            " ".join(child.block.get_searchable_content(child.value)),
                        )
                        for child in self._stream(value)
                    ),
                ),
            )
        else:
            content = text_from_html(value or "")
        return format_html(
            '<div class="w-field__textoutput cms-read-only" role="textbox" aria-readonly="true"'
            ' id="{}" data-cms-read-only-field="{}">{}</div>',
            (attrs or {}).get("id", f"id_{name}"),
            name,
            content or "—",
        )

    def _stream(self, value):
        if value is None:
            return []
        if not isinstance(value, blocks.StreamValue):
            value = self.block.to_python(value)
        return value

    def value_from_datadict(self, data, files, name):
        return None  # nothing is posted: the field is disabled, its value is its initial one


class SourceLanguageReadOnlyMixin:
    """For a user who may change only the Chinese (see SourceLanguageGuardMixin): the English
    and shared fields are disabled, so the editor shows them read-only and a posted value of
    them is ignored (Django keeps a disabled field's initial value). Rich text and
    StreamFields, whose editors ignore `disabled`, are shown as text."""

    # Wagtail's own per-user settings, not content.
    NOT_CONTENT = frozenset({"comment_notifications"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.admin.rich_text import DraftailRichTextArea  # needs the app registry

        self.source_read_only = not may_change_source(getattr(self, "for_user", None))
        if not self.source_read_only:
            return
        translations = chinese_field_names(self._meta.model)
        disabled = []
        for name, field in self.fields.items():
            if name in translations or name in self.NOT_CONTENT:
                continue
            field.disabled = True
            disabled.append(name)
            if isinstance(field, BlockField):
                field.widget = ReadOnlyText(block=field.block)
            elif isinstance(field.widget, DraftailRichTextArea):
                field.widget = ReadOnlyText()
            else:
                # Choosers and tags render their own buttons: the stylesheet greys them out.
                field.widget.attrs["data-cms-read-only"] = ""
        self._keep_latest_source(disabled)

    def _keep_latest_source(self, names):
        """Show (and keep) the latest revision's English and shared data, also in the form of
        an older revision (a revert): only its Chinese is the translator's to bring back."""
        latest = latest_version(self.instance)
        if latest is None or latest is self.instance:
            return
        for field in self._meta.model._meta.concrete_fields:
            if field.name in names and not field.many_to_many:
                self.initial[field.name] = field.value_from_object(latest)

    @property
    def media(self):
        media = super().media
        if getattr(self, "source_read_only", False):
            media += forms.Media(css={"all": ["cms/read_only_fields.css"]})
        return media


class GuardedPageForm(
    PostedDataGuardMixin,
    AcknowledgeWarningsMixin,
    StaleRevisionGuardMixin,
    SourceLanguageGuardMixin,
    SourceLanguageReadOnlyMixin,
    EditorLanguageMediaMixin,
    WagtailAdminPageForm,
):
    pass


class GuardedModelForm(
    PostedDataGuardMixin,
    SourceLanguageGuardMixin,
    SourceLanguageReadOnlyMixin,
    EditorLanguageMediaMixin,
    WagtailAdminModelForm,
):
    pass
