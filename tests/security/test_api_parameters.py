"""Internal fields never leave the APIs; hostile query parameters get a quick 400, never a 500.

Modelled on Django's CVE-2025-64459 (`_connector` in filter kwargs), CVE-2021-35042 and
CVE-2022-34265 (crafted order_by / lookups), and Wagtail's advisories on API field exposure.
"""

import time

import pytest

from tests.api.helpers import first_guide
from tests.security.helpers import INTERNAL_KEYS

pytestmark = pytest.mark.django_db

QUICK = 1.0  # seconds
BIG = "a" * 10_240


def keys(data):
    """Every dict key anywhere in `data`."""
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in keys(value)}
    if isinstance(data, list):
        return {key for value in data for key in keys(value)}
    return set()


@pytest.mark.parametrize(
    "fields",
    [
        "owner,locked_by,latest_revision,go_live_at",
        "owner",
        "locked_by",
        "latest_revision",
        "go_live_at",
        "expire_at",
        "live_revision",
        "draft_title",
        "*,owner",
        "_,owner",
        "owner(*)",
        "content_type",
    ],
)
@pytest.mark.parametrize("where", ["listing", "detail"])
def test_v2_refuses_internal_fields(demo_site, client, fields, where):
    url = "/api/v2/pages/" if where == "listing" else f"/api/v2/pages/{first_guide().pk}/"
    response = client.get(url, {"fields": fields})
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert not keys(response.json()) & INTERNAL_KEYS


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v2/pages/", {"fields": "*"}),
        ("/api/v2/pages/", {"fields": "*", "type": "guides.GuidePage"}),
        ("/api/v2/pages/{guide}/", {"fields": "*"}),
        ("/api/v2/pages/{guide}/", {}),
        ("/api/v2/images/", {"fields": "*"}),
    ],
)
def test_v2_all_fields_holds_no_internal_field(demo_site, admin_client, url, params):
    first_guide().save_revision()  # a draft and its revision exist
    response = admin_client.get(url.format(guide=first_guide().pk), params)
    assert response.status_code == 200
    assert not keys(response.json()) & INTERNAL_KEYS


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/guides/",
        "/api/v1/guides/{slug}/",
        "/api/v1/series/",
        "/api/v1/series/attachment-communication/",
        "/api/v1/topics/",
        "/api/v1/home/",
        "/api/v1/pages/resolve/?path=/guides/{slug}/",
        "/api/v1/search/?q=attachment",
        "/api/v1/guides/?fields=owner,locked_by,latest_revision,go_live_at",
        "/api/v1/guides/{slug}/?fields=*",
    ],
)
@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_v1_never_answers_with_internal_fields(demo_site, admin_client, url, locale):
    first_guide().save_revision()  # a draft and its revision exist
    separator = "&" if "?" in url else "?"
    response = admin_client.get(
        url.format(slug=first_guide().slug_en) + f"{separator}locale={locale}"
    )
    assert response.status_code == 200
    assert not keys(response.json()) & INTERNAL_KEYS


V2_HOSTILE = [
    {"_connector": "OR"},
    {"_connector": "OR", "id": "1"},
    {"_negated": "true"},
    {"order": "owner__password"},
    {"order": "-owner__password"},
    {"order": "latest_revision__content"},
    {"order": "-id;drop"},
    {"order": "id); DROP TABLE wagtailcore_page;--"},
    {"order": "title_en__password"},
    {"type": "auth.User"},
    {"type": "wagtailcore.Revision"},
    {"type": "auth.User,guides.GuidePage"},
    {"type": "sessions.Session"},
    {"type": "x" * 1000},
    {"limit": str(10**9)},
    {"limit": "-1"},
    {"limit": "1e9"},
    {"offset": "-1"},
    {"offset": "-99999999999999999999"},
    {"search": BIG},
    {"search": "x", "search_operator": "xor"},
    {"child_of": "-1"},
    {"descendant_of": "1 OR 1=1"},
    {"owner": "1"},
    {"owner__password__startswith": "md5"},
    {"id__in": "1,2"},
    {"fields": "owner"},
    {"rich_text_format": "db_html"},
    {"rich_text_format": "markdown"},
    {"rich_text_format": "db_markdown"},
]
V1_HOSTILE = [
    ("/api/v1/guides/", {"ordering": "owner__password"}),
    ("/api/v1/guides/", {"ordering": "-id;drop"}),
    ("/api/v1/guides/", {"limit": str(10**9)}),
    ("/api/v1/guides/", {"limit": "-1"}),
    ("/api/v1/guides/", {"offset": "-1"}),
    ("/api/v1/guides/", {"offset": str(10**30)}),
    ("/api/v1/guides/", {"locale": BIG}),
    ("/api/v1/search/", {"q": BIG}),
    ("/api/v1/search/", {"q": "依" * 10_240}),
    ("/api/v1/search/", {"q": "x", "limit": str(10**9)}),
    ("/api/v1/search/", {"q": "x", "offset": "-1"}),
    ("/api/v1/pages/resolve/", {"path": "/" + BIG}),
    ("/api/v1/preview/", {"token": BIG}),
    ("/api/v1/topics/", {"locale": "auth.User"}),
]


