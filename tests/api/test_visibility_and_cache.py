"""Only published, public content; caching that never serves stale content."""

import pytest
from wagtail.models import PageViewRestriction

from guides.models import GuidePage
from tests.api.helpers import first_guide, get_json

pytestmark = pytest.mark.django_db


def all_public_views(client, guide, locale):
    """What every public v1 path says about `guide`."""
    _, listing = get_json(client, "/api/v1/guides/", locale=locale, limit=100)
    detail = client.get(f"/api/v1/guides/{guide.slug_en}/", {"locale": locale})
    resolve = client.get("/api/v1/pages/resolve/", {"path": f"/guides/{guide.slug_en}/"})
    _, series = get_json(client, "/api/v1/series/", locale=locale)
    return {
        "in_listing": guide.pk in {item["id"] for item in listing["items"]},
        "count": listing["count"],
        "detail": detail.status_code,
        "resolve": resolve.status_code,
        "series_count": series["items"][0]["guide_count"],
    }


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_unpublished_and_private_guides_are_absent_everywhere(
    demo_site, client, locale, django_capture_on_commit_callbacks
):
    unpublished, private, _ = GuidePage.objects.order_by("number")
    with django_capture_on_commit_callbacks(execute=True):
        unpublished.unpublish()
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        from cms.caching.version import bump_content_version

        bump_content_version()
    for guide in (unpublished, private):
        views = all_public_views(client, guide, locale)
        assert views == {
            "in_listing": False,
            "count": 1,
            "detail": 404,
            "resolve": 404,
            "series_count": 1,
        }


def test_a_draft_never_shows_until_published(demo_site, client, publish):
    guide = first_guide()
    guide.title_en = "Draft title"
    guide.save_revision()
    _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/")
    assert data["title"] != "Draft title"

    guide = GuidePage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    publish(guide)
    _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/")
    assert data["title"] == "Draft title"


def test_a_session_cookie_changes_nothing(demo_site, admin_client):
    guide = first_guide()
    guide.title_en = "Draft title"
    guide.save_revision()
    _, data = get_json(admin_client, f"/api/v1/guides/{guide.slug_en}/")
    assert data["title"] != "Draft title"


def test_next_request_after_publish_sees_the_new_revision(demo_site, client, publish):
    guide = first_guide()
    url = f"/api/v1/guides/{guide.slug_en}/"
    first, _ = get_json(client, url)
    cached, _ = get_json(client, url)
    assert cached["ETag"] == first["ETag"]

    guide.summary_en = "A new summary."
    publish(guide)
    _, data = get_json(client, url)
    assert data["summary"] == "A new summary."
    assert data["meta"]["revision_id"] == GuidePage.objects.get(pk=guide.pk).live_revision_id
    _, listing = get_json(client, "/api/v1/guides/", ordering="number")
    assert listing["items"][0]["summary"] == "A new summary."


def test_unpublish_and_move_are_seen_at_once(demo_site, client, django_capture_on_commit_callbacks):
    guide = first_guide()
    url = f"/api/v1/guides/{guide.slug_en}/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_conditional_request_gets_304(demo_site, client, locale):
    url = f"/api/v1/guides/{first_guide().slug_en}/"
    first = client.get(url, {"locale": locale})
    assert first["Cache-Control"].startswith("public, max-age=")
    again = client.get(url, {"locale": locale}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    other = client.get(url, {"locale": "en" if locale == "zh-hans" else "zh-hans"})
    assert other["ETag"] != first["ETag"]


def test_304_before_the_cache_is_warm(demo_site, client):
    url = f"/api/v1/guides/{first_guide().slug_en}/"
    etag = client.get(url)["ETag"]
    from django.core.cache import cache

    cache.clear()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_cors_allowlist(demo_site, client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    allowed = client.get("/api/v1/guides/", HTTP_ORIGIN="https://front.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example"
    denied = client.get("/api/v1/guides/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in denied


def test_making_a_page_private_is_seen_by_the_next_request(
    demo_site, client, django_capture_on_commit_callbacks
):
    guide = first_guide()
    url = f"/api/v1/guides/{guide.slug_en}/"
    assert client.get(url).status_code == 200  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=guide, restriction_type="login")
    assert client.get(url).status_code == 404
