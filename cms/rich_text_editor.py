"""The admin's rich-text editor: Draftail, tolerant of input that is not Draftail's JSON.

Draftail submits ContentState JSON. A script or an old form that posts HTML instead made
Wagtail's widget raise (a 500); here such input is cleaned with Wagtail's own whitelist for the
field's features (disallowed tags, attributes and ``javascript:``-style URLs are dropped) and
saved like any other edit. ContentState that is damaged (`contentstate_problem`) is refused by
the admin forms (cms.workflow.posted_data) before the widget reads it.
"""

import json
from itertools import pairwise

from django.utils.translation import gettext as _
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

MAX_DEPTH = 10  # list nesting; Draftail's toolbar allows far less


def _whole(value, high=None):
    return type(value) is int and value >= 0 and (high is None or value <= high)


def _ranges(ranges, name_key, is_name):
    return isinstance(ranges, list) and all(
        isinstance(item, dict)
        and _whole(item.get("offset"))
        and _whole(item.get("length"))
        and is_name(item.get(name_key))
        for item in ranges
    )


def _block_problem(block, entities):
    if not (
        isinstance(block, dict)
        and isinstance(block.get("text"), str)
        and isinstance(block.get("type"), str)
        and _whole(block.get("depth"), MAX_DEPTH)
        and _ranges(block.get("inlineStyleRanges"), "style", lambda style: isinstance(style, str))
        and _ranges(block.get("entityRanges"), "key", lambda key: isinstance(key, int | str))
    ):
        return _("a block of text is not in Draftail's format")
    spans = [
        (item["offset"], item["offset"] + item["length"], str(item["key"]))
        for item in block["entityRanges"]
    ]
    if any(key not in entities for _start, _end, key in spans):
        return _("a link or other item refers to an entity that is not in its entityMap")
    # As Draftail sends them: in order, none empty, none overlapping (the exporter needs it).
    if any(start == end for start, end, _key in spans) or any(
        after[0] < before[1] for before, after in pairwise(spans)
    ):
        return _("links or other items are out of order, empty or overlapping")
    return None


def contentstate_problem(posted):
    """What is wrong with posted Draftail ContentState, or None. Text that is not ContentState
    at all (HTML, or JSON of another shape) is None: the widget saves it as cleaned text."""
    try:
        state = json.loads(posted)
    except (TypeError, ValueError):
        return None
    if not isinstance(state, dict) or not isinstance(state.get("blocks"), list):
        return None
    entities = state.get("entityMap")
    if not isinstance(entities, dict) or not all(
        isinstance(entity, dict)
        and isinstance(entity.get("type"), str)
        and isinstance(entity.get("data"), dict)
        for entity in entities.values()
    ):
        return _("its entityMap is not a map of Draftail entities")
    for block in state["blocks"]:
        if problem := _block_problem(block, entities):
            return problem
    return None


class CleaningDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError):  # not ContentState JSON
            posted = data.get(name)
            return EditorHTMLConverter(features=self.features).to_database_format(posted)
