"""A profile's playbook in the reader's language: guides, and pathway steps inside them.

Chinese comes from each live guide's approved translation, leaf by leaf, with English where a
translation is missing, as everywhere in the public API.
"""

from cms.api.pages import front_end_path
from guides.stream_data import item_value, raw_items

STEP_TEXTS = ("title", "focus", "prerequisites", "safety_note")


def overlay_chinese(english, chinese):
    """English text with each non-empty Chinese leaf laid over it (lists by position)."""
    if isinstance(english, dict):
        chinese = chinese if isinstance(chinese, dict) else {}
        return {key: overlay_chinese(value, chinese.get(key)) for key, value in english.items()}
    if isinstance(english, list):
        chinese = chinese if isinstance(chinese, list) else []
        return [
            _overlay_item(item, chinese[i] if i < len(chinese) else None)
            for i, item in enumerate(english)
        ]
    if isinstance(english, str) and isinstance(chinese, str) and chinese.strip():
        return chinese
    return english


def _overlay_item(item, chinese):
    """A list item keeps its English id (ids are what answers and segments refer to)."""
    value = overlay_chinese(item_value(item), item_value(chinese))
    if isinstance(item, dict) and "id" in item and "value" in item:
        return {**item, "value": value}
    return value


def pathway_steps(guide, locale):
    """The steps of the guide's first pathway block, as plain dicts, in `locale`."""
    english = raw_items(guide.body_en)
    pathway = next((item for item in english if item.get("type") == "pathway"), None)
    if pathway is None:
        return []
    steps = [item_value(step) for step in pathway["value"].get("steps") or []]
    if locale == "en":
        return steps
    chinese_body = raw_items(guide.body_zh_hans)
    counterpart = next((i for i in chinese_body if i.get("id") == pathway.get("id")), None)
    chinese_steps = (counterpart or {}).get("value", {}).get("steps") or []
    return overlay_chinese(steps, chinese_steps)


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
