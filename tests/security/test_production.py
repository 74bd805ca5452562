"""Production posture: deploy checks, plain error pages, JSON-only APIs, CORS and headers.

tests/cms/test_settings.py already runs `check --deploy` with a minimal environment; this
runs it with a hostile one (DEBUG=true in the environment must not switch debugging on).
"""

import pytest

from tests.api.helpers import first_guide
from tests.subprocess_django import run_manage, run_python

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k3y-" + "f9e8d7c6b5" * 6,
    "ALLOWED_HOSTS": "cms.example.org",
}


def test_deploy_check_passes_even_with_debug_requested_in_the_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="true", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_values():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SECURE_CONTENT_TYPE_NOSNIFF, s.X_FRAME_OPTIONS, "
        "s.SECURE_REFERRER_POLICY, s.CORS_ALLOWED_ORIGINS, "
        "getattr(s, 'CORS_ALLOW_ALL_ORIGINS', False), "
        "getattr(s, 'CORS_ALLOW_CREDENTIALS', False)]))"
    )
    result = run_python(code, DEBUG="true", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    import json

    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == [False, True, True, True, True, "DENY", "same-origin", [], False, False]


@pytest.fixture
def plain_errors(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def assert_plain(response):
    body = response.content.decode()
    for leak in ("Traceback", "technical", "SECRET_KEY", "DATABASES", "settings.py", 'File "'):
        assert leak not in body, leak


@pytest.mark.parametrize(
    "url", ["/no-such-page/", "/admin/no-such-view/", "/api/v1/no-such/", "/api/v2/pages/99999/"]
)
def test_404_pages_are_plain(demo_site, plain_errors, url):
    response = plain_errors.get(url)
    assert response.status_code in (302, 404)
    assert_plain(response)


@pytest.mark.parametrize("url", ["/site/", "/api/v1/guides/", "/api/v2/pages/"])
def test_a_view_that_raises_gives_a_plain_500(demo_site, plain_errors, monkeypatch, url):
    def boom(*args, **kwargs):
        raise RuntimeError("internal detail zqx-boom")

    monkeypatch.setattr("cms.frontend.views.render", boom)
    monkeypatch.setattr("guides.api.locale_from", boom)
    monkeypatch.setattr("cms.api.v2.PublicPagesAPIViewSet.get_base_queryset", boom)
    from django.core.cache import cache

    cache.clear()
    response = plain_errors.get(url)
    assert response.status_code == 500
    assert_plain(response)
    assert b"zqx-boom" not in response.content
    assert b"RuntimeError" not in response.content


@pytest.mark.parametrize("accept", ["text/html", "text/html,*/*;q=0.8", "*/*"])
def test_v2_answers_json_whatever_the_accept_header(demo_site, client, accept):
    for url in ("/api/v2/pages/", f"/api/v2/pages/{first_guide().pk}/"):
        response = client.get(url, HTTP_ACCEPT=accept)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("url", ["/api/v1/guides/", "/api/v2/pages/"])
def test_cors_allows_only_listed_origins(demo_site, client, settings, url):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    allowed = client.get(url, HTTP_ORIGIN="https://front.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://front.example"
    assert "Access-Control-Allow-Credentials" not in allowed
    for origin in ("https://evil.example", "https://front.example.evil.com", "null", "*"):
        denied = client.get(url, HTTP_ORIGIN=origin)
        assert "Access-Control-Allow-Origin" not in denied, origin


def test_cors_never_reaches_the_admin(demo_site, client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    response = client.get("/admin/login/", HTTP_ORIGIN="https://front.example")
    assert "Access-Control-Allow-Origin" not in response


def test_cors_preflight_allows_reads_only(demo_site, client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    response = client.options(
        "/api/v1/guides/",
        HTTP_ORIGIN="https://front.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="DELETE",
    )
    allowed = {m.strip() for m in response.get("Access-Control-Allow-Methods", "").split(",")}
    assert "DELETE" not in allowed and "POST" not in allowed


@pytest.mark.parametrize(
    "url", ["/site/", "/site/guides/x/", "/api/v1/guides/", "/api/v2/pages/", "/admin/login/"]
)
def test_security_headers(demo_site, client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin")
    csp = response.get("Content-Security-Policy", "")
    assert response.get("X-Frame-Options") in ("DENY", "SAMEORIGIN") or ("frame-ancestors" in csp)
    if url.startswith("/site/"):
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'self'" in csp
