"""Translation segments: every piece of English text on a page, and its Chinese counterpart.

A segment is one translatable field, or one text leaf inside a StreamField, matched between
`body_en` and `body_zh_hans` by block id (list items by their id, or position when they have
none). Its key is stable across edits, e.g. `title` or `body.<block-id>.steps.<item-id>.focus`.
"""

import copy
import hashlib
from dataclasses import dataclass

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from cms.i18n.fields import translation_field_names
from cms.streams import TEXT_BLOCKS


def segment_field_names(model):
    """Translated fields that are segments: what a translator writes, but the slug."""
    return [name for name in translation_field_names(model) if name != "slug"]


@dataclass(frozen=True)
class Segment:
    key: str
    field: str
    path: str  # for people: body[3] › steps[1] › actions[0]
    source: str
    target: str
    rich: bool


def source_hash(text):
    return hashlib.sha1((text or "").encode(), usedforsecurity=False).hexdigest()[:16]


def _value(item):
    return item.get("value") if isinstance(item, dict) and "type" in item else item


def _item_key(item, index):
    return item.get("id") if isinstance(item, dict) and item.get("id") else str(index)


def _find_item(items, key, index):
    for position, item in enumerate(items or []):
        if _item_key(item, position) == key:
            return item
    return None


def _raw(page, field_name, suffix):
    value = getattr(page, f"{field_name}_{suffix}", None)
    if value is None:
        return []
    return list(value.raw_data) if hasattr(value, "raw_data") else list(value)


def _walk(block, source, target, key, path, rich_text=False):
    """Yield (key, path, source, target, rich) for every text leaf under `block`."""
    if isinstance(block, blocks.StreamBlock):
        for index, item in enumerate(source or []):
            child = block.child_blocks.get(item.get("type"))
            if child is None:
                continue
            counterpart = _find_item(target, item.get("id"), None) if item.get("id") else None
            yield from _walk(
                child,
                item.get("value"),
                _value(counterpart) if counterpart else None,
                f"{key}.{item.get('id')}",
                f"{path}[{index}] ({child.name})",
            )
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(source or []):
            item_key = _item_key(item, index)
            counterpart = _find_item(target, item_key, index)
            yield from _walk(
                block.child_block,
                _value(item),
                _value(counterpart) if counterpart is not None else None,
                f"{key}.{item_key}",
                f"{path}[{index}]",
            )
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _walk(
                child,
                (source or {}).get(name),
                (target or {}).get(name) if isinstance(target, dict) else None,
                f"{key}.{name}",
                f"{path} › {name}",
            )
    elif isinstance(block, TEXT_BLOCKS):
        if isinstance(source, str) and source.strip():
            rich = isinstance(block, blocks.RichTextBlock)
            yield key, path, source, target if isinstance(target, str) else "", rich


def page_segments(page):
    """Every segment of `page` whose English is not empty, in reading order."""
    segments = []
    for name in segment_field_names(type(page)):
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            source, target = _raw(page, name, "en"), _raw(page, name, "zh_hans")
            for key, path, text, translation, rich in _walk(
                field.stream_block, source, target, name, name
            ):
                segments.append(Segment(key, name, path, text, translation, rich))
            continue
        source = getattr(page, f"{name}_en", None) or ""
        if str(source).strip():
            target = getattr(page, f"{name}_zh_hans", None) or ""
            rich = isinstance(field, RichTextField)
            segments.append(Segment(name, name, name, str(source), str(target), rich))
    return segments


def set_targets(page, translations):
    """Write {segment key: Chinese} into `page` in memory, copying English structure as needed.

    Returns the keys that are not segments of the page.
    """
    unknown = []
    streams = {}
    for key, text in translations.items():
        field_name = key.split(".", 1)[0]
        field = _field(page, field_name)
        if field is None:
            unknown.append(key)
        elif isinstance(field, StreamField):
            if field_name not in streams:
                streams[field_name] = _raw(page, field_name, "zh_hans")
            if not _set_in_stream(page, field, streams[field_name], key, text):
                unknown.append(key)
        elif "." in key:
            unknown.append(key)
        else:
            setattr(page, f"{field_name}_zh_hans", text)
    for field_name, raw in streams.items():
        setattr(page, f"{field_name}_zh_hans", raw)
    return unknown


