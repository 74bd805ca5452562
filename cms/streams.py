"""StreamField raw data: item helpers, and laying a translation over its English source.

Raw data is what a StreamField stores: a stream is a list of {"type", "id", "value"}; a list
block's items are {"type": "item", "id", "value"} (or bare values, in data stored before list
items had ids); a struct is a dict. Both languages of a page share block and item ids, so a
Chinese block is matched to its English source by id at every level, never by position.
"""

import re

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
    if isinstance(block, blocks.StreamBlock):
        by_id = {item.get("id"): item for item in target or [] if isinstance(item, dict)}
        aligned = []
        for item in source or []:
            child = block.child_blocks.get(item.get("type"))
            counterpart = by_id.get(item.get("id"))
            if counterpart is not None and counterpart.get("type") != item.get("type"):
                counterpart = None
            value = item.get("value")
            if child is not None:
                value = align(child, value, (counterpart or {}).get("value"), for_readers)
            aligned.append({**item, "value": value})
        return aligned
    if isinstance(block, blocks.ListBlock):
        target_items = target if isinstance(target, list) else []
        aligned = []
        for index, item in enumerate(source or []):
            counterpart = find_item(target_items, item_id(item, index))
            value = align(
                block.child_block,
                item_value(item),
                item_value(counterpart) if counterpart is not None else None,
                for_readers,
            )
            aligned.append({**item, "value": value} if is_item(item) else value)
        return aligned
    if isinstance(block, blocks.StructBlock):
        target = target if isinstance(target, dict) else {}
        return {
            name: align(block.child_blocks[name], value, target.get(name), for_readers)
            if name in block.child_blocks
            else value
            for name, value in (source or {}).items()
        }
    if is_text(block) and isinstance(source, str) and source.strip():
        if for_readers:
            return target if is_translation(source, target) else ""
        return target if isinstance(target, str) and target.strip() else source
    return source


def texts(block, raw):
    """Every text leaf's value in `raw`, in order."""
    if isinstance(block, blocks.StreamBlock):
        for item in raw or []:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from texts(child, item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in raw or []:
            yield from texts(block.child_block, item_value(item))
    elif isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        for name, child in block.child_blocks.items():
            yield from texts(child, raw.get(name))
    elif is_text(block) and isinstance(raw, str):
        yield raw


def has_text(block, raw):
    return any(text.strip() for text in texts(block, raw))


def skeleton(block, raw):
    """`raw` with every text leaf left out: the part of a stream both languages share."""
    if isinstance(block, blocks.StreamBlock):
        return [
            (
                item.get("type"),
                item.get("id"),
                skeleton(block.child_blocks[item["type"]], item.get("value"))
                if item.get("type") in block.child_blocks
                else item.get("value"),
            )
            for item in raw or []
            if isinstance(item, dict)
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            (item_id(item, index), skeleton(block.child_block, item_value(item)))
            for index, item in enumerate(raw or [])
        ]
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return {
            name: skeleton(child, raw.get(name))
            for name, child in block.child_blocks.items()
            if not is_text(child)
        }
    if is_text(block):
        return None
    return "" if raw is None else raw  # an optional value left out is the empty value


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
    prepared translation holds), is not a translation."""
    return bool(reader_text(chinese)) and reader_text(chinese) != reader_text(english)


def reader_value(value):
    """A field's value (text, rich text or a stream) as readers see it, to compare two saves."""
    if hasattr(value, "stream_block"):
        return reader_stream(value.stream_block, raw_items(value))
    if isinstance(value, list):
        return [reader_value(item) for item in value]
    return reader_text(str(getattr(value, "source", value) or ""))


def reader_stream(block, raw):
    """Stream data as readers see it: what a form save adds (empty optional values, rich-text
    block keys) left out."""
    if isinstance(block, blocks.StreamBlock):
        return [
            (item.get("type"), item.get("id"), reader_stream(child, item.get("value")))
            for item in raw or []
            if isinstance(item, dict) and (child := block.child_blocks.get(item.get("type")))
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            (item_id(item, index), reader_stream(block.child_block, item_value(item)))
            for index, item in enumerate(raw or [])
        ]
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return {
            name: reader_stream(child, raw.get(name)) for name, child in block.child_blocks.items()
        }
    if is_text(block):
        return reader_text(raw if isinstance(raw, str) else "")
    return "" if raw is None else raw
