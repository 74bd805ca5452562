"""The Translate view, tried from the outside: real admin sessions with CSRF tokens, crafted
posts, every role that may or may not translate."""

import json
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision

from cms.i18n.segments import segments_of
from cms.i18n.status import CURRENT, MISSING, OUTDATED
from cms.models import TranslationStatus
from cms.streams import is_translation
from cms.translate.views import form_prefix
from cms.translate.workspace import TranslationReviewTask, open_workspace
from guides.models import FAQ, GuidePage
from tests.admin_post import AdminSession

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def guide():
    return GuidePage.objects.order_by("number").first()


def url(page, **query):
    address = reverse("cms_translate", args=[page.pk])
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def save(session, page, key, chinese, headers=None, **fields):
    data = {"action": "save", "segment": key, f"{form_prefix(key)}-chinese": chinese, **fields}
    return session.post(url(page), data, **(headers or {}))


def translations(obj):
    """{segment key: Chinese} of the segments that are translated (not missing)."""
    return {s.key: s.target for s in segments_of(obj) if is_translation(s.source, s.target)}


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def latest_revision_id(page):
    return GuidePage.objects.get(pk=page.pk).latest_revision_id


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def rich_row(page):
    """A rich-text body segment of several sentences."""
    return next(
        row
        for row in open_workspace(page).rows
        if row.rich and row.key.startswith("body.") and row.source.count(". ") >= 3
    )


def test_every_segment_is_a_row_with_a_label_counting_from_one(demo_site, translator):
    page = guide()
    response = AdminSession(translator).get(url(page, show="all"))
    html = response.content.decode()
    assert response.status_code == 200
    rows = open_workspace(page).rows
    assert html.count("data-segment=") == len(rows) > 60
    assert [row.number for row in rows] == list(range(1, len(rows) + 1))
    assert "Block 1 (Problem scenario) · Heading" in html
    assert "body[" not in html and "[0]" not in html
    pathway = next(row for row in rows if "(Pathway) · Step 1 · Action 1" in row.label)
    assert pathway.label.startswith("Block ")
    # The English as readers see it: markup rendered, not shown as text.
    section = rich_row(page)
    assert section.english.startswith("<p>") and "&lt;p&gt;" not in html


def test_a_translator_saves_one_segment_and_nothing_else_changes(demo_site, translator):
    page = guide()
    before = latest(page)
    before_revisions = revisions(page)
    session = AdminSession(translator)
    response = save(
        session,
        page,
        "summary",
        "一段新的中文摘要，说明这份指南的内容。",
        title_en="Hijacked",
        title_zh_hans="被篡改的标题",
        slug_en="hijacked",
    )
    assert response.status_code == 302 and response.url.endswith("#segment-summary")
    after = latest(page)
    assert revisions(page) == before_revisions + 1
    assert after.summary_zh_hans == "一段新的中文摘要，说明这份指南的内容。"
    assert after.title_en == before.title_en and after.slug_en == before.slug_en
    assert after.title_zh_hans == before.title_zh_hans
    assert list(after.body_en.raw_data) == list(before.body_en.raw_data)
    assert translations(after) == {**translations(before), "summary": after.summary_zh_hans}
    assert GuidePage.objects.get(pk=page.pk).summary_zh_hans == before.summary_zh_hans, (
        "the live row keeps the reviewed Chinese until translation review approves"
    )
    status = TranslationStatus.objects.get(page=page)
    assert status.memory["summary"]["s"] == page.summary_en


@pytest.mark.parametrize(
    "key",
    ["title_en", "slug", "summary_en", "body.not-a-block.heading", "../summary", ""],
)
def test_crafted_segment_keys_change_nothing(demo_site, translator, key):
    page = guide()
    before_revisions = revisions(page)
    response = save(AdminSession(translator), page, key, "伪造的内容")
    assert response.status_code in (200, 302)
    assert revisions(page) == before_revisions
    follow = AdminSession(translator).client
    assert "伪造的内容" not in follow.get(url(page, show="all")).content.decode()


def test_a_link_the_english_does_not_have_is_refused(demo_site, translator):
    page = guide()
    row = rich_row(page)
    before_revisions = revisions(page)
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "text": "点这里",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 3, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://evil.test/"}}
        },
    }
    response = save(AdminSession(translator), page, row.key, json.dumps(contentstate))
    assert response.status_code == 200
    assert "a translation may link only where its English links" in response.content.decode()
    assert revisions(page) == before_revisions


