"""Front-end preview: only editors get a link; tokens are unguessable, expire, and are bound.

Extends tests/api/test_preview.py (which covers wrong locale/revision parameters, an expired
setting, a forged signature and the admin-only user) with the cases an attacker would try.
"""

import base64
import json
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing

from cms.api.preview import SALT, make_token
from tests.api.helpers import first_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(demo_site):
    guide = first_guide()
    guide.title_en = "Secret preview draft"
    first = guide.save_revision()
    guide.title_en = "Secret preview draft, second"
    second = guide.save_revision()
    return guide, first, second


def token_from(response):
    assert response.status_code == 302, response.status_code
    return parse_qs(urlparse(response["Location"]).query)["token"][0]


def preview(client, token, **params):
    return client.get("/api/v1/preview/", {"token": token, **params})


def test_no_link_for_a_signed_in_user_without_groups(draft, client, django_user_model):
    guide, _first, _second = draft
    client.force_login(django_user_model.objects.create_user("nobody", password="pw"))
    for locale in ("en", "zh-hans"):
        response = client.get(f"/admin/front-end-preview/{guide.pk}/{locale}/")
        assert response.status_code in (302, 403)
        assert "token=" not in response.get("Location", "")


def test_anonymous_is_sent_to_the_login_without_a_token(draft, client):
    guide, _first, _second = draft
    response = client.get(f"/admin/front-end-preview/{guide.pk}/en/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] and "token=" not in response["Location"]


@pytest.mark.parametrize("role", ["editor", "reviewer", "translator", "translation_reviewer"])
def test_every_editorial_role_can_preview_what_it_can_edit(draft, request, login, role):
    guide, _first, second = draft
    client = login(request.getfixturevalue(role))
    token = token_from(client.get(f"/admin/front-end-preview/{guide.pk}/zh-hans/"))
    payload = signing.loads(token, salt=SALT)
    assert (payload["r"], payload["l"]) == (second.pk, "zh-hans")


@pytest.mark.parametrize(
    "url", ["/admin/front-end-preview/{pk}/fr/", "/admin/front-end-preview/999999/en/"]
)
def test_unknown_locale_or_page_is_404(draft, admin_client, url):
    guide, _first, _second = draft
    assert admin_client.get(url.format(pk=guide.pk)).status_code == 404


def test_tokens_carry_at_least_128_random_bits(draft, admin_client):
    guide, _first, _second = draft
    tokens = [
        token_from(admin_client.get(f"/admin/front-end-preview/{guide.pk}/en/")) for _ in range(50)
    ]
    assert len(set(tokens)) == 50
    nonces = {signing.loads(token, salt=SALT)["n"] for token in tokens}
    assert len(nonces) == 50
    for nonce in nonces:
        assert len(base64.urlsafe_b64decode(nonce + "==")) >= 16  # 128 bits
    assert min(len(token) for token in tokens) >= 60


def test_tokens_expire_after_the_configured_time(draft, client, settings):
    _guide, _first, second = draft
    settings.PREVIEW_TOKEN_SECONDS = 60
    token = make_token(second, "en")
    signed_at = signing.loads(token, salt=SALT)  # still fresh
    assert signed_at["r"] == second.pk
    import time

    now = time.time()
    with mock.patch("django.core.signing.time.time", return_value=now + 59):
        assert preview(client, token).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=now + 61):
        response = preview(client, token)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "token_expired"


def test_token_names_one_revision_and_one_locale(draft, client):
    _guide, first, second = draft
    token = make_token(first, "zh-hans")
    data = preview(client, token).json()
    assert data["meta"]["revision_id"] == first.pk and data["meta"]["locale"] == "zh-hans"
    for params, code in (
        ({"locale": "en"}, "wrong_locale"),
        ({"revision": second.pk}, "wrong_revision"),
        ({"locale": "en", "revision": first.pk}, "wrong_locale"),
    ):
        response = preview(client, token, **params)
        assert response.status_code == 403 and response.json()["error"]["code"] == code


def _tampered(token, **changes):
    """The token's payload changed, its signature kept."""
    payload_part, rest = token.split(":", 1)
    padded = payload_part + "=" * (-len(payload_part) % 4)
    payload = json.loads(base64.urlsafe_b64decode(padded))
    payload.update(changes)
    encoded = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode())
    return encoded.decode().rstrip("=") + ":" + rest


@pytest.mark.parametrize(
    "forge",
    [
        "other revision in payload",
        "other locale in payload",
        "signed without the salt",
        "signed with another salt",
        "signed with another key",
        "empty",
        "signature only",
    ],
)
def test_forged_tokens_are_refused(draft, client, forge):
    _guide, first, second = draft
    token = make_token(first, "en")
    payload = signing.loads(token, salt=SALT)
    forged = {
        "other revision in payload": lambda: _tampered(token, r=second.pk),
        "other locale in payload": lambda: _tampered(token, l="zh-hans"),
        "signed without the salt": lambda: signing.dumps(payload),
        "signed with another salt": lambda: signing.dumps(payload, salt="guides.quiz"),
        "signed with another key": lambda: signing.dumps(payload, key="x" * 50, salt=SALT),
        "empty": lambda: "",
        "signature only": lambda: token.rsplit(":", 1)[-1],
    }[forge]()
    response = preview(client, forged)
    assert response.status_code in (400, 403)
    assert b"Secret preview draft" not in response.content


def test_preview_responses_are_never_cached_nor_shared(draft, client):
    _guide, first, _second = draft
    response = preview(client, make_token(first, "en"))
    assert response["Cache-Control"] == "private, no-store"
    assert preview(client, "bad").status_code == 403  # not a cached 200
