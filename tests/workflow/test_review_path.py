"""The whole path, API checked at each stage in both languages:
editor -> reviewer -> translator -> translation reviewer."""

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from guides.demo.loader import build_guide, load_snippets, read_demo_data
from guides.models import GuideIndexPage, GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db


def api_title(client, page, locale):
    client.logout()
    data = client.get(f"/api/v1/guides/{page.slug_en}/", {"locale": locale}).json()
    return data["title"], data["meta"]["translation_state"]


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def task_state(page):
    return GuidePage.objects.get(pk=page.pk).current_workflow_task_state


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = task_state(page)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": comment}
    )


def test_editor_reviewer_translator_translation_reviewer(
    demo_site,
    client,
    editor,
    reviewer,
    translator,
    translation_reviewer,
    django_capture_on_commit_callbacks,
):
    page = GuidePage.objects.order_by("number").first()
    old_en, old_zh = page.title_en, page.title_zh_hans

    with django_capture_on_commit_callbacks(execute=True):
        # 1. The editor rewrites the English title and submits it for review.
        client.force_login(editor)
        data = edit_form_data(page, editor, title_en="Reassurance loops, explained")
        client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    assert task_state(page).task.name == "Editorial review"
    assert api_title(client, page, "en") == (old_en, "source")
    assert api_title(client, page, "zh-hans") == (old_zh, "complete")

    with django_capture_on_commit_callbacks(execute=True):
        # 2. The reviewer approves: the English goes live; the Chinese is untouched.
        act(client, reviewer, page, "approve")
    assert task_state(page).task.name == "zh-hans translation review"
    assert api_title(client, page, "en") == ("Reassurance loops, explained", "source")
    # The Chinese title still shows, flagged: it was written for the old English one.
    assert api_title(client, page, "zh-hans") == (old_zh, "outdated")

    with django_capture_on_commit_callbacks(execute=True):
        # 3. The translator translates the new title while translation review is open.
        client.force_login(translator)
        data = edit_form_data(latest(page), translator, title_zh_hans="安慰循环，一次讲清")
        client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert latest(page).title_zh_hans == "安慰循环，一次讲清"
    assert api_title(client, page, "zh-hans")[0] == old_zh, "not approved yet"

    with django_capture_on_commit_callbacks(execute=True):
        # 4. The translation reviewer approves: the Chinese goes live.
        act(client, translation_reviewer, page, "approve")
    assert api_title(client, page, "zh-hans") == ("安慰循环，一次讲清", "complete")
    assert api_title(client, page, "en")[0] == "Reassurance loops, explained"

    # Every transition is in the audit log with its user, and the approval names its locale.
    entries = PageLogEntry.objects.filter(page=page)
    assert entries.filter(action="wagtail.workflow.start", user=editor).exists()
    assert entries.filter(action="wagtail.workflow.approve", user=reviewer).exists()
    assert entries.filter(action="wagtail.workflow.approve", user=translation_reviewer).exists()
    approval = entries.filter(action="cms.translation_approved", user=translation_reviewer).get()
    assert approval.data == {"locale": "zh-hans"}
    assert not entries.filter(action="cms.translation_approved", user=reviewer).exists()
    # ... and a reviewer can read it in the admin.
    client.force_login(reviewer)
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Approve zh-hans translation" in history or "zh-hans translation approved" in history
    assert mail.outbox, "each transition notifies someone"


def test_unapproved_chinese_published_by_a_reviewer_stays_hidden_everywhere(
    demo_site, client, reviewer, django_capture_on_commit_callbacks
):
    page = GuidePage.objects.order_by("number").first()
    approved_title = page.title_zh_hans
    draft = page.get_latest_revision_as_object()
    draft.title_en = "An English correction"
    draft.title_zh_hans = "尚未审核的中文标题"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=reviewer).publish(user=reviewer)
    live = GuidePage.objects.get(pk=page.pk)
    assert (live.title_en, live.title_zh_hans) == ("An English correction", approved_title)
    assert live.get_latest_revision_as_object().title_zh_hans == "尚未审核的中文标题"
    assert live.has_unpublished_changes, "the Chinese waits in the latest revision"

    assert api_title(client, page, "en") == ("An English correction", "source")
    # The approved Chinese title stands, flagged as written for the previous English.
    assert api_title(client, page, "zh-hans") == (approved_title, "outdated")
    v2 = client.get(f"/api/v2/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert v2["title"] == approved_title
    v2_list = client.get(
        "/api/v2/pages/", {"type": "guides.GuidePage"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).json()
    assert approved_title in {item["title"] for item in v2_list["items"]}


def test_without_any_approval_chinese_falls_back_to_english(
    demo_site, client, reviewer, django_capture_on_commit_callbacks
):
    data = read_demo_data()
    series, cta, faqs = load_snippets(data)
    guide = build_guide(
        {**data["guides"][0], "number": 777, "slug": {"en": "new-guide", "zh_hans": "xin"}},
        series,
        cta,
        faqs,
    )
    GuideIndexPage.objects.get().add_child(instance=guide)
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision(user=reviewer).publish(user=reviewer)  # the English, reviewed
    assert GuidePage.objects.get(pk=guide.pk).title_zh_hans in ("", None)
    data = client.get("/api/v1/guides/new-guide/", {"locale": "zh-hans"}).json()
    assert data["title"] == guide.title_en
    assert data["meta"]["translation_state"] == "missing"
    assert {"title", "body"} <= set(data["meta"]["fallback"])
    assert client.get("/api/v1/guides/xin/").status_code == 404, "no unreviewed Chinese slug"


def test_rejection_goes_back_to_the_author_with_the_comment(
    demo_site, client, editor, reviewer, django_capture_on_commit_callbacks
):
    page = GuidePage.objects.order_by("number").first()
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(editor)
        data = edit_form_data(page, editor, title_en="A title for the reviewer to reject")
        client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
        mail.outbox.clear()
        act(client, reviewer, page, "reject", comment="Step 3 repeats step 2; please rewrite it.")
    to_author = [m for m in mail.outbox if editor.email in m.to]
    assert to_author
    assert "Step 3 repeats step 2; please rewrite it." in to_author[0].body
    state = GuidePage.objects.get(pk=page.pk).current_workflow_state
    assert state.status == "needs_changes"