def quick(client, url, params):
    started = time.monotonic()
    response = client.get(url, params)
    return response, time.monotonic() - started


@pytest.mark.parametrize("params", V2_HOSTILE, ids=lambda p: str(p)[:60])
def test_v2_hostile_parameters_get_a_quick_400(demo_site, client, params):
    response, seconds = quick(client, "/api/v2/pages/", params)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert seconds < QUICK


@pytest.mark.parametrize(("url", "params"), V1_HOSTILE, ids=lambda p: str(p)[:60])
def test_v1_hostile_parameters_get_a_quick_400(demo_site, client, url, params):
    response, seconds = quick(client, url, params)
    assert response.status_code == 400, response.content[:300]
    assert set(response.json()) == {"error"}
    assert seconds < QUICK


@pytest.mark.parametrize("params", [{"series": BIG}, {"topic": BIG}], ids=["series", "topic"])
def test_v1_huge_filters_match_nothing_quickly(demo_site, client, params):
    response, seconds = quick(client, "/api/v1/guides/", params)
    assert response.status_code in (200, 400)
    assert response.status_code == 400 or response.json() == {"count": 0, "items": []}
    assert seconds < QUICK


@pytest.mark.parametrize(
    "params",
    [{"_connector": "OR"}, {"_negated": "1"}, {"_connector": "OR", "series": "nothing"}],
    ids=str,
)
def test_v1_ignores_q_object_internals(demo_site, client, params):
    """v1 names its parameters; anything else never reaches a queryset filter."""
    plain = client.get("/api/v1/guides/", {k: v for k, v in params.items() if k == "series"})
    crafted = client.get("/api/v1/guides/", params)
    assert crafted.status_code == 200
    assert crafted.json() == plain.json()


@pytest.mark.parametrize("header", ["text/html", "text/html,application/xhtml+xml,*/*;q=0.8"])
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/pages/{guide}/", "/api/v2/images/"])
def test_v2_never_serves_the_browsable_api(demo_site, client, url, header):
    response = client.get(url.format(guide=first_guide().pk), HTTP_ACCEPT=header)
    assert response["Content-Type"].startswith("application/json")
    assert b"<html" not in response.content.lower()


def test_v2_format_api_gives_json_not_html(demo_site, client):
    response = client.get("/api/v2/pages/", {"format": "api"}, HTTP_ACCEPT="text/html")
    assert response.status_code in (200, 400, 404)
    assert response["Content-Type"] == "application/json"
    assert b"<html" not in response.content.lower()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/guides/?topic=%00x",
        "/api/v1/guides/?locale=zh-hans&ordering=title&topic=a%00",
        "/api/v1/pages/resolve/?path=/guides/%00/",
        "/api/v1/search/?q=%00",
        "/api/v2/pages/?search=%00",
        "/admin/pages/search/?q=%00",
        "/site/?q=%00",
    ],
)
def test_a_nul_character_is_a_400_on_every_database(demo_site, admin_client, url):
    """PostgreSQL text cannot hold NUL: found by fuzzing on PostgreSQL, where these were 500s."""
    response = admin_client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    if url.startswith("/api/v1/"):
        assert response.json()["error"]["code"] == "bad_request"
