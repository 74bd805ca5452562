"""Issue #22, findings 5 and 7: no public development key, no API traceback under DEBUG,
proxy headers trusted only when configured, short sessions, secure cookies, a CSP on every
HTML page, UTF-8 exports, and rate limits keyed on the real client behind a proxy."""

import json
import stat
import subprocess

import pytest

from cms.settings.environment import local_secret_key
from tests.subprocess_django import PROJECT_ROOT, run_python

OLD_PUBLIC_KEY = "dev-only-insecure-key-do-not-use-in-production"
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k3y-" + "0a1b2c3d4e" * 6,
    "ALLOWED_HOSTS": "cms.example.org",
}
SETTINGS_JSON = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({name: getattr(s, name, None) for name in %r}))"
)


def settings_in_subprocess(*names, **env):
    result = run_python(SETTINGS_JSON % (names,), **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# Finding 5: the development secret


def test_the_development_key_is_random_private_and_kept(tmp_path):
    path = tmp_path / "var" / "secret_key"
    key = local_secret_key(path)
    assert len(key) >= 50 and key != OLD_PUBLIC_KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_secret_key(path) == key, "kept between runs"
    assert local_secret_key(tmp_path / "other" / "secret_key") != key, "each checkout its own"
    assert list(path.parent.iterdir()) == [path], "no temporary file left behind"


def test_development_settings_use_the_key_in_var_and_the_old_public_key_signs_nothing():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core import signing; from cms.api.preview import SALT; "
        f"forged = signing.dumps({{'r': 1, 'l': 'en'}}, key={OLD_PUBLIC_KEY!r}, salt=SALT)\n"
        "try:\n    signing.loads(forged, salt=SALT); print('accepted')\n"
        "except signing.BadSignature:\n    print('refused', settings.SECRET_KEY)"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert result.returncode == 0, result.stderr
    verdict, key = result.stdout.split()
    assert verdict == "refused"
    assert key == (PROJECT_ROOT / "var" / "secret_key").read_text().strip()
    from_env = settings_in_subprocess(
        "SECRET_KEY", DJANGO_SETTINGS_MODULE="cms.settings.dev", SECRET_KEY="from-the-env"
    )
    assert from_env["SECRET_KEY"] == "from-the-env"


def test_git_never_sees_the_key_file():
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "var/secret_key"], cwd=PROJECT_ROOT, check=False
    )
    assert ignored.returncode == 0


# Finding 5: no traceback from the API under DEBUG


