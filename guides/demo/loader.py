"""Load the demo guides from guides.json. Shared by `load_demo` and the tests.

Both languages of a guide get the same block ids, so translation status can match them.
"""

import json
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from cms.i18n.memory import remember_approved
from guides.blocks import GuideBodyBlock
from guides.demo.images import HERO_IMAGES, load_demo_images
from guides.models import FAQ, GuideIndexPage, GuidePage, QuizCallToAction, Series, Topic
from guides.stream_data import to_raw

DEMO_FILE = Path(__file__).with_name("guides.json")
INDEX_CONTENT = {
    "title_en": "Guides",
    "title_zh_hans": "指南",
    "slug_en": "guides",
    "slug_zh_hans": "guides",
    "introduction_en": (
        "<p>Step-by-step guides to understanding and changing relationship patterns.</p>"
    ),
    "introduction_zh_hans": "<p>一步一步理解并改变关系模式的指南。</p>",
}


def read_demo_data(path=DEMO_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _language_fields(name, values):
    return {f"{name}_en": values["en"], f"{name}_zh_hans": values["zh_hans"]}


def load_snippets(data):
    series, _ = Series.objects.get_or_create(
        code="AC",
        defaults={
            "slug": data["series"]["code"],
            **_language_fields("name", data["series"]["name"]),
            **_language_fields("description", data["series"]["description"]),
        },
    )
    cta_data = data["quiz_cta"]
    cta = QuizCallToAction.objects.filter(heading_en=cta_data["heading"]["en"]).first()
    if cta is None:
        cta = QuizCallToAction.objects.create(
            **{
                field: cta_data[field]["en"]
                for field in ("heading", "text", "button_label", "quiz_url")
            },
            **{
                f"{field}_{suffix}": cta_data[field][suffix]
                for field in ("heading", "text", "button_label", "quiz_url")
                for suffix in ("en", "zh_hans")
            },
        )
    faq_ids = {}
    for faq_data in data["faqs"]:
        faq = FAQ.objects.filter(question_en=faq_data["question"]["en"]).first()
        if faq is None:
            faq = FAQ.objects.create(
                question=faq_data["question"]["en"],
                answer=faq_data["answer"]["en"],
                **_language_fields("question", faq_data["question"]),
                **_language_fields("answer", faq_data["answer"]),
            )
        faq_ids[faq_data["key"]] = faq.pk
    for topic_data in data.get("topics", []):
        Topic.objects.get_or_create(
            name=topic_data["en"],
            defaults={"slug": slugify(topic_data["en"]), "name_zh_hans": topic_data["zh_hans"]},
        )
    return series, cta, faq_ids


def ensure_guide_index(home):
    index = GuideIndexPage.objects.child_of(home).first()
    if index is not None:
        return index, False
    index = GuideIndexPage(slug="guides", **INDEX_CONTENT)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


def build_guide(guide_data, series, cta, faq_ids, image_ids=None):
    """The unsaved guide; choosers in its body name a reusable FAQ or a demo image by key."""
    body_block = GuideBodyBlock()
    seed = f"guide-{series.code}-{guide_data['number']}"
    image_ids = image_ids or {}

    def resolve(key):
        return faq_ids.get(key) or image_ids.get(key)

    return GuidePage(
        slug=guide_data["slug"]["en"],
        series=series,
        number=guide_data["number"],
        quiz_cta=cta,
        hero_image_id=image_ids.get(HERO_IMAGES.get(guide_data["number"])),
        expert_reviewer=guide_data.get("expert_reviewer", ""),
        last_reviewed=date.fromisoformat(guide_data["last_reviewed"])
        if guide_data.get("last_reviewed")
        else None,
        title=guide_data["title"]["en"],
        **_language_fields("title", guide_data["title"]),
        **_language_fields("slug", guide_data["slug"]),
        **_language_fields("subtitle", guide_data["subtitle"]),
        **_language_fields("summary", guide_data["summary"]),
        body_en=to_raw(body_block, guide_data["body"]["en"], seed, resolve),
        body_zh_hans=to_raw(body_block, guide_data["body"]["zh_hans"], seed, resolve),
    )


@transaction.atomic
def load_demo_guides(home, data=None):
    """Create the demo snippets, images, guide index and guides that are missing. Returns
    counts."""
    data = data or read_demo_data()
    series, cta, faq_ids = load_snippets(data)
    image_ids = load_demo_images()
    index, _created = ensure_guide_index(home)
    created = 0
    for guide_data in data["guides"]:
        if GuidePage.objects.filter(series=series, number=guide_data["number"]).exists():
            continue
        guide = build_guide(guide_data, series, cta, faq_ids, image_ids)
        index.add_child(instance=guide)
        guide.topics.add(*guide_data.get("topics", []))
        guide.save_revision().publish()
        created += 1
    # The snippets were created live, not published: their approved Chinese joins the
    # translation memory here (the guides' joined it as they were published).
    for model in (Series, QuizCallToAction, FAQ, Topic):
        for snippet in model.objects.all():
            remember_approved(snippet)
    return {"created": created, "total": len(data["guides"])}
