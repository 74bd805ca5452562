"""Revision compare that reads like the content (page history → Compare, and the workflow's
"Compare with live version" and "Compare with previous version").

Wagtail's own StreamField compare flattens nested lists and structs into one line of reprs
(`<ListValue: [...]>`). Here every block and list item is named as the Translate view and the
content warnings name it (cms.places), each text is a word diff, and added, removed and moved
items are said in words. It is registered for every StreamField, so modeltranslation's
`body_en` and `body_zh_hans` (StreamField subclasses) get it too; the heading of every
translated field names its language.
"""

import difflib
import re
from dataclasses import dataclass

from django.db import models
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.choices import flatten_choices
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from wagtail import blocks, hooks
from wagtail.admin import compare
from wagtail.fields import RichTextField, StreamField

from cms.i18n.diff import change_diff, plain
from cms.i18n.locales import LOCALE_NAMES
from cms.places import join_places, trail_places
from cms.streams import is_text, raw_items, reader_text, rebuild

ITEM_KINDS = ("stream", "list")  # trail steps that are a block or a list item, not a field
EXCERPT_CHARACTERS = 80
BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote)>")  # paragraphs read apart as text


class Version:
    """One side of a compare: its leaves by key (cms.streams.Leaf), in reading order, and the
    trail to each block and list item by the item's key."""

    def __init__(self, block, raw):
        self.leaves = {}
        self.items = {}

        def collect(leaf):
            self.leaves[leaf.key] = leaf
            for key, depth in item_keys(leaf):
                self.items.setdefault(key, leaf.trail[: depth + 1])
            return leaf.value

        rebuild(block, raw, collect, every_child=True)

    def position(self, key):
        return self.items[key][-1][2] + 1


def item_keys(leaf):
    """(key, depth in the trail) of each block and list item holding `leaf`, outermost first.
    A leaf's key has one part per step of its trail."""
    parts = leaf.key.split(".")
    return [
        (".".join(parts[: depth + 1]), depth)
        for depth, (kind, _block, _index) in enumerate(leaf.trail)
        if kind in ITEM_KINDS
    ]


def moved_items(a, b):
    """Keys of the items in both versions that changed place among their siblings: the fewest
    that explain the new order."""

    def siblings(version):
        by_parent = {}
        for key in version.items:
            by_parent.setdefault(key.rpartition(".")[0], []).append(key)
        return by_parent

    before, after = siblings(a), siblings(b)
    moved = set()
    for parent, keys in after.items():
        order_a = [key for key in before.get(parent, []) if key in b.items]
        order_b = [key for key in keys if key in a.items]
        matcher = difflib.SequenceMatcher(None, order_a, order_b, autojunk=False)
        kept = {key for m in matcher.get_matching_blocks() for key in order_a[m.a : m.a + m.size]}
        moved.update(set(order_b) - kept)
    return moved


def chooser_titles(*versions):
    """{(model, pk): title} of every page, snippet or image chosen in `versions`, one query
    per model."""
    wanted = {}
    for version in versions:
        for leaf in version.leaves.values():
            if isinstance(leaf.block, blocks.ChooserBlock) and leaf.value is not None:
                wanted.setdefault(leaf.block.model_class, set()).add(leaf.value)
    return {
        (model, pk): str(obj)
        for model, pks in wanted.items()
        for pk, obj in model.objects.in_bulk(pks).items()
    }


@dataclass
class Row:
    label: str
    html: str
    state: str  # "added", "removed", "changed", "moved" or "unchanged": a CSS modifier
    status: str = ""


@dataclass
class Section:
    """One top-level block: its heading, what happened to it, and its rows."""

    label: str
    state: str
    status: str
    excerpt: str
    rows: list

    @property
    def changed(self):
        return self.state != "unchanged"


