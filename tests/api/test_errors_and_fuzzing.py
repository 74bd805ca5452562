"""The documented error shape, and no 500 for any query string, header or path."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/guides/",
    "/api/v1/guides/are-you-mad-at-me-reassurance-loops/",
    "/api/v1/series/",
    "/api/v1/series/attachment-communication/",
    "/api/v1/topics/",
    "/api/v1/labels/",
    "/api/v1/home/",
    "/api/v1/pages/resolve/",
    "/api/v1/preview/",
]
PARAMS = ["locale", "limit", "offset", "ordering", "series", "topic", "path", "token", "revision"]


def assert_error_shape(response, status):
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/guides/", {"locale": "fr"}),
        ("/api/v1/guides/", {"limit": "101"}),
        ("/api/v1/guides/", {"offset": "-1"}),
        ("/api/v1/guides/", {"ordering": "owner"}),
        ("/api/v1/guides/", {"limit": "ten"}),
        ("/api/v1/pages/resolve/", {}),
        ("/api/v1/pages/resolve/", {"path": "no-slash"}),
    ],
)
def test_400s(demo_site, client, url, params):
    assert_error_shape(client.get(url, params), 400)


def test_unknown_locale_lists_the_valid_ones(demo_site, client):
    message = client.get("/api/v1/guides/", {"locale": "de"}).json()["error"]["message"]
    assert "en, zh-hans" in message


@pytest.mark.parametrize(
    "url", ["/api/v1/guides/no-such-guide/", "/api/v1/series/none/", "/api/v1/nothing/"]
)
def test_404s(demo_site, client, url):
    assert_error_shape(client.get(url), 404)


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_405s(demo_site, client, method):
    assert_error_shape(getattr(client, method)("/api/v1/guides/"), 405)


text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
tricky = st.sampled_from(["-1", "0", "1e9", "999999999999999999999", "null", "[]", "%00", "../"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    params=st.dictionaries(st.sampled_from(PARAMS), st.one_of(text, tricky), max_size=4),
    header=st.one_of(st.none(), text),
)
def test_fuzzed_query_strings_and_headers_never_500(demo_site, client, endpoint, params, header):
    extra = {"HTTP_IF_NONE_MATCH": header, "HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response = client.get(endpoint, params, **extra)
    assert response.status_code < 500, (endpoint, params, response.content[:300])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(segment=st.text(alphabet=string.printable + "依恋…", min_size=1, max_size=40))
def test_fuzzed_paths_never_500(demo_site, client, segment):
    for url in (f"/api/v1/guides/{segment}/", f"/api/v1/series/{segment}/", f"/api/v1/{segment}"):
        response = client.get(url.replace("?", "%3F").replace("#", "%23"))
        assert response.status_code < 500, (url, response.content[:300])


@pytest.mark.parametrize("where", ["middleware", "view"])
def test_an_unreachable_database_is_a_503_to_retry_not_a_500(client, demo_site, monkeypatch, where):
    from django.db import OperationalError

    def unreachable(*args, **kwargs):
        raise OperationalError("connection failed: the database system is starting up")

    target = (
        "cms.api.middleware.current_versions"
        if where == "middleware"
        else "guides.api.guide_listing"
    )
    monkeypatch.setattr(target, unreachable)
    response = client.get("/api/v1/guides/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "unavailable"
