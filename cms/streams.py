"""StreamField raw data: the one walker over it, and laying a translation over its English.

Raw data is what a StreamField stores: a stream is a list of {"type", "id", "value"}; a list
block's items are {"type": "item", "id", "value"} (or bare values, in data stored before list
items had ids); a struct is a dict. Both languages of a page share block and item ids, so a
Chinese block is matched to its English source by id at every level, never by position.

`rebuild` is the walker: it goes through one stream (and, matched by id, a second one) block by
block and builds a new one, asking a function what each leaf becomes. Aligning a translation,
the shared skeleton, text as readers see it and the list of a stream's texts are all built on
it; so is every other walk over stream data in the project (segments, API output, form checks).
"""

import re
from dataclasses import dataclass

from wagtail import blocks

# Leaves that hold words a translator translates. Everything else (numbers, dates, URLs,
# choices, page and snippet choices) is shared between the languages and comes from English.
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def raw_items(value):
    """The raw block list of a StreamValue, a ListValue or plain stored JSON."""
    return list(value.raw_data) if hasattr(value, "raw_data") else list(value or [])


def is_item(item):
    return isinstance(item, dict) and "value" in item


def item_value(item):
    """A list item's value, whether stored as {"type", "value", "id"} or as the bare value."""
    return item["value"] if is_item(item) else item


def item_id(item, index):
    """A list item's block id, or its position when it was stored without one."""
    return item.get("id") if isinstance(item, dict) and item.get("id") else str(index)


def find_item(items, key):
    """The item of `items` whose id (or, stored without one, position) is `key`."""
    for position, item in enumerate(items or []):
        if item_id(item, position) == key:
            return item
    return None


def is_text(block):
    return isinstance(block, TEXT_BLOCKS)


@dataclass(frozen=True)
class Leaf:
    """One leaf of a stream: a value that is neither a stream, a list nor a struct.

    `key` names it by ids, stable across edits (`<block id>.steps.<item id>.title`); `path`
    names it by position, as the API lists fallbacks (`[3].steps[1].title`); `trail` is the
    chain of (kind, block, position) from the top ("stream", "list" or "struct"; a struct
    child's position is None), for labels people read.
    """

    block: blocks.Block
    value: object
    counterpart: object
    key: str
    path: str
    trail: tuple


def _join(key, part):
    return f"{key}.{part}" if key else str(part)


def rebuild(block, raw, leaf, other=None, *, every_child=False, _key="", _path="", _trail=()):
    """`raw` rebuilt block by block, each leaf replaced by `leaf(Leaf)`.

    `other` is a second stream matched to `raw` by id (a translation, say): each Leaf carries
    its counterpart there, or None. Blocks and items of `other` with no match in `raw` are not
    visited. A struct keeps the children `raw` stores, or with `every_child` all of its block's
    children (a missing one as None), so two saves of the same content compare equal.
    """
    if isinstance(block, blocks.StreamBlock):
        by_id = {item.get("id"): item for item in other or [] if isinstance(item, dict)}
        rebuilt = []
        for index, item in enumerate(raw or []):
            if not isinstance(item, dict):
                continue
            child = block.child_blocks.get(item.get("type"))
            match = by_id.get(item.get("id"))
            if match is not None and match.get("type") != item.get("type"):
                match = None
            value = item.get("value")
            if child is not None:
                value = rebuild(
                    child,
                    value,
                    leaf,
                    (match or {}).get("value"),
                    every_child=every_child,
                    _key=_join(_key, item.get("id")),
                    _path=f"{_path}[{index}]",
                    _trail=(*_trail, ("stream", child, index)),
                )
            rebuilt.append({**item, "value": value})
        return rebuilt
    if isinstance(block, blocks.ListBlock):
        others = other if isinstance(other, list) else []
        rebuilt = []
        for index, item in enumerate(raw or []):
            key = item_id(item, index)
            match = find_item(others, key)
            value = rebuild(
                block.child_block,
                item_value(item),
                leaf,
                item_value(match) if match is not None else None,
                every_child=every_child,
                _key=_join(_key, key),
                _path=f"{_path}[{index}]",
                _trail=(*_trail, ("list", block.child_block, index)),
            )
            rebuilt.append({**item, "value": value} if is_item(item) else value)
        return rebuilt
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        other = other if isinstance(other, dict) else {}
        names = block.child_blocks if every_child else raw
        rebuilt = {}
        for name in names:
            child = block.child_blocks.get(name)
            if child is None:
                rebuilt[name] = raw[name]
                continue
            rebuilt[name] = rebuild(
                child,
                raw.get(name),
                leaf,
                other.get(name),
                every_child=every_child,
                _key=_join(_key, name),
                _path=f"{_path}.{name}",
                _trail=(*_trail, ("struct", child, None)),
            )
        return rebuilt
    return leaf(Leaf(block, raw, other, _key, _path, _trail))


