"""StreamField raw data for imports and demo content: building it from plain values, and keeping
block ids stable. (Walking stored raw data is cms.streams'.)

Both languages of a guide share block ids, so a Chinese block matches its English source.
"""

import uuid

from wagtail import blocks

BLOCK_ID_NAMESPACE = uuid.UUID("5b0f4b1e-8a0e-4b8f-9d7c-1f2e3d4c5b6a")


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, "/".join(str(part) for part in parts)))


def to_raw(block, value, seed, resolve_snippet=None):
    """Plain nested values -> raw data, with ids derived from `seed` (deterministic)."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child["type"],
                "id": block_id(seed, index),
                "value": to_raw(
                    block.child_blocks[child["type"]],
                    child["value"],
                    f"{seed}/{index}",
                    resolve_snippet,
                ),
            }
            for index, child in enumerate(value)
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {
                "type": "item",
                "id": block_id(seed, index),
                "value": to_raw(block.child_block, item, f"{seed}/{index}", resolve_snippet),
            }
            for index, item in enumerate(value)
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: to_raw(child, value.get(name), f"{seed}/{name}", resolve_snippet)
            for name, child in block.child_blocks.items()
            if name in value
        }
    if resolve_snippet is not None and isinstance(block, blocks.ChooserBlock):
        return resolve_snippet(value)
    return value


def _is_item_list(node):
    return isinstance(node, list) and all(isinstance(i, dict) and "id" in i for i in node)


def reuse_ids(new, reference):
    """Give blocks in `new` the ids of their counterparts in `reference`, in place.

    Top-level blocks match by type and occurrence (the 2nd FAQ matches the 2nd FAQ); list items
    match by position. Returns `new`.
    """
    if not (_is_item_list(new) and _is_item_list(reference)):
        return new
    seen = {}
    by_type = {}
    for item in reference:
        by_type.setdefault(item.get("type"), []).append(item)
    for item in new:
        occurrence = seen.get(item.get("type"), 0)
        seen[item.get("type")] = occurrence + 1
        candidates = by_type.get(item.get("type"), [])
        if occurrence < len(candidates):
            counterpart = candidates[occurrence]
            item["id"] = counterpart["id"]
            _reuse_in_value(item.get("value"), counterpart.get("value"))
    return new


def _reuse_in_value(new, reference):
    if isinstance(new, dict) and isinstance(reference, dict):
        for key, child in new.items():
            _reuse_in_value(child, reference.get(key))
    elif _is_item_list(new) and _is_item_list(reference):
        reuse_ids(new, reference)


def without_ids(node):
    """Raw data with every block id removed, for comparing content."""
    if isinstance(node, dict):
        return {key: without_ids(value) for key, value in node.items() if key != "id"}
    if isinstance(node, list):
        return [without_ids(item) for item in node]
    return node
