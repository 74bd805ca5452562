"""Load the demo relationship test from relationship_test.json (both languages, same ids)."""

import json
import uuid
from pathlib import Path

from django.db import transaction

from guides.models import GuidePage, QuizPage

QUIZ_FILE = Path(__file__).with_name("relationship_test.json")
LANGUAGES = {"en": "en", "zh_hans": "zh_hans"}


def _id(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "demo-quiz/" + "/".join(map(str, parts))))


def _items(values, *seed):
    return [{"type": "item", "value": v, "id": _id(*seed, i)} for i, v in enumerate(values)]


def _streams(data, lang):
    scale = data["scale"]
    labels = scale["labels"][lang]
    points = range(scale["min"], scale["max"] + 1)
    dimensions = [
        {
            "type": "dimension",
            "id": _id("dimension", d["key"]),
            "value": {
                "key": d["key"],
                "name": d["name"][lang],
                "description": d["description"][lang],
            },
        }
        for d in data["dimensions"]
    ]
    questions = [
        {
            "type": "question",
            "id": _id("question", q["key"]),
            "value": {
                "text": q["text"][lang],
                "reverse_scored": q["reverse"],
                "options": _items(
                    [
                        {
                            "label": label,
                            "scores": _items(
                                [{"dimension": q["dimension"], "points": p}], q["key"], p
                            ),
                        }
                        for label, p in zip(labels, points, strict=True)
                    ],
                    "options",
                    q["key"],
                ),
            },
        }
        for q in data["questions"]
    ]
    guides = {
        g.number: g.pk
        for g in GuidePage.objects.filter(
            number__in={i["guide"] for p in data["profiles"] for i in p["playbook"]}
        )
    }
    profiles = [
        {
            "type": "profile",
            "id": _id("profile", p["key"]),
            "value": {
                "key": p["key"],
                "name": p["name"][lang],
                "description": p["description"][lang],
                "strengths": _items(p["strengths"][lang], p["key"], "strengths"),
                "growth_edges": _items(p["growth_edges"][lang], p["key"], "growth"),
                "tips": _items(p["tips"][lang], p["key"], "tips"),
                "ranges": _items(
                    [
                        {"dimension": dimension, "minimum": str(low), "maximum": str(high)}
                        for dimension, (low, high) in p["ranges"].items()
                    ],
                    p["key"],
                    "ranges",
                ),
                "playbook": _items(
                    [
                        {
                            "guide": guides.get(i["guide"]),
                            "step": i["step"],
                            "note": i["note"][lang],
                        }
                        for i in p["playbook"]
                    ],
                    p["key"],
                    "playbook",
                ),
            },
        }
        for p in data["profiles"]
    ]
    return {"dimensions": dimensions, "questions": questions, "profiles": profiles}


@transaction.atomic
def load_demo_quiz(home, path=QUIZ_FILE):
    """Create and publish the demo test under `home` unless it exists. Returns (page, created)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    existing = QuizPage.objects.filter(slug_en=data["slug"]["en"]).first()
    if existing:
        return existing, False
    fields = {}
    for lang in LANGUAGES:
        fields[f"title_{lang}"] = data["title"][lang]
        fields[f"slug_{lang}"] = data["slug"][lang]
        fields[f"introduction_{lang}"] = data["introduction"][lang]
        for name, raw in _streams(data, lang).items():
            fields[f"{name}_{lang}"] = raw
    quiz = QuizPage(title=data["title"]["en"], slug=data["slug"]["en"], **fields)
    home.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz, True
