"""Readers see only reviewed content, in each language: the scenarios an outside review found,
tried through real admin requests (a session and a CSRF token) and every read path."""

import json

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.webhooks.models import WebhookEvent
from cms.workflow.publishing import TRANSLATION
from guides.models import GuidePage
from tests.admin_post import AdminSession, edit_form_data
from tests.webhooks.subscribers import subscribe_to_everything

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "未经审核的中文标题"
DRAFT_SLUG = "wei-jing-shen-he"
DRAFT_WORDS = "尚未审核的段落内容"


def guide():
    return GuidePage.objects.order_by("number").first()


def latest(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def with_first_heading(raw, text):
    raw = json.loads(json.dumps(list(raw)))
    section = next(block for block in raw if "heading" in block["value"])
    section["value"]["heading"] = text
    return raw


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def unreviewed_chinese_then_english_correction(demo_site, translator, reviewer, on_commit):
    """A translator saves Chinese as a draft; a reviewer then publishes an English correction."""
    page = guide()
    approved = {"title": page.title_zh_hans, "slug": page.slug_zh_hans}
    draft = latest(page)
    body = with_first_heading(draft.body_zh_hans.raw_data, DRAFT_WORDS)
    translating = AdminSession(translator)
    with on_commit():
        response = translating.post(
            f"/admin/pages/{page.pk}/edit/",
            {
                **edit_form_data(draft, translator),
                **edit_form_data_for_body(draft, translator, body),
                "title_zh_hans": DRAFT_TITLE,
                "slug_zh_hans": DRAFT_SLUG,
            },
        )
    assert response.status_code == 302, response.content[:500]
    assert latest(page).title_zh_hans == DRAFT_TITLE
    reviewing = AdminSession(reviewer)
    correction = {**edit_form_data(latest(page), reviewer), "title_en": "An English correction"}
    with on_commit():
        response = reviewing.post(
            f"/admin/pages/{page.pk}/edit/", {**correction, "action-publish": "1"}
        )
    assert response.status_code == 302, response.content[:500]
    return GuidePage.objects.get(pk=page.pk), approved


def edit_form_data_for_body(page, user, raw_zh):
    page.body_zh_hans = raw_zh
    data = edit_form_data(page, user)
    return {key: value for key, value in data.items() if key.startswith("body_zh_hans")}


class TestUnreviewedChineseOnEveryReadPath:
    def test_the_live_row_keeps_the_approved_chinese(
        self, unreviewed_chinese_then_english_correction
    ):
        live, approved = unreviewed_chinese_then_english_correction
        assert live.title_en == "An English correction"
        assert (live.title_zh_hans, live.slug_zh_hans) == (approved["title"], approved["slug"])
        assert DRAFT_WORDS not in json.dumps(list(live.body_zh_hans.raw_data), ensure_ascii=False)
        assert latest(live).title_zh_hans == DRAFT_TITLE, "the translator's draft is kept"

    def test_wagtail_page_urls_render_nothing_and_know_no_draft_slug(
        self, unreviewed_chinese_then_english_correction, client
    ):
        live, approved = unreviewed_chinese_then_english_correction
        chinese = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
        assert client.get(f"/guides/{DRAFT_SLUG}/", **chinese).status_code == 404
        response = client.get(f"/guides/{approved['slug']}/", **chinese)
        assert response.status_code == 302
        assert response["Location"] == f"/site/guides/{approved['slug']}/?locale=zh-hans"
        index = client.get("/guides/", **chinese)
        assert index.status_code == 302 and not index.content
        english = client.get(f"/guides/{live.slug_en}/")
        assert english["Location"] == f"/site/guides/{live.slug_en}/"

    def test_api_v1_detail_listing_resolve_and_search(
        self, unreviewed_chinese_then_english_correction, client
    ):
        live, approved = unreviewed_chinese_then_english_correction
        zh = {"locale": "zh-hans"}
        responses = [
            client.get(f"/api/v1/guides/{live.slug_en}/", zh),
            client.get("/api/v1/guides/", zh),
            client.get("/api/v1/pages/resolve/", {"path": f"/guides/{approved['slug']}/", **zh}),
            client.get("/api/v1/search/", {"q": "未经审核", **zh}),
            client.get("/api/v1/search/", {"q": "段落内容", **zh}),
        ]
        for response in responses:
            text = response.content.decode()
            assert DRAFT_TITLE not in text and DRAFT_WORDS not in text and DRAFT_SLUG not in text
        assert responses[0].json()["title"] == approved["title"]
        assert responses[2].json()["title"] == approved["title"]
        assert responses[3].json()["count"] == responses[4].json()["count"] == 0
        draft_path = {"path": f"/guides/{DRAFT_SLUG}/", **zh}
        assert client.get("/api/v1/pages/resolve/", draft_path).status_code == 404
        assert client.get(f"/api/v1/guides/{DRAFT_SLUG}/", zh).status_code == 404

    def test_api_v2_search_and_title_are_no_oracle(
        self, unreviewed_chinese_then_english_correction, client
    ):
        live, approved = unreviewed_chinese_then_english_correction
        chinese = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
        for params in ({"search": "未经审核"}, {"title": DRAFT_TITLE}, {"search": "段落内容"}):
            data = client.get("/api/v2/pages/", params, **chinese).json()
            assert data["meta"]["total_count"] == 0, params
        found = client.get("/api/v2/pages/", {"title": approved["title"]}, **chinese).json()
        assert [item["id"] for item in found["items"]] == [live.pk]
        detail = client.get(f"/api/v2/pages/{live.pk}/", {"fields": "*"}, **chinese)
        assert DRAFT_TITLE not in detail.content.decode()

    def test_webhooks_carry_only_the_approved_chinese(
        self, demo_site, translator, reviewer, on_commit
    ):
        subscribe_to_everything()
        page = guide()
        with on_commit():
            AdminSession(translator).post(
                f"/admin/pages/{page.pk}/edit/",
                {**edit_form_data(latest(page), translator), "slug_zh_hans": DRAFT_SLUG},
            )
            data = {**edit_form_data(latest(page), reviewer), "title_en": "Corrected"}
            AdminSession(reviewer).post(
                f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"}
            )
        (event,) = WebhookEvent.objects.filter(page_id=page.pk)
        assert DRAFT_SLUG not in json.dumps(event.payload)
        assert event.payload["page"]["slug"]["zh-hans"] == page.slug_zh_hans


def test_a_translator_cannot_rewrite_the_english_through_revert(
    demo_site, client, editor, reviewer, translator, translation_reviewer, on_commit
):
    page = guide()
    old_revision = page.revisions.order_by("created_at").first()
    old_title = old_revision.as_object().title_en
    with on_commit():
        data = edit_form_data(latest(page), editor, title_en="The editor's reviewed English")
        AdminSession(editor).post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
        state = GuidePage.objects.get(pk=page.pk).current_workflow_task_state
        AdminSession(reviewer).post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""}
        )
    state = GuidePage.objects.get(pk=page.pk).current_workflow_task_state
    assert state.task.name == "zh-hans translation review"
    revisions = page.revisions.count()

    # The translator posts the old revision's form, with its English, to its revert URL. The
    # English is read-only to them (disabled fields, shown from the latest revision): ignored.
    reverting = AdminSession(translator)
    url = f"/admin/pages/{page.pk}/revisions/{old_revision.pk}/revert/"
    data = edit_form_data(old_revision.as_object(), translator, title_en=old_title)
    response = reverting.post(url, data)
    assert response.status_code in (200, 302)
    assert page.revisions.count() in (revisions, revisions + 1)
    assert latest(page).title_en == "The editor's reviewed English"

    # Even a revision holding other English never publishes it through translation approval.
    sneaked = latest(page)
    sneaked.title_en = old_title
    sneaked.save_revision(user=translator)
    with on_commit():
        state = GuidePage.objects.get(pk=page.pk).current_workflow_task_state
        AdminSession(translation_reviewer).post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""}
        )
    assert GuidePage.objects.get(pk=page.pk).title_en == "The editor's reviewed English"
    detail = client.get(f"/api/v1/guides/{page.slug_en}/").json()
    assert detail["title"] == "The editor's reviewed English"


