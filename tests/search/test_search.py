"""Search in English and Chinese: relevance, snippets, publication rules and bad input."""

import pytest
from django.core.management import call_command

from cms.models import SearchDocument
from guides.demo.loader import build_guide, load_snippets, read_demo_data
from guides.models import GuideIndexPage, GuidePage
from tests.conftest import publish_now

pytestmark = pytest.mark.django_db

FILLER_EN = (
    "<p>Notes on partner routines, household budgets, weekend plans and a shared calendar. "
    "Relationship communication about chores, money and visiting family.</p>"
)
FILLER_ZH = (
    "<p>关于伴侣日常、家庭预算、周末计划和共享日历的笔记。"
    "关系中关于家务、金钱和探望家人的沟通。</p>"
)


@pytest.fixture(scope="module")
def search_world(demo_world, django_db_blocker):
    """The demo guides plus 25 filler guides that share everyday words with them, indexed;
    built once for this module's tests."""
    with django_db_blocker.unblock():
        data = read_demo_data()
        series, cta, faqs = load_snippets(data)
        index = GuideIndexPage.objects.get()
        template = data["guides"][2]
        for n in range(25):
            body = {
                lang: [{"type": "section", "value": {"heading": heading, "body": text}}]
                for lang, heading, text in (
                    ("en", f"Everyday note {n}", FILLER_EN),
                    ("zh_hans", f"日常笔记 {n}", FILLER_ZH),
                )
            }
            guide = build_guide(
                {
                    **template,
                    "number": 900 + n,
                    "slug": {"en": f"filler-{n}", "zh_hans": f"tian-chong-{n}"},
                    "title": {"en": f"Everyday note {n}", "zh_hans": f"日常笔记 {n}"},
                    "summary": {"en": "Household notes.", "zh_hans": "家务笔记。"},
                    "body": body,
                },
                series,
                cta,
                faqs,
            )
            index.add_child(instance=guide)
            publish_now(guide)
        call_command("rebuild_search_index", stdout=None, stderr=None)


@pytest.fixture
def searchable(search_world, demo_site):
    return demo_site


def first_number(client, query, locale):
    response = client.get("/api/v1/search/", {"q": query, "locale": locale})
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    return GuidePage.objects.get(pk=items[0]["id"]).number if items else None


RELEVANCE = [
    ("reassurance", "en", 101),
    ("protest behaviour", "en", 101),
    ("texting", "en", 101),
    ("hyperactivation", "en", 101),
    ("attachments", "en", 101),
    ("withdraw pursue", "en", 102),
    ("Sue Johnson", "en", 102),
    ("stonewalling", "en", 102),
    ("pursuer", "en", 102),
    ("repair attempts", "en", 103),
    ("bids for connection", "en", 103),
    ("Gottman repair", "en", 103),
    ("安慰", "zh-hans", 101),
    ("焦虑型", "zh-hans", 101),
    ("短信", "zh-hans", 101),
    ("依恋", "zh-hans", 101),
    ("抗议行为", "zh-hans", 101),
    ("追逃循环", "zh-hans", 102),
    ("回避型", "zh-hans", 102),
    ("情绪淹没", "zh-hans", 102),
    ("修复", "zh-hans", 103),
    ("安全感", "zh-hans", 103),
]


@pytest.mark.parametrize(("query", "locale", "number"), RELEVANCE)
def test_relevance(searchable, client, query, locale, number):
    assert first_number(client, query, locale) == number


def test_results_are_ranked_paginated_and_highlighted(searchable, client):
    data = client.get("/api/v1/search/", {"q": "依恋", "locale": "zh-hans", "limit": 2}).json()
    assert data["count"] == 3 and len(data["items"]) == 2
    scores = [item["score"] for item in data["items"]]
    assert scores == sorted(scores, reverse=True)
    assert "<mark>依恋</mark>" in data["items"][0]["snippet"]
    page_two = client.get(
        "/api/v1/search/", {"q": "依恋", "locale": "zh-hans", "limit": 2, "offset": 2}
    )
    assert page_two.json()["count"] == 3 and len(page_two.json()["items"]) == 1
    past_the_end = client.get(
        "/api/v1/search/", {"q": "依恋", "locale": "zh-hans", "limit": 2, "offset": 10}
    ).json()
    assert past_the_end["count"] == 3 and past_the_end["items"] == []
    english = client.get("/api/v1/search/", {"q": "attachments"}).json()["items"][0]
    assert "<mark>attachment" in english["snippet"]
    assert english["api_url"].startswith("/api/v1/guides/") and english["path"].startswith(
        "/guides/"
    )


