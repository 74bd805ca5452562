"""An editor saving a form opened before someone else's save is warned, not silently applied.

Wagtail 8 refuses a stale background (JSON) save itself; an ordinary form submission used to
replace the newer revision silently. cms.workflow.forms.StaleRevisionGuardMixin refuses it too.
"""

import re

import pytest
from django.test import Client
from wagtail.models import Revision

from cms.workflow import roles
from guides.models import GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db

LOADED = re.compile(r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"')
WARNING = "Someone else saved this page after you opened it"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def loaded_fields(response):
    loaded = dict(LOADED.findall(response.content.decode()))
    assert set(loaded) == {"loaded_revision_id", "loaded_revision_created_at"}
    return loaded


def open_editor(client, page, user, **changes):
    """GET the edit view, then build the POST that form would send with `changes`."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    fresh = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return {**edit_form_data(fresh, user, **changes), **loaded_fields(response)}


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision()


@pytest.fixture
def two_editors(demo_site, editor, make_user):
    return editor, make_user("editor_b", roles.EDITORS)


@pytest.fixture
def page(demo_site):
    return GuidePage.objects.get(number=101)


def b_saves_after_a_opened(page, two_editors, **a_changes):
    editor_a, editor_b = two_editors
    a, b = client_for(editor_a), client_for(editor_b)
    form_a = open_editor(a, page, editor_a, **a_changes)
    form_b = open_editor(b, page, editor_b, title_en="Editor B's title")
    assert b.post(f"/admin/pages/{page.pk}/edit/", form_b).status_code == 302
    b_revision = latest(page)
    assert b_revision.content["title_en"] == "Editor B's title"
    return a, form_a, b_revision


def test_a_stale_form_save_is_refused_with_a_warning(page, two_editors):
    a, form_a, b_revision = b_saves_after_a_opened(page, two_editors, title_en="Editor A's title")
    revisions = Revision.objects.count()

    response = a.post(f"/admin/pages/{page.pk}/edit/", form_a)
    assert response.status_code == 200  # the form again, with A's input and the warning
    assert WARNING in response.content.decode()
    assert "Editor A&#x27;s title" in response.content.decode()
    assert Revision.objects.count() == revisions, "nothing saved"
    assert latest(page) == b_revision and Revision.objects.filter(pk=b_revision.pk).exists()

    # The form shown again is based on B's revision: saving again replaces it deliberately.
    again = {**form_a, **loaded_fields(response)}
    assert again["loaded_revision_id"] == str(b_revision.pk)
    assert a.post(f"/admin/pages/{page.pk}/edit/", again).status_code == 302
    assert latest(page).content["title_en"] == "Editor A's title"
    assert Revision.objects.filter(pk=b_revision.pk).exists(), "B's revision stays in history"


def test_a_stale_publish_is_refused_too(page, two_editors, reviewer):
    _a, _form, b_revision = b_saves_after_a_opened(page, two_editors)
    client = client_for(reviewer)
    # The reviewer opened the editor before B's save.
    form = edit_form_data(page, reviewer, title_en="Reviewer's title")
    form |= {"loaded_revision_id": str(page.latest_revision_id), "action-publish": "action-publish"}
    form["loaded_revision_created_at"] = page.latest_revision.created_at.isoformat()
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 200 and WARNING in response.content.decode()
    live = GuidePage.objects.get(pk=page.pk)
    assert live.title_en != "Reviewer's title" and latest(page) == b_revision


def test_wagtails_background_save_refuses_a_stale_revision(page, two_editors):
    a, form_a, b_revision = b_saves_after_a_opened(page, two_editors, title_en="Editor A's title")
    response = a.post(f"/admin/pages/{page.pk}/edit/", form_a, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert latest(page) == b_revision


def test_an_up_to_date_form_saves_as_before(page, two_editors):
    editor_a, _editor_b = two_editors
    a = client_for(editor_a)
    form = open_editor(a, page, editor_a, title_en="Editor A's title")
    assert a.post(f"/admin/pages/{page.pk}/edit/", form).status_code == 302
    assert latest(page).content["title_en"] == "Editor A's title"


def test_a_save_racing_the_editors_own_background_save_goes_through(page, two_editors):
    """Wagtail saves in the background while the editor types; pressing Save while that save
    is in flight posts a form loaded before it. The newer revision is their own: no warning."""
    editor_a, _editor_b = two_editors
    a = client_for(editor_a)
    form = open_editor(a, page, editor_a, title_en="Typed before pressing Save")
    background = open_editor(a, page, editor_a, title_en="Typed befo")
    saved = a.post(f"/admin/pages/{page.pk}/edit/", background, HTTP_ACCEPT="application/json")
    assert saved.status_code == 200, saved.content[:300]
    assert latest(page).content["title_en"] == "Typed befo"
    response = a.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:300]
    assert latest(page).content["title_en"] == "Typed before pressing Save"
