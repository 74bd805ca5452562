"""The role matrix, tried with crafted requests rather than the buttons the admin shows.

tests/workflow/ already covers: an editor's publish / bulk publish / unpublish / revert /
copy / go-live (and a reviewer doing the same), and a translator changing English fields.
This adds the cells that were missing, as one matrix, plus anonymous access to every admin URL.
"""

import pytest

from guides.models import GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(demo_site):
    return GuidePage.objects.order_by("number").first()


def fresh(page):
    return GuidePage.objects.filter(pk=page.pk).first()


def publish_chinese(client, user, page):
    data = {**edit_form_data(page, user, title_zh_hans="越权发布的标题"), "action-publish": "1"}
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    return fresh(page).title_zh_hans == "越权发布的标题"


def publish_english(client, user, page):
    data = {**edit_form_data(page, user, title_en="Published English"), "action-publish": "1"}
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    return fresh(page).title_en == "Published English"


def change_english(client, user, page):
    client.post(f"/admin/pages/{page.pk}/edit/", edit_form_data(page, user, title_en="Changed"))
    return fresh(page).get_latest_revision_as_object().title_en == "Changed"


def unpublish(client, user, page):
    client.post(f"/admin/pages/{page.pk}/unpublish/")
    return not fresh(page).live


def bulk_unpublish(client, user, page):
    client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={page.pk}", {})
    return not fresh(page).live


def delete(client, user, page):
    client.post(f"/admin/pages/{page.pk}/delete/")
    return fresh(page) is None


def bulk_delete(client, user, page):
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}", {})
    return fresh(page) is None


ACTIONS = {
    "publish": publish_chinese,
    "publish English": publish_english,
    "change English": change_english,
    "unpublish": unpublish,
    "bulk unpublish": bulk_unpublish,
    "delete": delete,
    "bulk delete": bulk_delete,
}
# (role, action) -> may it happen? Only cells not covered in tests/workflow/.
MATRIX = {
    ("editor", "delete"): False,
    ("editor", "bulk delete"): False,
    ("editor", "bulk unpublish"): False,
    ("translator", "publish"): False,
    ("translator", "unpublish"): False,
    ("translator", "bulk unpublish"): False,
    ("translator", "delete"): False,
    ("translator", "bulk delete"): False,
    ("translation_reviewer", "publish"): False,
    ("translation_reviewer", "change English"): False,
    ("translation_reviewer", "unpublish"): False,
    ("translation_reviewer", "delete"): False,
    ("translation_reviewer", "bulk delete"): False,
    # A reviewer publishes English; Chinese goes live only through translation review.
    ("reviewer", "publish"): False,
    ("reviewer", "publish English"): True,
    ("editor", "publish English"): False,
    ("translator", "publish English"): False,
    # The same requests succeed for a reviewer, so the refusals above are the permission.
    ("reviewer", "bulk unpublish"): True,
    ("reviewer", "delete"): True,
    ("reviewer", "bulk delete"): True,
    ("editor", "change English"): True,
}


@pytest.mark.parametrize(("role", "action"), MATRIX, ids=lambda v: str(v))
def test_role_matrix(page, request, login, role, action):
    user = request.getfixturevalue(role)
    client = login(user)
    client.raise_request_exception = False
    assert ACTIONS[action](client, user, page) is MATRIX[role, action]


def test_a_refused_chinese_publish_serves_nothing_new(page, translator, login, client):
    publish_chinese(login(translator), translator, page)
    client.logout()
    data = client.get(f"/api/v1/guides/{page.slug_en}/", {"locale": "zh-hans"}).json()
    assert data["title"] != "越权发布的标题"


ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{pk}/",
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/unpublish/",
    "/admin/pages/{pk}/delete/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/revisions/compare/earliest...latest/",
    "/admin/bulk/wagtailcore/page/publish/?id={pk}",
    "/admin/snippets/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/workflows/list/",
    "/admin/front-end-preview/{pk}/en/",
    "/admin/translations/",
    "/admin/translations/export/",
    "/admin/translations/import/",
    "/admin/translations/{pk}/",
    "/admin/webhooks/",
    "/admin/webhooks/new/",
    "/admin/webhook-deliveries/",
    "/admin/webhook-deliveries/1/",
]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_is_sent_to_the_login_for_every_admin_url(page, client, url, method):
    response = getattr(client, method)(url.format(pk=page.pk))
    assert response.status_code in (302, 401, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")


def test_anonymous_cannot_resend_a_delivery(page, client):
    response = client.post("/admin/webhook-deliveries/1/resend/")
    assert response.status_code in (302, 401, 403, 404)
    assert "/admin/login/" in response.get("Location", "/admin/login/")