def test_mixed_query_and_english_stemming(searchable, client, publish):
    guide = GuidePage.objects.get(number=101)
    draft = guide.get_latest_revision_as_object()
    draft.summary_zh_hans = "EMDR 疗法如何帮助依恋创伤的修复。"
    publish(draft)
    assert first_number(client, "EMDR 依恋", "zh-hans") == 101
    assert first_number(client, "attachment", "en") == first_number(client, "attachments", "en")


def test_english_fallback_never_matches_in_chinese(searchable, client):
    assert (
        client.get("/api/v1/search/", {"q": "reassurance", "locale": "zh-hans"}).json()["count"]
        == 0
    )


def test_index_follows_publish_and_unpublish(
    searchable, client, django_capture_on_commit_callbacks
):
    guide = GuidePage.objects.get(number=101)
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert first_number(client, "reassurance", "en") is None
    assert not SearchDocument.objects.filter(page_id=guide.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        guide.get_latest_revision().publish()
    assert first_number(client, "reassurance", "en") == 101


def test_unapproved_chinese_is_not_searchable(searchable, client, reviewer_publish):
    guide = GuidePage.objects.get(number=103)
    draft = guide.get_latest_revision_as_object()
    draft.summary_zh_hans = "一个尚未审核的独特词语：蓝鲸计划。"
    reviewer_publish(draft)
    assert client.get("/api/v1/search/", {"q": "蓝鲸", "locale": "zh-hans"}).json()["count"] == 0


@pytest.fixture
def reviewer_publish(django_user_model, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group

    reviewer = django_user_model.objects.create_user("rev", password="pw")
    reviewer.groups.add(Group.objects.get(name="Reviewers"))

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision(user=reviewer).publish(user=reviewer)

    return _publish


@pytest.mark.parametrize(
    ("params", "status", "count"),
    [
        ({"q": ""}, 400, None),
        ({"q": "   "}, 400, None),
        ({"q": "x" * 10_000}, 400, None),
        ({"q": "依" * 10_000}, 400, None),
        ({"q": "!!! ??? & | ( ) : * ' \""}, 200, 0),
        ({"q": "'; DROP TABLE cms_searchdocument; --"}, 200, 0),
        ({"q": "依恋", "locale": "fr"}, 400, None),
        ({"q": "依恋", "limit": "500"}, 400, None),
    ],
)
def test_bad_input_is_a_400_or_nothing(searchable, client, params, status, count):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == status
    if count is not None:
        assert response.json()["count"] == count
    else:
        assert "error" in response.json()


def test_admin_page_search_in_both_languages(searchable, admin_client):
    for query, title in [
        ("依恋", "Mad at Me"),
        ("Mad", "Mad at Me"),
        ("修复", "Repair After a Fight"),
    ]:
        html = admin_client.get("/admin/pages/search/", {"q": query}).content.decode()
        assert title in html, query
    html = admin_client.get("/admin/pages/search/", {"q": "蓝鲸"}).content.decode()
    assert "Mad at Me" not in html


def test_rebuild_command_reports_its_work(searchable):
    from io import StringIO

    out = StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=StringIO())
    assert "Indexed" in out.getvalue()
    assert SearchDocument.objects.filter(locale="zh-hans").count() == 28


def test_search_benchmark_runs_and_leaves_nothing_behind(searchable):
    from io import StringIO

    before = SearchDocument.objects.count()
    out = StringIO()
    call_command("bench_search", "--guides", "30", stdout=out)
    assert "search p95" in out.getvalue() and "icontains p95" in out.getvalue()
    assert SearchDocument.objects.count() == before


def test_private_guides_are_not_found(searchable, client):
    from wagtail.models import PageViewRestriction

    guide = GuidePage.objects.get(number=101)
    PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert first_number(client, "reassurance", "en") is None
    assert first_number(client, "安慰", "zh-hans") is None
