"""SEO data for front ends: the guide detail's `seo` object, and /sitemap.xml."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.sitemaps import Sitemap
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from cms.images import OG_IMAGE_FILTER, make_renditions
from cms.sitemaps import PagesSitemap
from guides.models import GuidePage
from guides.seo import trim
from tests.api.helpers import add_guide, first_guide, get_json

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000/site/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def seo_of(client, guide, locale):
    _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale=locale)
    return data["seo"]


@pytest.mark.parametrize(
    ("locale", "lang", "og_locale"), [("en", "en", "en_US"), ("zh-hans", "zh-Hans", "zh_CN")]
)
def test_defaults_in_both_languages(demo_site, client, locale, lang, og_locale):
    guide = first_guide()
    _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale=locale)
    seo = data["seo"]
    assert seo["title"] == data["title"]
    assert seo["description"] == trim(data["summary"])
    assert len(seo["description"]) <= 160
    english = f"{SITE}guides/{guide.slug_en}/"
    chinese = f"{SITE}guides/{guide.slug_zh_hans}/?locale=zh-hans"
    assert seo["canonical"] == (english if locale == "en" else chinese)
    assert seo["alternates"] == [
        {"hreflang": "en", "href": english},
        {"hreflang": "zh-Hans", "href": chinese},
        {"hreflang": "x-default", "href": english},
    ]
    og_image = seo["open_graph"].pop("image")  # the demo hero's rendition, made at load
    assert (og_image["width"], og_image["height"]) == (1200, 630)
    assert seo["open_graph"] == {
        "title": seo["title"],
        "description": seo["description"],
        "type": "article",
        "locale": og_locale,
        "url": seo["canonical"],
    }
    article, faq_page = json.loads(json.dumps(seo["json_ld"]))
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "Article"
    assert article["headline"] == data["title"]
    assert article["inLanguage"] == lang
    assert article["datePublished"].startswith(str(guide.first_published_at.date()))
    assert article["publisher"]["name"]
    assert article["mainEntityOfPage"]["@id"] == seo["canonical"]
    assert faq_page["@type"] == "FAQPage"
    questions = [entry["name"] for entry in faq_page["mainEntity"]]
    assert questions == [faq["question"] for faq in data["faqs"]]
    answer = faq_page["mainEntity"][0]["acceptedAnswer"]["text"]
    assert answer and "<" not in answer


def test_editors_override_title_and_description_per_language(demo_site, client, publish):
    guide = first_guide()
    guide.seo_title_en, guide.seo_title_zh_hans = "Search title", "搜索标题"
    guide.search_description_en, guide.search_description_zh_hans = "For search.", "用于搜索。"
    publish(guide)
    cache.clear()
    english, chinese = seo_of(client, guide, "en"), seo_of(client, guide, "zh-hans")
    assert (english["title"], english["description"]) == ("Search title", "For search.")
    assert (chinese["title"], chinese["description"]) == ("搜索标题", "用于搜索。")
    assert chinese["open_graph"]["title"] == "搜索标题"


def test_a_guide_without_chinese_has_no_chinese_address(demo_site, client, publish):
    guide = add_guide(publish, 900)
    seo = seo_of(client, guide, "zh-hans")
    english = f"{SITE}guides/guide-900/"
    assert seo["canonical"] == english
    assert seo["open_graph"]["locale"] == "en_US"
    assert [link["hreflang"] for link in seo["alternates"]] == ["en", "x-default"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short.", "Short."),
        ("One sentence. " + "word " * 40, "One sentence. " + ("word " * 29).strip() + "…"),
        ("A" * 100 + ". " + "b " * 50, "A" * 100 + "."),
        ("很" * 200, "很" * 159 + "…"),
    ],
)
def test_descriptions_are_cut_at_a_sentence_or_a_word(text, expected):
    assert trim(text) == expected


def test_og_image_is_a_rendition_and_costs_no_query(demo_site, client, publish):
    image = get_image_model().objects.create(title="Hero", file=get_test_image_file())
    plain = add_guide(publish, 901)
    pictured = add_guide(publish, 902, hero_image=image)
    assert "image" not in seo_of(client, pictured, "en")["open_graph"]  # none made on GET
    assert not image.renditions.exists()
    make_renditions(image)
    cache.clear()
    seo = seo_of(client, pictured, "en")
    og_image = seo["open_graph"]["image"]
    rendition = image.renditions.get(filter_spec=OG_IMAGE_FILTER)
    assert og_image == {
        "url": f"http://127.0.0.1:8000{rendition.url}",
        "width": rendition.width,
        "height": rendition.height,
    }
    assert seo["json_ld"][0]["image"] == og_image["url"]
    assert "image" not in seo_of(client, plain, "en")["open_graph"]
    counts = {}
    for page in (plain, pictured):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/api/v1/guides/{page.slug_en}/")
        counts[page.pk] = len(captured)
    assert counts[plain.pk] == counts[pictured.pk]


def sitemap_urls(client, url="/sitemap.xml"):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        entry.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)
        }
        for entry in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_live_public_page_in_both_languages(demo_site, client, publish):
    untranslated = add_guide(publish, 903)
    draft = add_guide(publish, 904)
    draft.unpublish()
    private = add_guide(publish, 905)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    urls = sitemap_urls(client)
    for guide in GuidePage.objects.live().exclude(pk__in=[untranslated.pk, draft.pk, private.pk]):
        english = f"{SITE}guides/{guide.slug_en}/"
        chinese = f"{SITE}guides/{guide.slug_zh_hans}/?locale=zh-hans"
        alternates = {"en": english, "zh-Hans": chinese, "x-default": english}
        assert urls[english] == urls[chinese] == alternates
    english = f"{SITE}guides/guide-903/"
    assert urls[english] == {"en": english, "x-default": english}
    assert not any("guide-903" in url and "zh-hans" in url for url in urls)
    assert not any("guide-904" in url or "guide-905" in url for url in urls)
    assert SITE in urls
    assert f"{SITE}guides/" in urls


def test_sitemap_becomes_an_index_past_its_limit(demo_site, client, monkeypatch):
    total = len(sitemap_urls(client))
    monkeypatch.setattr(PagesSitemap, "limit", 2)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    pages = [entry.findtext("s:loc", namespaces=NS) for entry in root.findall("s:sitemap", NS)]
    assert len(pages) == -(-total // 2)
    listed = {}
    for page in pages:
        listed |= sitemap_urls(client, page.removeprefix("http://testserver"))
    assert len(listed) == total
    assert Sitemap.limit == 50_000
