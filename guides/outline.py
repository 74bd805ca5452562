"""A guide's outline: its headings and pathway steps in reading order, for a table of contents.

It is built from what the API representation already holds (the body in the reader's language,
and the raw blocks it came from, for list item ids), so it costs no query. Anchors come from
block and item ids, which neither edits nor the language change: `b-<block id 8>`, and for a
step `b-<block id 8>-s-<step id 8>`.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from cms.streams import item_id

# The field holding each block type's heading. Other blocks (a phrase, an FAQ) have none.
HEADINGS = {
    "scenario": "heading",
    "section": "heading",
    "mechanisms": "heading",
    "pathway": "heading",
    "case_example": "title",
    "spotlight": "title",
    "key_insights": "heading",
    "references": "heading",
}

# Runs of these blocks are read as one section under one heading, as /site/ shows them.
GROUPS = {"faq": "faqs", "faq_snippet": "faqs", "copy_phrase": "phrases"}


def default_titles():
    """Titles of headings an editor may leave empty, and of grouped runs (the labels front
    ends show there, from GET /api/v1/labels/)."""
    return {
        "pathway": _("Step-by-step pathway"),
        "key_insights": _("Key insights"),
        "references": _("References"),
        "faqs": _("Frequently asked questions"),
        "phrases": _("Phrases you can copy"),
    }


def anchor(block_id, step_id=None):
    block = f"b-{str(block_id)[:8]}"
    return f"{block}-s-{str(step_id)[:8]}" if step_id is not None else block


def entry(anchor_id, title, level, day_from=None, day_to=None):
    return {"id": anchor_id, "title": title, "level": level, "day_from": day_from, "day_to": day_to}


def guide_outline(body, raw, locale):
    """The outline of `body` (API body items) built from `raw` (the stored blocks), in `locale`."""
    positions = {block.get("id"): index for index, block in enumerate(raw)}
    with translation.override(locale):
        defaults = default_titles()
    outline, group = [], None
    for block in body:
        kind, value = block["type"], block["value"]
        if kind == "faq_snippet" and value["faq"] is None:
            continue  # an unpublished FAQ is not shown, and does not break its run
        if kind in GROUPS:
            if group != GROUPS[kind]:
                group = GROUPS[kind]
                outline.append(entry(anchor(block["id"]), defaults[group], 1))
            continue
        group = None
        title = value.get(HEADINGS.get(kind)) or defaults.get(kind)
        if title:
            outline.append(entry(anchor(block["id"]), title, 1))
        if kind == "pathway":
            stored = (raw[positions[block["id"]]].get("value") or {}).get("steps") or []
            for index, (step, item) in enumerate(zip(value["steps"], stored, strict=True)):
                step_anchor = anchor(block["id"], item_id(item, index))
                days = (step["day_from"], step["day_to"])
                outline.append(entry(step_anchor, step["title"], 2, *days))
    return outline