class TestTranslatorsChangeOnlyChineseText:
    @pytest.mark.parametrize("change", ["reference URL", "day range", "added block", "link"])
    def test_a_crafted_chinese_body_is_refused(self, demo_site, translator, change):
        page = guide()
        draft = latest(page)
        raw = json.loads(json.dumps(list(draft.body_zh_hans.raw_data)))
        if change == "reference URL":
            references = next(block for block in raw if block["type"] == "references")
            references["value"]["items"][0]["value"]["url"] = "https://elsewhere.example/"
        elif change == "day range":  # the last step, later still: valid, but not English
            pathway = next(block for block in raw if block["type"] == "pathway")
            pathway["value"]["steps"][-1]["value"]["day_to"] += 5
        elif change == "added block":
            raw.append({"type": "copy_phrase", "id": "extra", "value": {"phrase": "多出来的"}})
        else:
            section = next(block for block in raw if block["type"] == "section")
            link = '<a href="https://elsewhere.example/">链接</a>'
            section["value"]["body"] = section["value"]["body"].replace("</p>", link + "</p>", 1)
        revisions = page.revisions.count()
        data = {
            **edit_form_data(draft, translator),
            **edit_form_data_for_body(draft, translator, raw),
        }
        response = AdminSession(translator).post(f"/admin/pages/{page.pk}/edit/", data)
        assert response.status_code == 200
        assert "body_zh_hans" in response.context["form"].errors
        assert page.revisions.count() == revisions

    def test_translation_approval_serves_the_english_structure_and_shared_values(
        self, demo_site, client
    ):
        page = guide()
        draft = latest(page)
        raw = json.loads(json.dumps(list(draft.body_zh_hans.raw_data)))
        references = next(block for block in raw if block["type"] == "references")
        references["value"]["items"][0]["value"]["url"] = "https://elsewhere.example/"
        pathway = next(block for block in raw if block["type"] == "pathway")
        pathway["value"]["steps"][-1]["value"]["day_to"] += 5
        raw.append({"type": "copy_phrase", "id": "extra", "value": {"phrase": "多出来的"}})
        # However it got into a revision, the Chinese body cannot change what is shared.
        draft.body_zh_hans = raw
        revision = draft.save_revision()
        page.publish(revision, scope=TRANSLATION)
        english = client.get(f"/api/v1/guides/{page.slug_en}/").json()
        chinese = client.get(f"/api/v1/guides/{page.slug_en}/", {"locale": "zh-hans"}).json()
        assert len(chinese["body"]) == len(english["body"])
        assert "elsewhere.example" not in json.dumps(chinese)
        assert "多出来的" not in json.dumps(chinese, ensure_ascii=False)
        steps = [b for b in chinese["body"] if b["type"] == "pathway"][0]["value"]["steps"]
        english_steps = [b for b in english["body"] if b["type"] == "pathway"][0]["value"]["steps"]
        assert [s["day_to"] for s in steps] == [s["day_to"] for s in english_steps]