def test_people_who_may_not_edit_the_page_cannot_translate_it(demo_site, django_user_model, client):
    page = guide()
    assert client.get(url(page)).status_code == 302  # anonymous: to the login
    before_revisions = revisions(page)
    editor_elsewhere = django_user_model.objects.create_user("elsewhere", password="pw")
    editor_elsewhere.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    session = AdminSession(editor_elsewhere)
    assert session.get(url(page)).status_code == 403
    response = save(session, page, "summary", "未授权的中文")
    assert response.status_code == 403
    assert revisions(page) == before_revisions


def test_a_page_locked_by_someone_else_refuses_the_save(demo_site, translator, reviewer):
    page = guide()
    GuidePage.objects.filter(pk=page.pk).update(locked=True, locked_by=reviewer)
    before_revisions = revisions(page)
    response = save(AdminSession(translator), page, "summary", "锁定时写的中文")
    assert response.status_code == 200 and "is locked" in response.content.decode()
    assert revisions(page) == before_revisions


def test_an_outdated_segment_shows_only_the_changed_sentence_and_can_be_confirmed(
    demo_site, translator
):
    page = guide()
    row = rich_row(page)
    draft = page.get_latest_revision_as_object()
    english = draft.body_en.raw_data
    changed_sentence = row.source.split(". ")[1]
    raw = json.dumps(list(english)).replace(changed_sentence, changed_sentence + " indeed", 1)
    draft.body_en = json.loads(raw)
    draft.save_revision()
    page = GuidePage.objects.get(pk=page.pk)
    outdated = open_workspace(page).row(row.key)
    assert outdated.state == OUTDATED
    assert "<ins>" in outdated.change and "indeed" in outdated.change
    first_sentence = row.source.split(". ")[0].removeprefix("<p>")
    assert first_sentence.split()[-1] not in outdated.change, "unchanged sentences are left out"
    assert "diff-omitted" in outdated.change

    session = AdminSession(translator)
    html = session.get(url(page, show="outdated")).content.decode()
    assert f'id="segment-{row.key}"' in html and "data-english-change" in html
    before_revisions = revisions(page)
    response = session.post(url(page), {"action": "confirm", "segment": row.key})
    assert response.status_code == 302
    assert open_workspace(page).row(row.key).state == CURRENT
    assert revisions(page) == before_revisions, "confirming writes no revision"
    # Confirming a segment that is not outdated is refused.
    response = session.post(url(page), {"action": "confirm", "segment": "title"})
    assert "nothing to confirm" in response.content.decode()


def test_a_fetch_save_returns_the_row_and_the_progress(demo_site, translator):
    page = guide()
    draft = page.get_latest_revision_as_object()
    draft.subtitle_zh_hans = ""
    draft.save_revision()
    page = GuidePage.objects.get(pk=page.pk)
    assert open_workspace(page).row("subtitle").state == MISSING
    response = save(AdminSession(translator), page, "subtitle", "新的副标题", FETCH)
    reply = response.json()
    assert response.status_code == 200 and reply["error"] is None
    assert 'data-state="current"' in reply["row"] and "新的副标题" in reply["row"]
    assert "100%" in reply["progress"]
    bad = save(AdminSession(translator), page, "subtitle", "", FETCH)
    assert bad.status_code == 400 and bad.json()["error"]


def test_submitting_sends_the_chinese_to_translation_review(demo_site, translator):
    page = guide()
    session = AdminSession(translator)
    save(session, page, "summary", "提交审核前的中文摘要。")
    note = "The summary leaves out a glossary term on purpose."
    response = session.post(url(page), {"action": "submit", "acknowledge_warnings": note})
    assert response.status_code == 302
    state = GuidePage.objects.get(pk=page.pk).current_workflow_state
    assert isinstance(state.current_task_state.task.specific, TranslationReviewTask), (
        "a revision that changes only Chinese skips editorial review"
    )
    first = state.current_task_state.revision_id
    save(session, page, "summary", "修改后的中文摘要。")
    state.current_task_state.refresh_from_db()
    assert state.current_task_state.revision_id != first, "the review follows each save"
    assert state.current_task_state.revision_id == latest_revision_id(page)
    response = session.post(url(page), {"action": "submit"}, follow=True)
    assert "The translation review now shows your latest Chinese." in response.content.decode()


