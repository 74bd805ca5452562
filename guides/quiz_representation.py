"""The relationship test and its results as API v1 shows them, in one language.

Chinese (the live row's approved translation, or a preview's draft) is laid over the English
leaf by leaf; scoring keys (points, reverse scoring, ranges) never leave the server.
"""

from cms.i18n.locales import SOURCE, LocaleView, field_name
from cms.pages import public_live
from cms.streams import item_id, item_value, raw_items
from guides.models import GuidePage
from guides.quiz.playbook import build_playbook


def localized(page, name, locale):
    """The page's stream `name` as raw items, as a reader of `locale` sees it."""
    block = page._meta.get_field(name).stream_block
    english, chinese = raw_items(getattr(page, f"{name}_en")), None
    if locale != SOURCE:
        chinese = raw_items(getattr(page, field_name(name, locale), None))
    return LocaleView(locale).quietly(block, english, chinese)


def text(page, name, locale):
    return LocaleView(locale).text(page, name, name)


def quiz_representation(page, locale):
    return {
        "id": page.pk,
        "slug": LocaleView(locale).text(page, "slug"),
        "title": text(page, "title", locale),
        "introduction": text(page, "introduction", locale),
        "dimensions": [
            {"key": v["key"], "name": v["name"], "description": v.get("description") or ""}
            for v in (item["value"] for item in localized(page, "dimensions", locale))
        ],
        "questions": [
            {
                "id": item["id"],
                "text": item["value"]["text"],
                "options": [
                    {"id": item_id(option, index), "label": item_value(option)["label"]}
                    for index, option in enumerate(item["value"]["options"])
                ],
            }
            for item in localized(page, "questions", locale)
        ],
        "profiles": [
            {"key": item["value"]["key"], "name": item["value"]["name"]}
            for item in localized(page, "profiles", locale)
        ],
        "locale": locale,
    }


def profile_representation(page, profile_key, locale, expanded=False):
    profile = next(
        (
            i["value"]
            for i in localized(page, "profiles", locale)
            if i["value"]["key"] == profile_key
        ),
        None,
    )
    if profile is None:
        return None
    entries = [item_value(entry) for entry in profile.get("playbook") or []]
    guide_ids = {entry["guide"] for entry in entries if entry.get("guide")}
    guides = {guide.pk: guide for guide in public_live(GuidePage.objects.filter(pk__in=guide_ids))}
    return {
        "key": profile["key"],
        "name": profile["name"],
        "description": profile["description"],
        "strengths": [str(item_value(s)) for s in profile.get("strengths") or []],
        "growth_edges": [str(item_value(s)) for s in profile.get("growth_edges") or []],
        "tips": [str(item_value(s)) for s in profile.get("tips") or []],
        "playbook": build_playbook(entries, guides, locale, expanded=expanded),
    }


def scores_representation(page, scores, key, locale):
    names = {
        v["key"]: v["name"] for v in (i["value"] for i in localized(page, "dimensions", locale))
    }
    return [
        {
            "key": dimension,
            "name": names.get(dimension, dimension),
            "score": round(float(value), 4),
            "min": float(key.bounds[dimension][0]),
            "max": float(key.bounds[dimension][1]),
        }
        for dimension, value in scores.items()
        if dimension in key.bounds
    ]


def day_by_day(playbook):
    """The expanded playbook as consecutive days, a run of days with the same guide, step and
    actions given once: [{day_from, day_to, guide, step, actions}]."""
    days = []
    for item in playbook:
        for step in [item["step"]] if item.get("step") else item.get("steps", []):
            first, last = step["plan_days"]
            entry = {
                "guide": item["guide"]["title"],
                "step": step["title"],
                "actions": step["actions"],
            }
            if days and {k: days[-1][k] for k in entry} == entry:
                days[-1]["day_to"] = last  # plan days run on without gaps
            else:
                days.append({"day_from": first, "day_to": last, **entry})
    return days