def test_a_chinese_only_change_goes_straight_to_translation_review(
    demo_site, translator, on_commit
):
    page = guide()
    data = {**edit_form_data(latest(page), translator), "title_zh_hans": "只改了中文标题"}
    with on_commit():
        response = AdminSession(translator).post(
            f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"}
        )
    assert response.status_code == 302
    state = GuidePage.objects.get(pk=page.pk).current_workflow_state
    assert state.current_task_state.task.name == "zh-hans translation review"
    skipped = state.task_states.get(task__name="Editorial review")
    assert skipped.status == "skipped"


def test_an_english_change_still_goes_through_editorial_review(demo_site, editor, on_commit):
    page = guide()
    data = {**edit_form_data(latest(page), editor), "title_en": "A changed English title"}
    with on_commit():
        AdminSession(editor).post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    state = GuidePage.objects.get(pk=page.pk).current_workflow_state
    assert state.current_task_state.task.name == "Editorial review"


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_the_relationship_test_url_sends_readers_to_the_front_end(demo_site, client, locale):
    from guides.demo.quiz_loader import load_demo_quiz

    quiz, _created = load_demo_quiz(demo_site)
    path = f"/{quiz.slug_zh_hans}/" if locale == "zh-hans" else f"/{quiz.slug_en}/"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=locale)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/site/tests/{quiz.slug_en}/")


def test_drafts_are_404_at_their_wagtail_url(demo_site, client):
    page = guide()
    page.unpublish()
    assert client.get(f"/guides/{page.slug_en}/").status_code == 404
    assert Page.objects.get(pk=page.pk).live is False


def test_the_front_end_url_is_configurable(demo_site, client, settings):
    settings.FRONTEND_URL = "https://www.example.org/"
    response = client.get(f"/guides/{guide().slug_en}/")
    assert response["Location"] == f"https://www.example.org/guides/{guide().slug_en}/"


def test_rebuilding_the_search_index_keeps_out_unreviewed_chinese(
    unreviewed_chinese_then_english_correction, client
):
    call_command("rebuild_search_index", stdout=None, stderr=None)
    found = client.get("/api/v1/search/", {"q": "段落内容", "locale": "zh-hans"}).json()
    assert found["count"] == 0


def test_a_translators_revert_through_the_admin_api_keeps_the_english(
    demo_site, editor, translator
):
    page = guide()
    old_revision = page.revisions.order_by("created_at").first()
    draft = latest(page)
    draft.title_en = "The English as it stands"
    draft.topics.set(["one-new-topic"])
    draft.save_revision(user=editor)
    response = AdminSession(translator).post(
        f"/admin/api/main/pages/{page.pk}/action/revert_to_page_revision/",
        {"revision_id": old_revision.pk},
    )
    assert response.status_code in (200, 400, 403)
    now = latest(page)
    assert now.title_en == "The English as it stands"
    assert [topic.name for topic in now.topics.all()] == ["one-new-topic"]