def test_suggestions_come_from_other_approved_content(demo_site, translator):
    page, other = GuidePage.objects.order_by("number")[:2]
    from cms.i18n.memory import remember_approved

    remember_approved(other)
    segment_row = open_workspace(other).rows[3]
    draft = page.get_latest_revision_as_object()
    draft.subtitle_en = segment_row.source
    draft.subtitle_zh_hans = ""
    draft.save_revision()
    page = GuidePage.objects.get(pk=page.pk)
    session = AdminSession(translator)
    reply = session.get(url(page, segment="subtitle", suggestions=1), **FETCH).json()
    assert "Exact match" in reply["html"] and segment_row.chinese in reply["html"]
    used = session.get(url(page, segment="subtitle", use=0), **FETCH).json()
    assert segment_row.chinese in used["row"]
    assert open_workspace(page).row("subtitle").state == MISSING, "using is not saving"


def test_a_shared_snippet_has_its_own_translate_view(demo_site, translator):
    faq = FAQ.objects.first()
    address = reverse("cms_translate_snippet", args=["guides", "faq", faq.pk])
    session = AdminSession(translator)
    response = session.get(address + "?show=all")
    assert response.status_code == 200 and "Question" in response.content.decode()
    response = session.post(
        address,
        {"action": "save", "segment": "question", f"{form_prefix('question')}-chinese": "新问题？"},
    )
    assert response.status_code == 302
    assert FAQ.objects.get(pk=faq.pk).get_latest_revision_as_object().question_zh_hans == (
        "新问题？"
    )
    assert FAQ.objects.get(pk=faq.pk).question_zh_hans != "新问题？", "not live before review"
    for model in (
        ["auth", "user", 1],
        ["wagtailcore", "page", 1],
        ["guides", "nothing", 1],
        ["guides", "faq", "not-a-number"],
        ["guides", "faq", 999999],
    ):
        assert session.get(reverse("cms_translate_snippet", args=model)).status_code == 404


def test_queries_do_not_grow_with_the_number_of_segments(demo_site, translator):
    page = guide()
    page.get_latest_revision_as_object().save_revision()  # a draft, as after doubling below
    page = GuidePage.objects.get(pk=page.pk)
    session = AdminSession(translator)
    session.get(url(page, show="all"))  # caches warm

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert session.get(url(page, show="all")).status_code == 200
        return len(captured)

    before, segments = queries(), len(open_workspace(page).rows)
    draft = page.get_latest_revision_as_object()
    english, chinese = list(draft.body_en.raw_data), list(draft.body_zh_hans.raw_data)
    ids = {block["id"]: str(uuid.uuid4()) for block in english}
    draft.body_en = english + [{**block, "id": ids[block["id"]]} for block in english]
    draft.body_zh_hans = chinese + [
        {**block, "id": ids[block["id"]]} for block in chinese if block["id"] in ids
    ]
    draft.save_revision()
    page = GuidePage.objects.get(pk=page.pk)
    assert len(open_workspace(page).rows) > segments + 50
    assert queries() <= before


def test_submitting_chinese_with_warnings_needs_a_note(demo_site, translator):
    page = guide()
    session = AdminSession(translator)
    save(session, page, "summary", "摘要没有写完，然后……")
    shown = session.get(url(page)).content.decode()
    assert "data-submit-warnings" in shown and 'data-warning-code="trailing_ellipsis"' in shown
    refused = session.post(url(page), {"action": "submit"}, follow=True).content.decode()
    assert "To go on, write a note" in refused
    assert GuidePage.objects.get(pk=page.pk).current_workflow_state is None
    note = "The open ending is intended."
    response = session.post(url(page), {"action": "submit", "acknowledge_warnings": note})
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=page.pk).current_workflow_state is not None
    entry = PageLogEntry.objects.get(page_id=page.pk, action="cms.acknowledge_warnings")
    assert entry.data["note"] == note and entry.data["step"] == "submit"
    assert entry.revision_id == latest_revision_id(page)
