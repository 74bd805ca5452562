"""An editor cannot make content live (or take it down) by any route."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.workflow.scheduler import run_due
from guides.models import GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(demo_site):
    return GuidePage.objects.order_by("number").first()


def live_title(page):
    return GuidePage.objects.get(pk=page.pk).title_en


def test_publish_button(page, editor, login):
    data = {**edit_form_data(page, editor, title_en="Sneaked live"), "action-publish": "1"}
    login(editor).post(f"/admin/pages/{page.pk}/edit/", data)
    assert live_title(page) != "Sneaked live"


def test_bulk_publish(page, editor, login):
    draft = page.get_latest_revision_as_object()
    draft.title_en = "Bulk sneaked"
    draft.save_revision(user=editor)
    client = login(editor)
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""})
    assert live_title(page) != "Bulk sneaked"


def test_revert_then_publish(page, editor, login):
    first_revision = page.revisions.order_by("created_at").first()
    draft = page.get_latest_revision_as_object()
    draft.title_en = "Newer"
    draft.save_revision(user=editor)
    client = login(editor)
    data = {
        **edit_form_data(first_revision.as_object(), editor, title_en="Reverted and sneaked"),
        "revision": str(first_revision.pk),
        "action-publish": "1",
    }
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert live_title(page) != "Reverted and sneaked"


def test_copy_keeping_it_live(page, editor, login):
    client = login(editor)
    client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title_en": "Copied live",
            "new_slug_en": "copied-live",
            "new_parent_page": str(page.get_parent().pk),
            "copy_subpages": "",
            "publish_copies": "on",
            "alias": "",
        },
    )
    copies = GuidePage.objects.filter(slug="copied-live")
    assert not copies.filter(live=True).exists()


def test_setting_a_go_live_date(page, editor, login):
    go_live = (timezone.now() - timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    data = {
        **edit_form_data(page, editor, title_en="Scheduled by an editor"),
        "go_live_at": go_live,
    }
    login(editor).post(f"/admin/pages/{page.pk}/edit/", data)
    run_due()
    assert live_title(page) != "Scheduled by an editor"


def test_unpublish(page, editor, login):
    login(editor).post(f"/admin/pages/{page.pk}/unpublish/")
    assert GuidePage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("url", ["/api/v1/guides/", "/api/v2/pages/"])
def test_the_apis_are_read_only(page, editor, login, url):
    response = login(editor).post(url, {"title": "x"})
    assert response.status_code == 405


def test_editor_sees_submit_not_publish(page, editor, login):
    html = login(editor).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


class TestAReviewerCan:
    """The same requests succeed for a reviewer, so the refusals above are the permission."""

    def test_publish_button(self, page, reviewer, login):
        data = {
            **edit_form_data(page, reviewer, title_en="Published by review"),
            "action-publish": "1",
        }
        login(reviewer).post(f"/admin/pages/{page.pk}/edit/", data)
        assert live_title(page) == "Published by review"

    def test_unpublish(self, page, reviewer, login):
        login(reviewer).post(f"/admin/pages/{page.pk}/unpublish/")
        assert not GuidePage.objects.get(pk=page.pk).live

    def test_bulk_publish(self, page, reviewer, login):
        draft = page.get_latest_revision_as_object()
        draft.title_en = "Bulk published"
        draft.save_revision(user=reviewer)
        login(reviewer).post(
            f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""}
        )
        assert live_title(page) == "Bulk published"

    def test_copy_keeping_it_live(self, page, reviewer, login):
        login(reviewer).post(
            f"/admin/pages/{page.pk}/copy/",
            {
                "new_title_en": "Copied live",
                "new_slug_en": "copied-live",
                "new_parent_page": str(page.get_parent().pk),
                "publish_copies": "on",
            },
        )
        assert GuidePage.objects.filter(slug="copied-live", live=True).exists()
