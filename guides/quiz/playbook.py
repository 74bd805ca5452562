"""A profile's playbook in the reader's language: guides, and pathway steps inside them.

Chinese comes from each live guide's approved translation, laid over the English by id
(cms.streams.localize), with English where a translation is missing, as everywhere in the API.
"""

from cms.pages import front_end_path
from cms.streams import item_value, localize, raw_items

STEP_TEXTS = ("title", "focus", "prerequisites", "safety_note")


def pathway_steps(guide, locale):
    """The steps of the guide's first pathway block, as plain dicts, in `locale`."""
    body = raw_items(guide.body_en)
    if locale != "en":
        body = localize(guide.body.stream_block, body, raw_items(guide.body_zh_hans))
    pathway = next((item for item in body if item.get("type") == "pathway"), None)
    if pathway is None:
        return []
    return [item_value(step) for step in pathway["value"].get("steps") or []]


def guide_summary(guide, locale):
    chinese = locale == "zh-hans"
    url_path = (guide.url_path_zh_hans if chinese else None) or guide.url_path_en
    return {
        "id": guide.pk,
        "title": (guide.title_zh_hans if chinese else None) or guide.title_en,
        "summary": (guide.summary_zh_hans if chinese else None) or guide.summary_en or "",
        "path": front_end_path(url_path),
        "api_url": guide.api_detail_url(),
    }


def _step(number, step, expanded):
    value = {
        "number": number,
        "title": step.get("title") or "",
        "focus": step.get("focus") or "",
        "day_from": step.get("day_from"),
        "day_to": step.get("day_to"),
    }
    if expanded:
        value.update(
            actions=[str(item_value(a)) for a in step.get("actions") or []],
            prerequisites=step.get("prerequisites") or "",
            safety_note=step.get("safety_note") or "",
        )
    return value


def _span(steps):
    """(first day, last day) of a guide's chosen steps; a guide without steps goes last."""
    if not steps:
        return (float("inf"), float("inf"))
    return (
        min(step.get("day_from") or 1 for step in steps),
        max(step.get("day_to") or step.get("day_from") or 1 for step in steps),
    )


def build_playbook(entries, guides, locale, expanded=False):
    """[{position, guide, step, note}] for playbook `entries` (English values, with their Chinese
    notes already merged); `guides` maps page id -> live GuidePage. Unpublished guides are left
    out.

    Items are in day order (by first day, then last day, editors' order on a tie) and numbered
    1…n in that order. Expanded (the action report), each step also carries its actions,
    prerequisites and safety note, and the whole playbook is laid out as consecutive days.
    """
    spans, items = [], []
    for entry in entries:
        guide = guides.get(entry["guide"])
        if guide is None:
            continue
        steps = pathway_steps(guide, locale)
        number = entry.get("step")
        chosen = [number] if number else range(1, len(steps) + 1)
        chosen = [(n, steps[n - 1]) for n in chosen if 1 <= n <= len(steps)]
        item = {"guide": guide_summary(guide, locale), "step": None, "note": entry["note"]}
        if number:
            item["step"] = _step(*chosen[0], expanded) if chosen else None
        elif expanded:
            item["steps"] = [_step(n, step, expanded) for n, step in chosen]
        spans.append(_span([step for _n, step in chosen]))
        items.append(item)
    order = sorted(range(len(items)), key=spans.__getitem__)
    items = [{"position": position, **items[i]} for position, i in enumerate(order, start=1)]
    if expanded:
        day = 1
        for item in items:
            for step in [item["step"]] if item["step"] else item.get("steps", []):
                length = max(1, (step["day_to"] or 1) - (step["day_from"] or 1) + 1)
                step["plan_days"] = [day, day + length - 1]
                day += length
    return items
