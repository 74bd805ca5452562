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


def _step(number, step):
    return {
        "number": number,
        "title": step.get("title") or "",
        "focus": step.get("focus") or "",
        "day_from": step.get("day_from"),
        "day_to": step.get("day_to"),
    }


def build_playbook(entries, guides, locale, expanded=False):
    """[{guide, step, note}] for playbook `entries` (English values, with their Chinese notes
    already merged); `guides` maps page id -> live GuidePage. Unpublished guides are left out.

    Expanded (the action report), each step also carries its actions, prerequisites and safety
    note, and the whole playbook is laid out as consecutive days.
    """
    items, day = [], 1
    for entry in entries:
        guide = guides.get(entry["guide"])
        if guide is None:
            continue
        item = {"guide": guide_summary(guide, locale), "step": None, "note": entry["note"]}
        number = entry.get("step")
        steps = pathway_steps(guide, locale) if number or expanded else []
        chosen = [number] if number else list(range(1, len(steps) + 1)) if expanded else []
        for n in chosen:
            if not 1 <= n <= len(steps):
                continue
            step = _step(n, steps[n - 1])
            if expanded:
                length = max(1, (step["day_to"] or 1) - (step["day_from"] or 1) + 1)
                step.update(
                    actions=[str(item_value(a)) for a in steps[n - 1].get("actions") or []],
                    prerequisites=steps[n - 1].get("prerequisites") or "",
                    safety_note=steps[n - 1].get("safety_note") or "",
                    plan_days=[day, day + length - 1],
                )
                day += length
            if number:
                item["step"] = step
            else:
                item.setdefault("steps", []).append(step)
        items.append(item)
    return items
