"""A guide's outline: its headings and steps in reading order, the same anchors in both languages
and across saves, computed without a query of its own."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.models import GuidePage
from tests.admin_post import AdminSession, edit_form_data
from tests.api.helpers import first_guide, get_json
from tests.api.test_query_budgets import guide_with_blocks

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def detail(client, page, locale):
    return get_json(client, f"/api/v1/guides/{page.slug_en}/", locale=locale)[1]


def block_of(entry, body):
    """The body block an outline entry belongs to: its anchor starts with the block's."""
    prefix = entry["id"].split("-s-")[0]
    return next(block for block in body if f"b-{block['id'][:8]}" == prefix)


def body_index(guide, block):
    return next(i for i, b in enumerate(guide["body"]) if b["id"] == block["id"])


def steps(guide):
    return [e for e in guide["outline"] if e["level"] == 2]


@pytest.mark.parametrize("number", [101, 102, 103])
def test_outline_has_the_same_anchors_in_both_languages(demo_site, client, number):
    page = GuidePage.objects.get(number=number)
    english, chinese = detail(client, page, "en"), detail(client, page, "zh-hans")
    ids = [entry["id"] for entry in english["outline"]]
    assert ids == [entry["id"] for entry in chinese["outline"]]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"b-[0-9a-f]{8}(-s-[0-9a-f]{8})?", anchor) for anchor in ids)
    assert [entry["title"] for entry in english["outline"]] != [
        entry["title"] for entry in chinese["outline"]
    ]


def test_outline_follows_the_body_in_the_readers_language(demo_site, client):
    page = first_guide()
    for locale in ("en", "zh-hans"):
        guide = detail(client, page, locale)
        body, outline = guide["body"], guide["outline"]
        position = [body.index(block_of(entry, body)) for entry in outline]
        assert position == sorted(position)
        titles = {block_of(e, body)["id"]: e["title"] for e in outline if e["level"] == 1}
        for block in body:
            if block["type"] in ("scenario", "section", "pathway", "key_insights"):
                assert titles[block["id"]] == block["value"]["heading"]
        pathway = next(b for b in body if b["type"] == "pathway")
        assert [(s["title"], s["day_from"], s["day_to"]) for s in steps(guide)] == [
            (s["title"], s["day_from"], s["day_to"]) for s in pathway["value"]["steps"]
        ]
        faqs = [e["title"] for e in outline if block_of(e, body)["type"] == "faq"]
        assert faqs == (["Frequently asked questions"] if locale == "en" else ["常见问题"])
        if locale == "zh-hans":
            assert all(CHINESE.search(entry["title"]) for entry in outline)
        else:
            assert not any(CHINESE.search(entry["title"]) for entry in outline)


def test_step_anchors_come_from_the_stored_ids(demo_site, client):
    page = first_guide()
    raw = next(b for b in page.body_en.raw_data if b["type"] == "pathway")
    expected = [f"b-{raw['id'][:8]}-s-{step['id'][:8]}" for step in raw["value"]["steps"]]
    assert [s["id"] for s in steps(detail(client, page, "zh-hans"))] == expected


def test_an_untranslated_heading_is_english_and_listed(demo_site, client, publish):
    page = first_guide()
    chinese = [dict(block) for block in page.body_zh_hans.raw_data]
    section = next(b for b in chinese if b["type"] == "section")
    section["value"] = {**section["value"], "heading": ""}
    page.body_zh_hans = chinese
    publish(page)
    english = detail(client, page, "en")["outline"]
    guide = detail(client, page, "zh-hans")
    index = next(i for i, e in enumerate(guide["outline"]) if e["id"] == f"b-{section['id'][:8]}")
    assert guide["outline"][index] == english[index]
    assert f"body[{body_index(guide, section)}].heading" in guide["meta"]["fallback"]
    assert [e["id"] for e in guide["outline"]] == [e["id"] for e in english]


def test_anchors_survive_an_admin_save_and_publish(demo_site, client, admin_user, publish):
    page = first_guide()
    before = {locale: detail(client, page, locale)["outline"] for locale in ("en", "zh-hans")}
    draft = page.get_latest_revision_as_object()
    data = {
        **edit_form_data(draft, admin_user, title_en=f"{draft.title_en} (revised)"),
        "save": "1",
    }
    assert AdminSession(admin_user).post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    publish(GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object())
    assert detail(client, page, "en")["title"].endswith("(revised)")
    for locale, outline in before.items():
        assert detail(client, page, locale)["outline"] == outline


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_doubling_the_blocks_adds_no_query(demo_site, client, publish, locale):
    counts = {}
    for count in (15, 30):  # every block type, then each twice
        guide = guide_with_blocks(count, publish, number=800 + count)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v1/guides/{guide.slug_en}/", {"locale": locale})
        assert response.status_code == 200
        counts[count] = (len(queries), len(response.json()["outline"]))
    assert counts[15][0] == counts[30][0] <= 4
    assert counts[30][1] > counts[15][1]


def test_an_untranslated_body_lists_the_whole_outline(demo_site, client, publish):
    page = first_guide()
    page.body_zh_hans = []
    publish(page)
    english = detail(client, page, "en")["outline"]
    guide = detail(client, page, "zh-hans")
    assert {"body", "outline"} <= set(guide["meta"]["fallback"])
    assert [e["id"] for e in guide["outline"]] == [e["id"] for e in english]
    assert guide["outline"][0]["title"] == english[0]["title"]
