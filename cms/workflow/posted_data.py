"""An admin form's posted data checked before Wagtail reads it: damaged or crafted data is an
error on its field, never a 500, and nothing is saved.

Wagtail reads a StreamField or ListBlock by its `-count` with int() and `data[...]`, looks a
chooser's posted id up, and converts Draftail's ContentState as posted: a count that is not a
number or exceeds the items sent, an id that is not one, or ContentState referring to a missing
entity raised. Here the posted data is walked as Wagtail reads it, for every block type and
every field; a damaged field shows its initial value again, with the error.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.blocks.base import BlockField

DAMAGED = gettext_lazy(
    "What was sent for this field is damaged (%(problem)s), so nothing was saved. Reload the "
    "page and make the change again."
)


class Damaged(Exception):
    pass


def _number(data, key, at_least=None):
    try:
        number = int(data[key])
    except (KeyError, ValueError):
        raise Damaged(_("“%(key)s” is not a whole number") % {"key": key}) from None
    if at_least is not None and number < at_least:
        raise Damaged(_("“%(key)s” is less than %(least)s") % {"key": key, "least": at_least})
    return number


def _items(data, prefix, block_of):
    """The items of a StreamBlock or ListBlock; `block_of(item)` is an item's block, or None
    for a block type the stream does not have (Wagtail skips it)."""
    count = _number(data, f"{prefix}-count", at_least=0)
    for index in range(count):
        item = f"{prefix}-{index}"
        if f"{item}-deleted" not in data:
            raise Damaged(
                _("“%(key)s” counts more items than were sent") % {"key": f"{prefix}-count"}
            )
        if data[f"{item}-deleted"]:
            continue
        block = block_of(item)
        if block is not None:
            _number(data, f"{item}-order")
            check_block(block, data, f"{item}-value")


def _stream_child(stream, data, item):
    if f"{item}-type" not in data:
        raise Damaged(_("“%(key)s” is missing") % {"key": f"{item}-type"})
    return stream.child_blocks.get(data[f"{item}-type"])


def _chooser(id_field, data, key):
    value = data.get(key)
    if value in (None, ""):
        return
    try:
        id_field.to_python(value)
    except ValidationError as error:
        raise Damaged(
            _("“%(key)s” is not the id of any %(model)s")
            % {"key": key, "model": id_field.model._meta.verbose_name}
        ) from error


def _rich_text(widget, data, key):
    # Both need the app registry (this module is imported with the models).
    from wagtail.admin.rich_text import DraftailRichTextArea

    from cms.rich_text_editor import contentstate_problem

    if isinstance(widget, DraftailRichTextArea):
        if problem := contentstate_problem(data.get(key)):
            raise Damaged(
                _("the rich text in “%(key)s” cannot be read: %(problem)s")
                % {"key": key, "problem": problem}
            )


def check_block(block, data, prefix):
    """Raise Damaged where Wagtail's `block.value_from_datadict(data, {}, prefix)` would fail."""
    if isinstance(block, blocks.StreamBlock):
        _items(data, prefix, lambda item: _stream_child(block, data, item))
    elif isinstance(block, blocks.ListBlock):
        _items(data, prefix, lambda item: block.child_block)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            check_block(child, data, f"{prefix}-{name}")
    elif isinstance(block, blocks.ChooserBlock):
        _chooser(block.model_class._meta.pk, data, prefix)
    elif isinstance(block, blocks.RichTextBlock):
        _rich_text(block.field.widget, data, prefix)


def check_field(field, data, key):
    """Raise Damaged where reading form `field` posted under `key` would fail."""
    if isinstance(field, BlockField):
        check_block(field.block, data, key)
    elif isinstance(field, forms.ModelChoiceField) and not isinstance(
        field, forms.ModelMultipleChoiceField
    ):
        meta = field.queryset.model._meta
        _chooser(meta.get_field(field.to_field_name) if field.to_field_name else meta.pk, data, key)
    else:
        _rich_text(field.widget, data, key)


class PostedDataGuardMixin:
    """For an admin model form: checks what was posted (`check_field`); a damaged field gets its
    initial value in place of what was posted, and the error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.damaged = {}
        if not self.is_bound:
            return
        for name, field in self.fields.items():
            if field.disabled:  # what was posted is ignored
                continue
            try:
                check_field(field, self.data, self.add_prefix(name))
            except Damaged as problem:
                self.damaged[self.add_prefix(name)] = (name, str(problem))

    def _widget_data_value(self, widget, html_name):
        # Django reads every posted value through this (BoundField.data): cleaning and rendering.
        if html_name in self.damaged:
            name = self.damaged[html_name][0]
            return self.get_initial_for_field(self.fields[name], name)
        return super()._widget_data_value(widget, html_name)

    def clean(self):
        for name, problem in self.damaged.values():
            self.add_error(
                name, ValidationError(DAMAGED, code="damaged", params={"problem": problem})
            )
        return super().clean()
