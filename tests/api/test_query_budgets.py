"""SQL per request is a small constant: it does not grow with blocks, links or list items."""

import uuid

import pytest
from django.core.cache import cache

from guides.demo.loader import build_guide, load_snippets, read_demo_data
from guides.models import FAQ, GuideIndexPage, GuidePage, Series

pytestmark = pytest.mark.django_db


def guide_with_blocks(count, publish, number):
    """A published guide of `count` blocks: every type, page links and reusable FAQs included."""
    template = GuidePage.objects.order_by("number").first()
    other_pages = list(GuidePage.objects.values_list("pk", flat=True))
    faq_ids = list(FAQ.objects.values_list("pk", flat=True))
    source = list(template.body_en.raw_data)
    blocks = []
    for index in range(count):
        block = dict(source[index % len(source)])
        block["id"] = str(uuid.uuid4())
        if block["type"] == "section":
            links = "".join(f'<a linktype="page" id="{pk}">link {pk}</a> ' for pk in other_pages)
            block["value"] = {**block["value"], "body": f"<p>{links}</p>"}
        if block["type"] == "faq_snippet":
            block["value"] = {"faq": faq_ids[index % len(faq_ids)]}
        blocks.append(block)
    data = read_demo_data()
    series, cta, faqs = load_snippets(data)
    guide = build_guide(
        {
            **data["guides"][0],
            "number": number,
            "slug": {"en": f"big-{number}", "zh_hans": f"da-{number}"},
        },
        series,
        cta,
        faqs,
    )
    guide.body_en = blocks
    guide.body_zh_hans = blocks[: count // 2]
    GuideIndexPage.objects.get().add_child(instance=guide)
    guide.topics.add("one", "two", "three")
    publish(guide)
    return guide


@pytest.mark.parametrize("count", [1, 20, 100])
@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_detail_uses_at_most_4_queries(
    demo_site, client, publish, django_assert_max_num_queries, count, locale
):
    guide = guide_with_blocks(count, publish, number=500 + count)
    cache.clear()
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/guides/{guide.slug_en}/", {"locale": locale})
    assert response.status_code == 200
    assert len(response.json()["body"]) == count
    if count >= 20:
        assert 'href="/guides/' in str(response.json()["body"]), "page links are expanded"


@pytest.mark.parametrize("limit", [1, 100])
def test_listing_uses_at_most_5_queries(
    demo_site, client, publish, django_assert_max_num_queries, limit
):
    for number in range(3):
        guide_with_blocks(3, publish, number=600 + number)
    cache.clear()
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/guides/", {"limit": limit, "locale": "zh-hans"})
    assert len(response.json()["items"]) == min(limit, 6)


def test_cached_detail_and_304_touch_the_database_at_most_once(
    demo_site, client, publish, django_assert_max_num_queries
):
    guide = guide_with_blocks(50, publish, number=700)
    url = f"/api/v1/guides/{guide.slug_en}/"
    etag = client.get(url)["ETag"]
    with django_assert_max_num_queries(1):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert Series.objects.exists()