def leaves(block, raw, other=None):
    """Every leaf of `raw` in reading order (with its counterpart in `other`)."""
    found = []

    def collect(leaf):
        found.append(leaf)
        return leaf.value

    rebuild(block, raw, collect, other)
    return found


def texts(block, raw):
    """Every text leaf's value in `raw`, in order."""
    return [leaf.value for leaf in leaves(block, raw) if is_text(leaf.block)]


def has_text(block, raw):
    return any(isinstance(text, str) and text.strip() for text in texts(block, raw))


def has_words(text):
    return isinstance(text, str) and bool(text.strip())


def align(block, source, target, for_readers=False):
    """`target` (a translation) in the shape of `source` (its English).

    The result has exactly the blocks, list items, ids, order and non-text values of `source`;
    target blocks and items with no English counterpart are dropped. Each text leaf holds the
    target's text at the same place (matched by id at every level):
    - for a draft, its text when it has any, else a copy of the English (the editor's form
      validates required fields in both languages, and a copy counts as untranslated);
    - `for_readers` (the live page), its text only where it translates the English, else
      nothing, so readers get the English and are told so.
    """

    def text(leaf):
        if not (is_text(leaf.block) and has_words(leaf.value)):
            return leaf.value
        if for_readers:
            return leaf.counterpart if is_translation(leaf.value, leaf.counterpart) else ""
        return leaf.counterpart if has_words(leaf.counterpart) else leaf.value

    return rebuild(block, source, text, target)


def localize(block, english, chinese):
    """What a Chinese reader reads of a stream: `english` with each text's Chinese (matched by
    id) where it translates the English, and the English elsewhere."""

    def text(leaf):
        if is_text(leaf.block) and is_translation(leaf.value, leaf.counterpart):
            return leaf.counterpart
        return leaf.value

    return rebuild(block, english, text, chinese)


def skeleton(block, raw):
    """`raw` with every text leaf left out: the part of a stream both languages share."""

    def shared(leaf):
        if is_text(leaf.block):
            return None
        return "" if leaf.value is None else leaf.value  # an optional value left out is empty

    return rebuild(block, raw, shared, every_child=True)


def reader_stream(block, raw):
    """Stream data as readers see it: what a form save adds (empty optional values, rich-text
    block keys) left out."""

    def readable(leaf):
        if is_text(leaf.block):
            return reader_text(leaf.value if isinstance(leaf.value, str) else "")
        return "" if leaf.value is None else leaf.value

    return rebuild(block, raw, readable, every_child=True)


BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
# The rich-text editor saves <strong>/<em> as <b>/<i>: the same text to a reader.
EQUIVALENT_TAGS = ((re.compile(r"<(/?)strong>"), r"<\1b>"), (re.compile(r"<(/?)em>"), r"<\1i>"))
SPACES = re.compile(r"\s+")


def reader_text(text):
    """Text as a reader sees it: rich text's random block keys, equivalent tags and runs of
    white space aside."""
    text = BLOCK_KEY.sub("", text or "")
    for pattern, replacement in EQUIVALENT_TAGS:
        text = pattern.sub(replacement, text)
    return SPACES.sub(" ", text).strip()


def is_translation(english, chinese):
    """Whether `chinese` translates `english`: empty text, or a copy of the English (as a
    prepared translation holds), is not a translation. The one definition of "translated"."""
    if not isinstance(chinese, str):
        return False
    return bool(reader_text(chinese)) and reader_text(chinese) != reader_text(english or "")


def reader_value(value):
    """A field's value (text, rich text or a stream) as readers see it, to compare two saves."""
    if hasattr(value, "stream_block"):
        return reader_stream(value.stream_block, raw_items(value))
    if isinstance(value, list):
        return [reader_value(item) for item in value]
    return reader_text(str(getattr(value, "source", value) or ""))
