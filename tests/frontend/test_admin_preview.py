"""The admin's preview (the editor's panel, a workflow task's Preview) is the reader site's
shell with the previewed page's API v1 representation embedded: readable, in one language."""

import json
import re

import pytest
from wagtail.models import Page

from guides.demo.quiz_loader import load_demo_quiz
from guides.models import GuideIndexPage, GuidePage, QuizPage
from tests.admin_post import AdminSession, edit_form_data
from tests.api.helpers import get_json

pytestmark = pytest.mark.django_db

TITLE_EN = "An unsaved title, seen only in the preview"
TITLE_ZH = "只在预览中看到的未保存标题"
STORAGE_FORMAT = ("ListValue", "StructValue", "linktype=")


def guide():
    return GuidePage.objects.order_by("number").first()


def preview_url(page):
    return f"/admin/pages/{page.pk}/edit/preview/"


def embedded(response):
    """The {locale, page} the shell draws, from its JSON script element."""
    html = response.content.decode()
    match = re.search(r'<script id="preview-page" type="application/json">(.*?)</script>', html)
    assert match, html[:500]
    return json.loads(match.group(1))


def text_of(value):
    """`value` as JSON without its markup: the rich text editor rewrites what it posts
    (<strong> as <b>, a block key on each paragraph)."""
    return re.sub(r"<[^>]*>", "", json.dumps(value, sort_keys=True))


def assert_readable_shell(response, html_lang):
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{html_lang}">' in html
    assert '<script type="module" src="/static/site/app.js"></script>' in html
    for word in STORAGE_FORMAT:
        assert word not in html
    # The admin frames it; the reader site's strict policy otherwise holds (no inline script).
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self';" in response["Content-Security-Policy"]
    for attributes, _body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attributes or 'type="application/json"' in attributes
    assert "no-store" in response["Cache-Control"]


def post_preview(session, page, **changes):
    response = session.post(preview_url(page), edit_form_data(page, session.user, **changes))
    assert response.json() == {"is_valid": True, "is_available": True}


@pytest.mark.parametrize(
    ("mode", "title", "html_lang"), [("en", TITLE_EN, "en"), ("zh-hans", TITLE_ZH, "zh-Hans")]
)
def test_the_panel_draws_the_unsaved_guide_in_each_language(
    demo_site, editor, mode, title, html_lang
):
    page = guide()
    session = AdminSession(editor)
    post_preview(session, page, title_en=TITLE_EN, title_zh_hans=TITLE_ZH)

    response = session.get(preview_url(page), {"mode": mode, "in_preview_panel": "true"})
    assert_readable_shell(response, html_lang)
    data = embedded(response)
    assert data["locale"] == mode
    shown = data["page"]
    assert shown["title"] == title
    assert shown["meta"]["locale"] == mode and shown["meta"]["preview"] is True
    assert GuidePage.objects.get(pk=page.pk).title_en != TITLE_EN, "a preview saves nothing"

    # Everything else is what API v1 gives readers of the live guide.
    _response, live = get_json(session.client, f"/api/v1/guides/{page.slug_en}/", locale=mode)
    for field in ("body", "faqs", "references", "quiz_cta", "topics", "series", "summary"):
        assert text_of(shown[field]) == text_of(live[field]), field
    assert {block["type"] for block in shown["body"]} >= {"pathway", "faq", "copy_phrase"}


def test_the_panel_offers_one_mode_per_language(demo_site, editor):
    html = AdminSession(editor).get(f"/admin/pages/{guide().pk}/edit/").content.decode()
    select = re.search(r'<select id="id_preview_mode".*?</select>', html, re.S).group(0)
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options == [("en", "English"), ("zh-hans", "简体中文")]
    assert "/static/frontend/preview_language.js" in html  # follows the field toggle


def test_an_unknown_mode_shows_english(demo_site, editor):
    page = guide()
    session = AdminSession(editor)
    post_preview(session, page, title_en=TITLE_EN)
    response = session.get(preview_url(page), {"mode": "fr"})
    assert embedded(response)["page"]["title"] == TITLE_EN


def test_a_new_guide_previews_before_it_is_saved(demo_site, editor):
    index = GuideIndexPage.objects.get()
    session = AdminSession(editor)
    data = edit_form_data(
        guide(), editor, title_en="A guide not yet created", slug_en="", slug_zh_hans=""
    )
    url = f"/admin/pages/add/guides/guidepage/{index.pk}/preview/"
    assert session.post(url, data).json()["is_valid"] is True
    response = session.get(url, {"mode": "en"})
    assert_readable_shell(response, "en")
    assert embedded(response)["page"]["title"] == "A guide not yet created"


def test_the_relationship_test_previews_through_the_front_end(demo_site, editor):
    load_demo_quiz(demo_site)
    quiz = QuizPage.objects.get()
    session = AdminSession(editor)
    post_preview(session, quiz, title_zh_hans="关系测试（草稿）")
    response = session.get(preview_url(quiz), {"mode": "zh-hans"})
    assert_readable_shell(response, "zh-Hans")
    shown = embedded(response)["page"]
    assert shown["title"] == "关系测试（草稿）" and shown["questions"]


def test_the_home_page_and_the_guide_index_still_preview(demo_site, editor):
    session = AdminSession(editor)
    home = Page.objects.get(pk=demo_site.pk).specific
    post_preview(session, home, title_en="Home, edited")
    response = session.get(preview_url(home), {"mode": "en"})
    assert embedded(response)["page"]["title"] == "Home, edited"

    index = GuideIndexPage.objects.get()  # the front end does not show it: Wagtail's template
    post_preview(session, index)
    response = session.get(preview_url(index))
    assert response.status_code == 200
    assert "preview-page" not in response.content.decode()


def in_review(page, user, **changes):
    """The page's task state once a revision with `changes` is submitted for review."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return GuidePage.objects.get(pk=page.pk).current_workflow_task_state


@pytest.mark.parametrize(
    ("changes", "task", "locale", "html_lang"),
    [
        ({"title_en": TITLE_EN}, "Editorial review", "en", "en"),
        # Chinese alone skips editorial review (cms.models.EditorialReviewTask.start).
        ({"title_zh_hans": TITLE_ZH}, "zh-hans translation review", "zh-hans", "zh-Hans"),
    ],
)
def test_the_workflow_preview_shows_what_its_task_reviews(
    demo_site, editor, reviewer, translation_reviewer, changes, task, locale, html_lang
):
    page = guide()
    state = in_review(page, editor, **changes)
    assert state.task.name == task
    user = reviewer if locale == "en" else translation_reviewer
    response = AdminSession(user).get(f"/admin/pages/workflow/preview/{page.pk}/{state.task_id}/")
    assert_readable_shell(response, html_lang)
    data = embedded(response)
    assert data["locale"] == locale
    assert data["page"]["title"] == next(iter(changes.values()))
    assert data["page"]["meta"]["revision_id"] == state.revision_id


def test_anonymous_and_outsiders_get_no_preview(demo_site, editor, client, django_user_model):
    page = guide()
    post_preview(AdminSession(editor), page, title_en=TITLE_EN)
    for mode in ("en", "zh-hans"):
        response = client.get(preview_url(page), {"mode": mode})
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        assert TITLE_EN not in response.content.decode()
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    response = AdminSession(outsider).get(preview_url(page), {"mode": "en"})
    assert response.status_code in (302, 403)
    assert TITLE_EN not in response.content.decode()
