"""Preview tokens: signed, expiring, bound to one revision and one locale."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth.models import Group, Permission

from cms.api.preview import make_token
from tests.api.helpers import first_guide, get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(demo_site):
    guide = first_guide()
    guide.title_en = "Unpublished draft title"
    guide.title_zh_hans = "未发布的草稿标题"
    revision = guide.save_revision()
    return guide, revision


@pytest.mark.parametrize(
    ("locale", "title"), [("en", "Unpublished draft title"), ("zh-hans", "未发布的草稿标题")]
)
def test_token_shows_the_draft_privately(draft, client, locale, title):
    _guide, revision = draft
    response, data = get_json(client, "/api/v1/preview/", token=make_token(revision, locale))
    assert response.status_code == 200
    assert data["title"] == title
    assert data["meta"]["preview"] is True
    assert data["meta"]["revision_id"] == revision.pk
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


def test_token_for_another_locale_or_revision_is_refused(draft, client):
    guide, revision = draft
    token = make_token(revision, "en")
    response, data = get_json(client, "/api/v1/preview/", token=token, locale="zh-hans")
    assert response.status_code == 403 and data["error"]["code"] == "wrong_locale"
    older = guide.revisions.exclude(pk=revision.pk).first()
    response, data = get_json(client, "/api/v1/preview/", token=token, revision=older.pk)
    assert response.status_code == 403 and data["error"]["code"] == "wrong_revision"


def test_expired_and_forged_tokens_are_refused(draft, client, settings):
    _guide, revision = draft
    token = make_token(revision, "en")
    settings.PREVIEW_TOKEN_SECONDS = -1
    response, data = get_json(client, "/api/v1/preview/", token=token)
    assert response.status_code == 403 and data["error"]["code"] == "token_expired"
    settings.PREVIEW_TOKEN_SECONDS = 3600
    response, data = get_json(client, "/api/v1/preview/", token=token[:-2] + "xx")
    assert response.status_code == 403 and data["error"]["code"] == "invalid_token"
    response, data = get_json(client, "/api/v1/preview/")
    assert response.status_code == 400


def test_tokens_are_unique(draft):
    _guide, revision = draft
    assert make_token(revision, "en") != make_token(revision, "en")


def test_admin_preview_link_carries_a_working_token(draft, admin_client, client):
    guide, revision = draft
    response = admin_client.get(f"/admin/front-end-preview/{guide.pk}/zh-hans/")
    assert response.status_code == 302
    query = parse_qs(urlparse(response["Location"]).query)
    assert query["locale"] == ["zh-hans"]
    _, data = get_json(client, "/api/v1/preview/", token=query["token"][0])
    assert data["title"] == "未发布的草稿标题"


def test_admin_preview_link_needs_edit_rights(draft, client, django_user_model):
    guide, _revision = draft
    user = django_user_model.objects.create_user("reader", password="pw")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get(f"/admin/front-end-preview/{guide.pk}/en/").status_code == 403


def test_edit_view_offers_the_preview_buttons(draft, admin_client):
    guide, _revision = draft
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert f"/admin/front-end-preview/{guide.pk}/zh-hans/" in html
