"""API v1 endpoints, in both languages."""

import pytest

from guides.api_schemas import GuideDetailSchema, GuideListSchema
from guides.models import GuidePage
from tests.api.helpers import first_guide, get_json

pytestmark = pytest.mark.django_db

LOCALES = ["en", "zh-hans"]


@pytest.mark.parametrize("locale", LOCALES)
def test_listing_in_both_languages(demo_site, client, locale):
    response, data = get_json(client, "/api/v1/guides/", locale=locale)
    assert response.status_code == 200
    assert response["Content-Language"] == locale
    GuideListSchema.model_validate(data)
    assert data["count"] == 3
    item = data["items"][0]
    guide = GuidePage.objects.get(pk=item["id"])
    expected = guide.title_zh_hans if locale == "zh-hans" else guide.title_en
    assert item["title"] == expected
    assert item["series"]["code"] == "AC"
    assert item["available_locales"] == ["en", "zh-hans"]
    assert item["path"].startswith("/guides/")
    assert item["topics"] and item["reading_time"] >= 1


def test_chinese_is_utf8_not_escaped(demo_site, client):
    response = client.get("/api/v1/guides/", {"locale": "zh-hans"})
    assert "依恋与沟通".encode() in response.content
    assert b"\\u" not in response.content


@pytest.mark.parametrize("locale", LOCALES)
def test_detail_in_both_languages_with_every_part(demo_site, client, locale):
    guide = first_guide()
    response, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale=locale)
    assert response.status_code == 200
    GuideDetailSchema.model_validate(data)
    assert data["meta"]["locale"] == locale
    assert data["meta"]["revision_id"] == guide.live_revision_id
    assert data["meta"]["fallback"] == []
    assert data["meta"]["translation_state"] == ("source" if locale == "en" else "complete")
    types = {block["type"] for block in data["body"]}
    assert {"scenario", "pathway", "faq_snippet", "references"} <= types
    assert data["faqs"] and all(faq["question"] and faq["answer"] for faq in data["faqs"])
    assert data["references"] and data["quiz_cta"]["button_label"]
    assert "linktype=" not in response.content.decode()


def test_slug_works_in_either_language(demo_site, client):
    guide = first_guide()
    _, by_chinese_slug = get_json(client, f"/api/v1/guides/{guide.slug_zh_hans}/")
    assert by_chinese_slug["id"] == guide.pk


def test_filters_ordering_and_pagination(demo_site, client):
    _, newest = get_json(client, "/api/v1/guides/", limit=2)
    assert newest["count"] == 3 and len(newest["items"]) == 2
    _, by_number = get_json(client, "/api/v1/guides/", ordering="number")
    assert [i["number"] for i in by_number["items"]] == [101, 102, 103]
    _, offset = get_json(client, "/api/v1/guides/", ordering="number", offset=2)
    assert [i["number"] for i in offset["items"]] == [103]
    _, by_topic = get_json(client, "/api/v1/guides/", topic="conflict")
    assert by_topic["count"] == 2
    _, by_series = get_json(client, "/api/v1/guides/", series="attachment-communication")
    assert by_series["count"] == 3
    _, none = get_json(client, "/api/v1/guides/", series="no-such-series")
    assert none == {"count": 0, "items": []}


@pytest.mark.parametrize("locale", LOCALES)
def test_series_topics_labels_home_in_both_languages(demo_site, client, locale):
    _, series = get_json(client, "/api/v1/series/", locale=locale)
    assert series["items"][0]["guide_count"] == 3
    name = "依恋与沟通" if locale == "zh-hans" else "Attachment and Communication"
    assert series["items"][0]["name"] == name
    _, one = get_json(client, "/api/v1/series/attachment-communication/", locale=locale)
    assert one["name"] == name
    _, topics = get_json(client, "/api/v1/topics/", locale=locale)
    conflict = "冲突" if locale == "zh-hans" else "conflict"
    assert {"slug": "conflict", "name": conflict, "guide_count": 2} in topics["items"]
    _, labels = get_json(client, "/api/v1/labels/", locale=locale)
    expected = "常见问题" if locale == "zh-hans" else "Frequently asked questions"
    assert labels["faq"] == expected
    _, home = get_json(client, "/api/v1/home/", locale=locale)
    assert home["heading"] == (
        demo_site.heading_zh_hans if locale == "zh-hans" else demo_site.heading_en
    )


@pytest.mark.parametrize(
    ("path", "kind", "api_url"),
    [
        ("/", "home.HomePage", "/api/v1/home/"),
        ("/guides/", "guides.GuideIndexPage", "/api/v1/guides/"),
    ],
)
def test_resolve_home_and_index(demo_site, client, path, kind, api_url):
    _, data = get_json(client, "/api/v1/pages/resolve/", path=path)
    assert data["type"] == kind and data["api_url"] == api_url


def test_resolve_a_guide_by_either_languages_path(demo_site, client):
    guide = first_guide()
    _, english = get_json(client, "/api/v1/pages/resolve/", path=f"/guides/{guide.slug_en}/")
    _, chinese = get_json(client, "/api/v1/pages/resolve/", path=f"/guides/{guide.slug_zh_hans}/")
    assert english["id"] == chinese["id"] == guide.pk
    assert (english["locale"], chinese["locale"]) == ("en", "zh-hans")
    assert english["api_url"] == f"/api/v1/guides/{guide.slug_en}/"
    response = client.get("/api/v1/pages/resolve/", {"path": "/guides/nothing-here/"})
    assert response.status_code == 404


class TestFallback:
    def test_missing_chinese_block_is_served_in_english_and_listed(
        self, demo_site, client, publish
    ):
        guide = first_guide()
        raw = list(guide.body_zh_hans.raw_data)
        dropped = raw.pop(1)
        guide.body_zh_hans = raw
        publish(guide)

        _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale="zh-hans")
        assert data["meta"]["fallback"] == ["body[1]"]
        assert data["meta"]["translation_state"] == "partial"
        assert data["body"][1]["id"] == dropped["id"]
        english_block = next(b for b in guide.body_en.raw_data if b["id"] == dropped["id"])
        assert data["body"][1]["value"]["heading"] == english_block["value"]["heading"]

    def test_empty_chinese_field_inside_a_block_is_listed(self, demo_site, client, publish):
        guide = first_guide()
        raw = list(guide.body_zh_hans.raw_data)
        index = next(i for i, b in enumerate(raw) if b["type"] == "scenario")
        raw[index]["value"]["quote"] = ""
        guide.body_zh_hans = raw
        guide.subtitle_zh_hans = ""
        publish(guide)

        _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale="zh-hans")
        assert data["meta"]["fallback"] == ["subtitle", f"body[{index}].quote"]
        assert data["subtitle"] == guide.subtitle_en

    def test_whole_body_missing(self, demo_site, client, publish):
        guide = first_guide()
        guide.body_zh_hans = []
        publish(guide)
        _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale="zh-hans")
        assert "body" in data["meta"]["fallback"]
        assert [b["id"] for b in data["body"]] == [b.id for b in guide.body_en]


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_listing_ordered_by_title_in_each_language(client, demo_site, locale):
    response = client.get("/api/v1/guides/", {"ordering": "title", "locale": locale})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == sorted(titles) and len(titles) == 3
