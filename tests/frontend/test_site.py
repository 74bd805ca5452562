"""The reader site's shell: one HTML page for every /site/ path, a strict CSP, static files."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from cms.frontend.views import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db

EXPECTED_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
PATHS = [
    "/site/",
    "/site/guides/",
    "/site/guides/x/",
    "/site/tests/relationship-test/",
    "/site/results/abc/report/",
    "/site/preview/",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_site_path_gets_the_shell(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Security-Policy"] == EXPECTED_CSP
    html = response.content.decode()
    assert '<main id="main"' in html
    assert 'href="#main"' in html  # skip link
    assert '<script type="module" src="/static/site/app.js"></script>' in html
    assert 'href="/static/site/site.css"' in html


def test_csp_constant_is_the_documented_policy():
    assert CONTENT_SECURITY_POLICY == EXPECTED_CSP


def test_shell_has_no_inline_script_or_style(client):
    html = client.get("/site/guides/x/").content.decode()
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attributes and body.strip() == ""
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_shell_lang_follows_the_locale_parameter(client):
    assert '<html lang="en">' in client.get("/site/").content.decode()
    html = client.get("/site/", {"locale": "zh-hans"}).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "跳到主要内容" in html or "Skip to main content" in html


def test_shell_only_answers_reads(client):
    assert client.post("/site/").status_code == 405


@pytest.mark.parametrize(
    "path", ["/static/site/app.js", "/static/site/site.css", "/static/site/guide.js"]
)
def test_static_files_are_served(client, path):
    response = client.get(path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(body) > 100


def test_every_module_import_exists(client):
    source = b"".join(client.get("/static/site/app.js").streaming_content).decode()
    seen, queue = set(), re.findall(r'from "\./([\w-]+\.js)"', source)
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        response = client.get(f"/static/site/{name}")
        assert response.status_code == 200, name
        queue += re.findall(
            r'from "\./([\w-]+\.js)"', b"".join(response.streaming_content).decode()
        )
    assert {"api.js", "dom.js", "guide.js", "i18n.js", "quiz.js"} <= seen


def test_admin_preview_redirects_to_the_reader_site(admin_client, demo_site):
    from guides.models import GuidePage

    guide = GuidePage.objects.live().first()
    response = admin_client.get(f"/admin/front-end-preview/{guide.pk}/en/")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == "/site/preview/"
    query = parse_qs(location.query)
    assert query["locale"] == ["en"] and query["token"][0]
    data = admin_client.get("/api/v1/preview/", {"token": query["token"][0]}).json()
    assert data["id"] == guide.pk and data["meta"]["preview"] is True
    # The link opens the shell, which reads the token in the browser.
    assert admin_client.get(response["Location"]).status_code == 200
