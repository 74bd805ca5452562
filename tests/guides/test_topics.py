"""Topics have a Chinese name that translators add; the APIs name topics in the reader's
language, and a change to any snippet reaches the APIs at once."""

import re

import pytest

from guides.models import FAQ, GuidePage, Topic
from tests.admin_post import edit_form_data
from tests.api.helpers import first_guide, get_json

pytestmark = pytest.mark.django_db


def snippet_form_data(client, url):
    form = client.get(url).context["form"]
    return {
        name: form[name].field.widget.format_value(form[name].value()) or "" for name in form.fields
    }


def save_snippet(client, model_name, pk, changes, capture_on_commit, action=None):
    """Save a snippet's edit form with `changes` as the logged-in user (`action`: "publish" or
    "submit"), run what follows the commit, and log out (the API is then read anonymously)."""
    url = f"/admin/snippets/guides/{model_name}/edit/{pk}/"
    data = snippet_form_data(client, url) | changes
    if action:
        data[f"action-{action}"] = "1"
    with capture_on_commit(execute=True):
        assert client.post(url, data).status_code == 302
    client.logout()


def topic_names(data):
    return {topic["slug"]: topic["name"] for topic in data["topics"]}


def test_topics_are_named_in_the_readers_language(demo_site, client):
    guide = first_guide()
    _, english = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale="en")
    _, chinese = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale="zh-hans")
    assert topic_names(english) == {topic.slug: topic.name for topic in guide.topics.all()}
    assert topic_names(chinese) == {topic.slug: topic.name_zh_hans for topic in guide.topics.all()}
    _, listing = get_json(client, "/api/v1/guides/", locale="zh-hans")
    listed = next(item for item in listing["items"] if item["id"] == guide.pk)
    assert listed["topics"] == chinese["topics"]


def test_a_topic_without_a_chinese_name_shows_its_english_name(demo_site, client):
    Topic.objects.filter(slug="texting").update(name_zh_hans="")
    guide = GuidePage.objects.get(topics__slug="texting")
    _, chinese = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale="zh-hans")
    assert topic_names(chinese)["texting"] == "texting"
    assert topic_names(chinese)["reassurance"] == "寻求安慰"


def test_a_translators_chinese_topic_name_reaches_readers_after_translation_review(
    demo_site, client, translator, translation_reviewer, login, django_capture_on_commit_callbacks
):
    url_api = "/api/v1/topics/"
    first, before = get_json(client, url_api, locale="zh-hans")  # now cached
    topic = Topic.objects.get(slug="repair")
    changes = {"name_zh_hans": "关系修复"}
    on_commit = django_capture_on_commit_callbacks
    save_snippet(login(translator), "topic", topic.pk, changes, on_commit)
    _, drafted = get_json(client, url_api, locale="zh-hans")
    assert drafted == before, "a draft is not for readers"

    save_snippet(login(translator), "topic", topic.pk, {}, on_commit, action="submit")
    state = Topic.objects.get(pk=topic.pk).current_workflow_state
    assert state.current_task_state.task.name == "zh-hans translation review"
    client.force_login(translation_reviewer)
    url = f"/admin/snippets/guides/topic/workflow/action/{topic.pk}/approve/"
    with on_commit(execute=True):
        response = client.post(f"{url}{state.current_task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    client.logout()
    response, after = get_json(client, url_api, locale="zh-hans")
    assert {"slug": "repair", "name": "修复", "guide_count": 1} in before["items"]
    assert {"slug": "repair", "name": "关系修复", "guide_count": 1} in after["items"]
    assert response["ETag"] != first["ETag"]


def test_a_translator_cannot_rename_the_english_topic(demo_site, translator, login):
    topic = Topic.objects.get(slug="repair")
    client = login(translator)
    url = f"/admin/snippets/guides/topic/edit/{topic.pk}/"
    assert 'name="name"' in (form := client.get(url).content.decode())
    assert re.search(r'<input[^>]*name="name"[^>]*disabled', form), "read-only to translators"
    client.post(url, snippet_form_data(client, url) | {"name": "renamed"})
    topic.refresh_from_db()
    assert topic.name == "repair"
    latest = topic.get_latest_revision_as_object() if topic.latest_revision_id else topic
    assert latest.name == "repair", "the English name is ignored, in the draft too"


def test_an_editor_tags_a_guide_with_a_new_topic(demo_site, editor, reviewer, login):
    guide = first_guide()
    topics = ", ".join([*guide.topics.values_list("name", flat=True), "boundaries"])
    data = edit_form_data(guide, editor, topics=topics)
    assert login(editor).post(f"/admin/pages/{guide.pk}/edit/", data).status_code == 302
    draft = GuidePage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert "boundaries" in {topic.name for topic in draft.topics.all()}


def test_a_faq_edit_reaches_the_cached_guide_at_once(
    demo_site, client, reviewer, login, django_capture_on_commit_callbacks
):
    guide = first_guide()
    url_api = f"/api/v1/guides/{guide.slug_en}/"
    first, _ = get_json(client, url_api, locale="en")
    faq = next(faq for faq in FAQ.objects.all() if faq.question_en.encode() in first.content)
    changes = {"question_en": "A question asked anew?"}
    on_commit = django_capture_on_commit_callbacks
    save_snippet(login(reviewer), "faq", faq.pk, changes, on_commit, action="publish")
    response, _ = get_json(client, url_api, locale="en")
    assert b"A question asked anew?" in response.content
    assert response["ETag"] != first["ETag"]


def test_the_stock_v2_api_names_topics_in_the_readers_language_too(demo_site, client):
    guide = first_guide()
    names = {}
    for locale in ("en", "zh-hans"):
        response = client.get(
            "/api/v2/pages/",
            {"type": "guides.GuidePage", "fields": "topics"},
            HTTP_ACCEPT_LANGUAGE=locale,
        )
        item = next(item for item in response.json()["items"] if item["id"] == guide.pk)
        names[locale] = item["topics"]
    assert names["en"] == sorted(topic.name for topic in guide.topics.all())
    assert names["zh-hans"] == sorted(topic.name_zh_hans for topic in guide.topics.all())
