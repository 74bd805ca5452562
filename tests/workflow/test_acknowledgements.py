"""Content warnings gate what goes live (#21): at submit, at each approval and at each publish the
open warnings must be acknowledged with a note, which reaches the page history and the publish
event. Real admin POSTs with a session and a CSRF token, as each role."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.webhooks.models import WebhookEvent
from cms.workflow.scheduler import run_due
from guides.models import GuidePage
from tests.admin_post import AdminSession, edit_form_data
from tests.webhooks.subscribers import subscribe_to_everything

pytestmark = pytest.mark.django_db

CUT_OFF = "Short replies feel like rejection because the anxious mind fills the silence…"
NOTE = "The trailing ellipsis is deliberate: the summary mirrors an unfinished thought."
ACK = "cms.acknowledge_warnings"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # the dialog talks to the server this way


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def guide():
    return GuidePage.objects.order_by("number").first()


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def edit(session, page, action, **changes):
    data = {**edit_form_data(latest(page), session.user, **changes), action: "1"}
    return session.post(f"/admin/pages/{page.pk}/edit/", data)


def acknowledgements(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action=ACK).order_by("pk")


def submitted_with_a_fault(editor, page):
    response = edit(
        AdminSession(editor), page, "action-submit", summary_en=CUT_OFF, acknowledge_warnings=NOTE
    )
    assert response.status_code == 302
    return GuidePage.objects.get(pk=page.pk).current_workflow_task_state


def form_errors(response):
    return " ".join(str(error) for error in response.context["form"].non_field_errors())


def test_submitting_with_a_warning_needs_a_note_which_goes_into_the_history(demo_site, editor):
    page = guide()
    revisions = page.revisions.count()
    refused = edit(AdminSession(editor), page, "action-submit", summary_en=CUT_OFF)
    assert refused.status_code == 200
    assert "1 open content warning" in form_errors(refused)
    assert "Summary ends in an ellipsis" in form_errors(refused)
    assert page.revisions.count() == revisions, "nothing was saved"
    assert GuidePage.objects.get(pk=page.pk).current_workflow_state is None

    state = submitted_with_a_fault(editor, page)
    assert state.task.name == "Editorial review"
    (entry,) = acknowledgements(page)
    assert entry.revision_id == GuidePage.objects.get(pk=page.pk).latest_revision_id
    assert entry.user == editor and entry.data["note"] == NOTE and entry.data["step"] == "submit"
    assert [w["code"] for w in entry.data["warnings"]] == ["trailing_ellipsis"]
    assert "Acknowledged 1 content warning when submitting for review" in entry.message


def test_a_save_with_warnings_is_never_blocked_and_says_where_they_are(demo_site, editor):
    session = AdminSession(editor)
    response = edit(session, guide(), "save", summary_en=CUT_OFF)  # Save draft
    assert response.status_code == 302
    assert latest(guide()).summary_en == CUT_OFF
    shown = [str(message.message) for message in session.get(response.url).context["messages"]]
    assert any("1 open content warning; it is listed under Content warnings" in m for m in shown)


def test_a_reviewer_publishes_only_with_a_note_which_reaches_the_webhook(
    demo_site, reviewer, on_commit
):
    subscribe_to_everything()
    page = guide()
    session = AdminSession(reviewer)
    refused = edit(session, page, "action-publish", summary_en=CUT_OFF)
    assert refused.status_code == 200 and "open content warning" in form_errors(refused)
    assert GuidePage.objects.get(pk=page.pk).summary_en != CUT_OFF

    with on_commit():
        response = edit(
            session, page, "action-publish", summary_en=CUT_OFF, acknowledge_warnings=NOTE
        )
    assert response.status_code == 302
    live = GuidePage.objects.get(pk=page.pk)
    assert live.summary_en == CUT_OFF
    (entry,) = acknowledgements(page)
    assert entry.revision_id == live.live_revision_id and entry.data["step"] == "publish"
    (event,) = WebhookEvent.objects.filter(page_id=page.pk, name="page.published")
    (acknowledged,) = event.payload["acknowledged_warnings"]
    assert acknowledged["note"] == NOTE and acknowledged["user"] == reviewer.get_username()
    assert acknowledged["warnings"] == [
        {"language": "en", "code": "trailing_ellipsis", "path": "summary"}
    ]


def test_approving_on_the_dashboard_needs_the_note_in_its_dialog(demo_site, editor, reviewer):
    page = guide()
    state = submitted_with_a_fault(editor, page)
    session = AdminSession(reviewer)
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"

    dialog = json.loads(session.get(url, **XHR).content)["html"]
    assert "Approve and publish English" in dialog
    assert 'data-warning-code="trailing_ellipsis"' in dialog and "task_state_id" in dialog

    shown_again = session.post(url, {"task_state_id": state.pk, "comment": "Fine"}, **XHR)
    assert "Write a note on the warnings" in json.loads(shown_again.content)["html"]
    crafted = session.post(url, {"comment": "Fine"})  # the dialog's fields left out
    assert crafted.status_code == 302 and crafted.url == "/admin/"  # Wagtail's "no permission"
    assert GuidePage.objects.get(pk=page.pk).summary_en != CUT_OFF, "nothing went live"

    approved = session.post(url, {"task_state_id": state.pk, "note": NOTE})
    assert approved.status_code in (200, 302)
    live = GuidePage.objects.get(pk=page.pk)
    assert live.summary_en == CUT_OFF
    steps = [entry.data["step"] for entry in acknowledgements(page)]
    assert steps == ["submit", "approve"], "the approval has a note of its own"


def test_approving_in_the_editor_needs_the_note_from_its_dialog(demo_site, editor, reviewer):
    page = guide()
    submitted_with_a_fault(editor, page)
    session = AdminSession(reviewer)
    approve = {"workflow-action-name": "approve"}
    for extra in ("{}", "not json"):
        refused = edit(
            session,
            page,
            "action-workflow-action",
            **approve,
            **{"workflow-action-extra-data": extra},
        )
        assert refused.status_code == 200, extra
    assert GuidePage.objects.get(pk=page.pk).summary_en != CUT_OFF

    extra = json.dumps({"note": NOTE, "comment": ""})
    response = edit(
        session, page, "action-workflow-action", **approve, **{"workflow-action-extra-data": extra}
    )
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=page.pk).summary_en == CUT_OFF


def test_bulk_publish_refuses_what_nobody_acknowledged(demo_site, reviewer):
    page = guide()
    draft = latest(page)
    draft.summary_en = CUT_OFF
    draft.save_revision(user=reviewer)
    AdminSession(reviewer).post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": ""}
    )
    assert GuidePage.objects.get(pk=page.pk).summary_en != CUT_OFF


def test_a_scheduled_publish_goes_live_on_the_note_given_when_scheduling(demo_site, reviewer):
    page = guide()
    go_live = timezone.now() + timedelta(hours=1)
    response = edit(
        AdminSession(reviewer),
        page,
        "action-publish",
        summary_en=CUT_OFF,
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        acknowledge_warnings=NOTE,
    )
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=page.pk).summary_en != CUT_OFF, "scheduled, not live"
    revision = GuidePage.objects.get(pk=page.pk).get_latest_revision()
    revision.content["go_live_at"] = (timezone.now() - timedelta(minutes=1)).isoformat()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)  # an hour has passed
    revision.save(update_fields=["content", "approved_go_live_at"])
    assert run_due().published == [str(page.pk)]
    assert GuidePage.objects.get(pk=page.pk).summary_en == CUT_OFF


def test_chinese_warnings_need_a_note_at_translation_approval(
    demo_site, translator, translation_reviewer
):
    page = guide()
    zh_cut_off = "对方回复一短，焦虑的心就会用想象填满沉默……"
    response = edit(
        AdminSession(translator),
        page,
        "action-submit",
        summary_zh_hans=zh_cut_off,
        acknowledge_warnings=NOTE,
    )
    assert response.status_code == 302
    state = GuidePage.objects.get(pk=page.pk).current_workflow_task_state
    assert state.task.name == "zh-hans translation review", "only Chinese changed"
    session = AdminSession(translation_reviewer)
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"
    assert "Approve and publish Chinese" in json.loads(session.get(url, **XHR).content)["html"]
    assert session.post(url, {}).url == "/admin/"  # refused: no note
    assert GuidePage.objects.get(pk=page.pk).summary_zh_hans != zh_cut_off
    session.post(url, {"task_state_id": state.pk, "note": "A trailing thought, on purpose."})
    assert GuidePage.objects.get(pk=page.pk).summary_zh_hans == zh_cut_off


def test_without_warnings_no_note_is_asked_for(demo_site, reviewer):
    page = guide()
    response = edit(AdminSession(reviewer), page, "action-publish", title_en="Clear and whole")
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=page.pk).title_en == "Clear and whole"
    assert not acknowledgements(page).exists()


def test_the_reviewer_sees_one_approval_named_for_what_it_publishes(demo_site, editor, reviewer):
    page = guide()
    submitted_with_a_fault(editor, page)
    html = AdminSession(reviewer).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    footer = html[html.index("<footer") : html.index("</footer>")]
    assert footer.count("Approve and publish English") == 1
    assert "and Publish" not in footer
    assert 'name="action-publish"' not in footer, "no separate Publish beside the approval"
    assert footer.index("Approve and publish English") < footer.index("Save draft")