class StreamComparison:
    """Two versions of a stream, block by block (see the module docstring)."""

    def __init__(self, block, raw_a, raw_b):
        self.a, self.b = Version(block, raw_a), Version(block, raw_b)
        self.moved = moved_items(self.a, self.b)
        self.titles = chooser_titles(self.a, self.b)

    def shown(self, leaf):
        """A leaf's value as people read it."""
        value, block = leaf.value, leaf.block
        if value is None:
            return ""
        if isinstance(block, blocks.RichTextBlock):
            return plain(BLOCK_END.sub(r"\g<0> ", value))
        if isinstance(block, blocks.ChooserBlock):
            return self.titles.get((block.model_class, value), "")
        if isinstance(block, blocks.ChoiceBlock):
            return str(dict(flatten_choices(block.field.choices)).get(value, value))
        return str(value)

    def same(self, key):
        leaf_a, leaf_b = self.a.leaves.get(key), self.b.leaves.get(key)
        if leaf_a is None or leaf_b is None:
            return not self.shown(leaf_a or leaf_b)

        def stored(leaf):
            return reader_text(leaf.value) if is_text(leaf.block) else (leaf.value or "")

        return stored(leaf_a) == stored(leaf_b)

    def status(self, key):
        """What happened to block or list item `key`: (state, words), or None."""
        if key not in self.a.items:
            return "added", _("Added")
        if key not in self.b.items:
            return "removed", _("Removed")
        if key in self.moved:
            position = self.a.position(key)
            return "moved", _("Moved from position %(position)s") % {"position": position}
        return None

    def keys(self):
        """Leaf keys of both versions in reading order: those of b, each leaf only in a placed
        after the leaf of a before it (one that stayed in place)."""
        after, anchor = {}, None
        for key, leaf in self.a.leaves.items():
            if key not in self.b.leaves:
                after.setdefault(anchor, []).append(key)
            elif not any(item in self.moved for item, _depth in item_keys(leaf)):
                anchor = key
        merged = list(after.get(None, []))
        for key in self.b.leaves:
            merged += [key, *after.get(key, [])]
        return merged

    @cached_property
    def sections(self):
        by_block = {}
        for key in self.keys():
            by_block.setdefault(key.partition(".")[0], []).append(key)
        return [self.section(block_key, keys) for block_key, keys in by_block.items()]

    def leaf(self, key):
        return self.b.leaves.get(key) or self.a.leaves[key]

    def section(self, block_key, keys):
        trail = (self.b.items.get(block_key) or self.a.items[block_key])[:1]
        label = join_places(trail_places(trail))
        excerpt = self.excerpt(next(filter(None, (self.shown(self.leaf(key)) for key in keys)), ""))
        status = self.status(block_key)
        if status and status[0] in ("added", "removed"):
            rows = [row for key in keys if (row := self.whole_row(key, status[0]))]
            return Section(label, status[0], status[1], "", rows)
        busy = self.busy(keys)
        if block_key not in busy:
            state, words = status or ("unchanged", _("Unchanged"))
            return Section(label, state, words, excerpt, [])
        state, words = status or ("changed", _("Changed"))
        return Section(label, state, words, "", self.rows(keys, busy))

    def busy(self, keys):
        """Keys of the blocks and list items with a change inside; a list item that was added,
        removed or moved counts as a change inside its block."""
        busy = set()
        for key in keys:
            chain = [item for item, _depth in item_keys(self.leaf(key))]
            if not self.same(key):
                busy.update(chain)
            for position, item in enumerate(chain[1:], start=1):
                if self.status(item):
                    busy.update(chain[: position + 1])
        return busy

    def rows(self, keys, busy):
        """A changed block's rows: a row per text, one line per unchanged list item, and a
        row naming each added, removed or moved item before its texts."""
        rows, shown_items = [], set()
        for key in keys:
            leaf = self.leaf(key)
            nested = item_keys(leaf)[1:]
            quiet = next((item for item, _depth in nested if item not in busy), None)
            if quiet is not None:
                if quiet not in shown_items:
                    shown_items.add(quiet)
                    rows.append(self.quiet_row(quiet, leaf))
                continue
            whole, own = None, None
            for item, depth in nested:
                status = self.status(item)
                if status and depth == len(leaf.trail) - 1:
                    own = status  # the leaf is the item (a list of texts): one row says both
                elif status and item not in shown_items:
                    shown_items.add(item)
                    rows.append(Row(self.label(leaf.trail[: depth + 1]), "", *status))
                if status and status[0] in ("added", "removed"):
                    whole = status[0]
                    break
            row = self.whole_row(key, whole) if whole else self.diff_row(key)
            if row and own:
                row.state, row.status = own
            if row:
                rows.append(row)
        return rows

    @staticmethod
    def excerpt(text):
        return Truncator(text).chars(EXCERPT_CHARACTERS)

    @staticmethod
    def label(trail):
        """A place inside a block, without the block's own name ("Step 2 · Action 1")."""
        places = trail_places(trail)
        return join_places(places[1:] or places)

    def quiet_row(self, item, leaf):
        trail = self.b.items.get(item) or self.a.items[item]
        text = self.excerpt(self.shown(leaf))
        return Row(self.label(trail), escape(text), "unchanged", _("Unchanged"))

    def whole_row(self, key, state):
        """A text of an added or removed item, all inserted or all struck."""
        leaf = self.leaf(key)
        text = self.shown(leaf)
        if not text:
            return None
        tag = "ins" if state == "added" else "del"
        return Row(self.label(leaf.trail), format_html("<{0}>{1}</{0}>", tag, text), state)

    def diff_row(self, key):
        leaf_a, leaf_b = self.a.leaves.get(key), self.b.leaves.get(key)
        if leaf_a is None or leaf_b is None:
            return self.whole_row(key, "added" if leaf_b else "removed")
        before, after = self.shown(leaf_a), self.shown(leaf_b)
        label = self.label(leaf_b.trail)
        if self.same(key):
            return Row(label, escape(self.excerpt(after)), "unchanged") if after else None
        if before == after:
            return Row(label, escape(after), "changed", _("Formatting changed"))
        if is_text(leaf_b.block):
            return Row(label, change_diff(before, after), "changed")
        html = format_html("<del>{}</del> <ins>{}</ins>", before, after)
        return Row(label, html, "changed")


class LanguageLabel:
    """A translated field's heading names its language: "Body (Simplified Chinese)"."""

    def field_label(self):
        language = LOCALE_NAMES.get(getattr(self.field, "language", None))
        if language is None:
            return super().field_label()
        name = capfirst(self.field.translated_field.verbose_name)
        return _("%(field)s (%(language)s)") % {"field": name, "language": language}


class ReadableStreamFieldComparison(LanguageLabel, compare.StreamFieldComparison):
    @cached_property
    def comparison(self):
        stream_block = self.field.stream_block
        return StreamComparison(stream_block, raw_items(self.val_a), raw_items(self.val_b))

    def has_changed(self):
        return any(section.changed for section in self.comparison.sections)

    def htmldiff(self):
        return render_to_string("cms/compare/stream.html", {"sections": self.comparison.sections})


class TextComparison(LanguageLabel, compare.TextFieldComparison):
    pass


class RichTextComparison(LanguageLabel, compare.RichTextFieldComparison):
    pass


compare.register_comparison_class(StreamField, comparison_class=ReadableStreamFieldComparison)
compare.register_comparison_class(RichTextField, comparison_class=RichTextComparison)
compare.register_comparison_class(models.CharField, comparison_class=TextComparison)
compare.register_comparison_class(models.TextField, comparison_class=TextComparison)


@hooks.register("insert_global_admin_css")
def compare_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/compare.css"))
