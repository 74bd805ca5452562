"""Who does what, as each demo role meets it in the admin (issue #21): no publish or schedule
control an editor cannot complete, a status panel that says who reviews next, and messages
that name the page, the stage and the language."""

import pytest
from django.urls import reverse
from django.utils import translation

from cms.demo_users import ensure_demo_users
from cms.models import TranslationReviewTask
from cms.workflow import stages
from guides.models import GuideIndexPage, GuidePage
from tests.admin_post import AdminSession, edit_form_data

pytestmark = pytest.mark.django_db

PUBLISH = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
UNPUBLISH = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])


@pytest.fixture
def users(demo_site):
    return {user.username: user for user, _label, _created in ensure_demo_users()}


@pytest.fixture
def page(demo_site):
    return GuidePage.objects.order_by("number").first()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def html(session, url):
    response = session.get(url)
    assert response.status_code == 200
    return response.content.decode()


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def submit(session, page):
    data = edit_form_data(page, session.user, title_en="Ten minutes a day")
    return session.post(edit_url(page), {**data, "action-submit": "1"}, follow=True)


def task_state(page):
    return GuidePage.objects.get(pk=page.pk).current_workflow_task_state


def messages_of(response):
    return [str(message.message) for message in response.context["messages"]]


def assert_only_message(response, text):
    [message] = messages_of(response)
    assert text in message


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def approve_in_editor(session, page):
    data = {
        **edit_form_data(latest(page), session.user),
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
    }
    return session.post(edit_url(page), data, follow=True)


def dashboard_action(session, page, action="reject"):
    """A reviewer's action from the dashboard's "Awaiting your review" panel."""
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state(page).pk])
    return session.post(url, {"comment": ""}, follow=True)


class TestNoActionTheyCannotComplete:
    @pytest.mark.parametrize("role", ["editor", "translator", "zh_reviewer"])
    def test_no_bulk_publish_for_who_cannot_publish(self, users, role):
        session = AdminSession(users[role])
        for url in [
            f"/admin/pages/{GuideIndexPage.objects.get().pk}/",
            "/admin/pages/search/?q=attachment",
        ]:
            listing = html(session, url)
            assert "data-bulk-action-footer" in listing
            assert PUBLISH not in listing
            assert UNPUBLISH not in listing

    @pytest.mark.parametrize("role", ["reviewer", "admin"])
    def test_bulk_publish_for_who_can(self, users, role):
        listing = html(
            AdminSession(users[role]), f"/admin/pages/{GuideIndexPage.objects.get().pk}/"
        )
        assert PUBLISH in listing
        assert UNPUBLISH in listing

    def test_schedule_only_for_who_can_publish(self, users, page):
        assert "Set schedule" not in html(AdminSession(users["editor"]), edit_url(page))
        assert "Set schedule" in html(AdminSession(users["reviewer"]), edit_url(page))

    def test_no_publish_or_unpublish_in_an_editors_menus(self, users, page):
        edit = html(AdminSession(users["editor"]), edit_url(page))
        assert 'name="action-publish"' not in edit
        assert reverse("wagtailadmin_pages:unpublish", args=[page.pk]) not in edit
        reviewer_edit = html(AdminSession(users["reviewer"]), edit_url(page))
        assert reverse("wagtailadmin_pages:unpublish", args=[page.pk]) in reviewer_edit

    def test_snippets_offer_delete_only_to_who_may_delete(self, users):
        delete = reverse("wagtail_bulk_action", args=["guides", "faq", "delete"])
        listing = "/admin/snippets/guides/faq/"
        assert delete not in html(AdminSession(users["editor"]), listing)
        assert delete in html(AdminSession(users["reviewer"]), listing)


class TestTheStatusPanelSaysWhoReviewsNext:
    def test_outside_review_it_says_who_publishes(self, users, page):
        assert str(stages.WHO_PUBLISHES) in html(AdminSession(users["editor"]), edit_url(page))

    def test_each_stage_names_its_reviewers(self, users, page, on_commit):
        editor = AdminSession(users["editor"])
        with on_commit():
            submit(editor, page)
        panel = html(editor, edit_url(page))
        assert "Next: a reviewer (Reviewers) approves the English, which then goes live." in panel
        assert (
            "After that a zh-hans translation reviewer (zh-hans Translation reviewers) approves "
            "the Chinese, which then goes live."
        ) in panel
        assert "<strong>Editorial review</strong>: In progress" in panel
        assert "<strong>zh-hans translation review</strong>: Not started" in panel

        with on_commit():
            approve_in_editor(AdminSession(users["reviewer"]), page)
        panel = html(editor, edit_url(page))
        assert "Next: a zh-hans translation reviewer (zh-hans Translation reviewers)" in panel
        assert "After that" not in panel
        assert "<strong>Editorial review</strong>: Approved" in panel

    def test_after_changes_are_requested(self, users, page, on_commit):
        editor = AdminSession(users["editor"])
        with on_commit():
            submit(editor, page)
            dashboard_action(AdminSession(users["reviewer"]), page)
        panel = html(editor, edit_url(page))
        assert "Changes were requested (Editorial review)" in panel


class TestMessagesNameThePageTheStageAndTheLanguage:
    def test_submit(self, users, page, on_commit):
        with on_commit():
            response = submit(AdminSession(users["editor"]), page)
        assert_only_message(response, "“Ten minutes a day” submitted for editorial review.")

    def test_english_approved_in_the_editor(self, users, page, on_commit):
        with on_commit():
            submit(AdminSession(users["editor"]), page)
        with on_commit():
            response = approve_in_editor(AdminSession(users["reviewer"]), page)
        assert_only_message(
            response, "“Ten minutes a day”: English approved and published (Editorial review)."
        )
        assert GuidePage.objects.get(pk=page.pk).title_en == "Ten minutes a day"

    def test_changes_requested_from_the_dashboard(self, users, page, on_commit):
        with on_commit():
            submit(AdminSession(users["editor"]), page)
            response = dashboard_action(AdminSession(users["reviewer"]), page)
        assert_only_message(response, "“Ten minutes a day”: changes requested (Editorial review).")

    def test_chinese_approved_in_the_reviewers_language(self, users, page, on_commit):
        with on_commit():
            submit(AdminSession(users["editor"]), page)
            approve_in_editor(AdminSession(users["reviewer"]), page)
            response = approve_in_editor(AdminSession(users["zh_reviewer"]), page)
        with translation.override("zh-hans"):
            stage = stages.STAGES[TranslationReviewTask]
            expected = stage.approved % {"title": "Ten minutes a day", "stage": stage.name}
        [message] = messages_of(response)
        assert str(expected) in message
        assert ">编辑<" in message, "rendered in the reviewer's admin language"

    def test_cancel(self, users, page, on_commit):
        editor = AdminSession(users["editor"])
        with on_commit():
            submit(editor, page)
            data = edit_form_data(latest(page), editor.user)
            response = editor.post(
                edit_url(page), {**data, "action-cancel-workflow": "1"}, follow=True
            )
        assert_only_message(
            response,
            "“Ten minutes a day”: review cancelled; whatever it already approved stays live.",
        )