def _field(page, name):
    if name not in segment_field_names(type(page)):
        return None
    return page._meta.get_field(name)


def _set_in_stream(page, field, target_items, key, text):
    """Set one leaf in the Chinese stream; missing blocks are copied from English first."""
    parts = key.split(".")[1:]
    if not parts:
        return False
    source_items = _raw(page, field.name, "en")
    block_id = parts[0]
    source_block = _find_item(source_items, block_id, None)
    if source_block is None:
        return False
    target_block = _find_item(target_items, block_id, None)
    if target_block is None:
        target_block = copy.deepcopy(source_block)
        position = next(i for i, item in enumerate(source_items) if item.get("id") == block_id)
        target_items.insert(min(position, len(target_items)), target_block)
    child = field.stream_block.child_blocks.get(source_block["type"])
    if child is None:
        return False
    container = target_block
    value_key = "value"
    source_node = source_block["value"]
    for part in parts[1:]:
        node = container[value_key]
        if (
            isinstance(child, blocks.StructBlock)
            and isinstance(node, dict)
            and part in child.child_blocks
        ):
            child = child.child_blocks[part]
            source_node = (source_node or {}).get(part)
            if node.get(part) is None:
                node[part] = copy.deepcopy(source_node)
            container, value_key = node, part
        elif isinstance(child, blocks.ListBlock) and isinstance(node, list):
            item = _find_item(node, part, None)
            source_item = _find_item(source_node or [], part, None)
            if item is None and source_item is not None:
                item = copy.deepcopy(source_item)
                node.append(item)
            if item is None:
                return False
            child = child.child_block
            source_node = _value(source_item)
            if isinstance(item, dict) and "type" in item:
                container, value_key = item, "value"
            else:
                index = node.index(item)
                container, value_key = node, index
        else:
            return False
    if not isinstance(child, TEXT_BLOCKS):
        return False
    container[value_key] = text
    return True


def copy_missing_blocks(page):
    """Give every English block a Chinese counterpart (a copy, same id), in English order."""
    for name in segment_field_names(type(page)):
        if not isinstance(page._meta.get_field(name), StreamField):
            continue
        english, chinese = _raw(page, name, "en"), _raw(page, name, "zh_hans")
        by_id = {item.get("id"): item for item in chinese}
        merged = [by_id.get(item.get("id")) or copy.deepcopy(item) for item in english]
        english_ids = {item.get("id") for item in english}
        merged += [item for item in chinese if item.get("id") not in english_ids]
        setattr(page, f"{name}_zh_hans", merged)


def segment_validator(page, key):
    """What validates a segment's text as the editor's form would: its block (a stream leaf)
    or its model field. None for an unknown key."""
    field_name, _dot, rest = key.partition(".")
    field = _field(page, field_name)
    if field is None:
        return None
    if not isinstance(field, StreamField):
        return None if rest else field
    block, node = field.stream_block, _raw(page, field_name, "en")
    for part in rest.split(".") if rest else []:
        if isinstance(block, blocks.StreamBlock):
            item = _find_item(node, part, None)
            if item is None or item.get("type") not in block.child_blocks:
                return None
            block, node = block.child_blocks[item["type"]], item.get("value")
        elif isinstance(block, blocks.StructBlock) and part in block.child_blocks:
            block, node = block.child_blocks[part], (node or {}).get(part)
        elif isinstance(block, blocks.ListBlock):
            item = _find_item(node, part, None)
            block, node = block.child_block, _value(item) if item is not None else None
        else:
            return None
    return block if isinstance(block, TEXT_BLOCKS) else None