def assert_json_error(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.content.decode()
    for leak in ("Traceback", 'File "', "SECRET_KEY", "zqx-boom"):
        assert leak not in body, leak
    return response.json()["error"]


@pytest.fixture
def debug_client(client, settings):
    settings.DEBUG = True
    client.raise_request_exception = False
    return client


@pytest.fixture(scope="module")
def quiz_slug(demo_world, django_db_blocker):
    from guides.demo.quiz_loader import load_demo_quiz
    from home.models import HomePage

    with django_db_blocker.unblock():
        page, _created = load_demo_quiz(HomePage.objects.get(pk=demo_world))
    return page.slug_en


def test_a_3_mb_quiz_submission_is_a_json_413_under_debug(quiz_slug, demo_site, debug_client):
    response = debug_client.post(
        f"/api/v1/tests/{quiz_slug}/results/",
        b'{"answers": "' + b"x" * (3 * 1024 * 1024) + b'"}',
        content_type="application/json",
    )
    assert assert_json_error(response, 413)["code"] == "too_large"


@pytest.mark.parametrize("url", ["/api/v1/guides/", "/api/v2/pages/", "/api/v2/no-such-view/"])
def test_api_errors_are_json_under_debug(demo_site, debug_client, monkeypatch, url):
    def boom(*args, **kwargs):
        raise RuntimeError("zqx-boom")

    monkeypatch.setattr("guides.api.locale_from", boom)
    monkeypatch.setattr("cms.api.v2.PublicPagesAPIViewSet.get_base_queryset", boom)
    response = debug_client.get(url)
    assert_json_error(response, 404 if "no-such" in url else 500)


# Finding 7: settings from the environment


def test_proxy_headers_are_trusted_only_behind_a_tls_proxy():
    names = ("SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_AGE", "LANGUAGE_COOKIE_SECURE")
    names += ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "CLIENT_IP_HEADER")
    plain = settings_in_subprocess(*names, **PRODUCTION)
    assert plain == {
        "SECURE_PROXY_SSL_HEADER": None,
        "SESSION_COOKIE_AGE": 8 * 60 * 60,
        "LANGUAGE_COOKIE_SECURE": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CLIENT_IP_HEADER": None,
    }
    proxied = settings_in_subprocess(
        *names,
        BEHIND_TLS_PROXY="true",
        SESSION_COOKIE_AGE="3600",
        CLIENT_IP_HEADER="X-Forwarded-For",
        **PRODUCTION,
    )
    assert proxied["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert proxied["SESSION_COOKIE_AGE"] == 3600
    assert proxied["CLIENT_IP_HEADER"] == "HTTP_X_FORWARDED_FOR"


def test_a_proxy_count_below_one_stops_start_up():
    result = run_python("import django; django.setup()", TRUSTED_PROXY_COUNT="0", **PRODUCTION)
    assert result.returncode == 1
    assert result.stderr.strip() == "Configuration error: TRUSTED_PROXY_COUNT must be 1 or more."


# Finding 7: the client's address behind a proxy

QUIZ_POST = "/api/v1/tests/no-such-test/results/"
PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1


def submit_via_proxy(client, forwarded_for):
    return client.post(
        QUIZ_POST,
        "{}",
        content_type="application/json",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    ).status_code


@pytest.mark.django_db
def test_the_quiz_rate_limit_counts_each_reader_behind_the_proxy(client, settings, behind_proxy):
    settings.QUIZ_SUBMISSIONS_PER_MINUTE = 2
    assert [submit_via_proxy(client, "198.51.100.1") for _ in range(3)] == [400, 400, 429]
    assert submit_via_proxy(client, "198.51.100.2") == 400, "another reader has a limit of its own"
    # Entries left of the proxy's own are the client's to write; they change nothing.
    assert submit_via_proxy(client, "203.0.113.9, 198.51.100.1") == 429


@pytest.mark.django_db
def test_without_the_setting_the_forwarded_header_is_ignored(client, settings):
    settings.QUIZ_SUBMISSIONS_PER_MINUTE = 1
    assert submit_via_proxy(client, "198.51.100.1") == 400
    assert submit_via_proxy(client, "198.51.100.2") == 429, "a client cannot pick its address"


@pytest.mark.django_db
def test_login_lockouts_key_on_the_reader_behind_the_proxy(client, admin_user, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 2  # a CDN, then a load balancer

    def sign_in(password, forwarded_for):
        return client.post(
            "/admin/login/",
            {"username": "admin", "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code

    settings.AXES_FAILURE_LIMIT = 1
    assert sign_in("wrong", "198.51.100.7, 192.0.2.1") == 429  # locked at the first failure
    assert sign_in("pw", "198.51.100.7, 192.0.2.1") == 429
    assert sign_in("pw", "198.51.100.8, 192.0.2.1") == 302


# Finding 7: headers


@pytest.mark.parametrize(
    "url", ["/admin/login/", "/api/v1/docs/", "/api/v1/guides/", "/no-such-page/"]
)
def test_every_response_has_a_content_security_policy(demo_site, client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert "unsafe-eval" not in policy
    if url.startswith("/admin/"):  # Wagtail's inline scripts (cms/security_headers.py)
        assert directives["script-src"] == "'self' 'unsafe-inline'"
        assert directives["frame-ancestors"] == "'self'"
        assert directives["script-src-attr"] == "'none'"
    else:
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"


def test_the_reader_site_keeps_its_own_policy(demo_site, client):
    from cms.frontend.views import CONTENT_SECURITY_POLICY

    assert client.get("/site/")["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("fmt", ["po", "xliff", "xliff2"])
def test_exports_say_they_are_utf_8(demo_site, admin_client, fmt):
    response = admin_client.get("/admin/translations/export/", {"format": fmt})
    assert response.status_code == 200
    assert response["Content-Type"].endswith("; charset=utf-8")
