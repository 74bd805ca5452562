"""A translator's editors show the English and shared fields read-only, say why, and link to
the Translate view; what the browser cannot change is ignored if posted anyway.

tests/workflow/test_source_language_guard.py covers the server guard behind this (refusing
changed Chinese structure and links) and a translator's Chinese saving.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from guides.models import FAQ, GuidePage
from tests.admin_post import AdminSession, edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(demo_site):
    return GuidePage.objects.order_by("number").first()


def edit_view(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def named(soup, name):
    element = soup.find(attrs={"name": name})
    assert element is not None, f"{name} is not in the form"
    return element


def stream_editor(soup, name):
    """Wagtail's StreamField editor of field `name` (built in the browser from this element)."""
    return soup.find(attrs={"data-controller": "w-block", "id": name})


def test_translator_sees_english_and_shared_fields_read_only(guide, translator, login):
    response, soup = edit_view(login(translator), f"/admin/pages/{guide.pk}/edit/")
    for name in ("title_en", "slug_en", "subtitle_en", "summary_en", "number", "expert_reviewer"):
        assert named(soup, name).has_attr("disabled"), name
    for name in ("title_zh_hans", "slug_zh_hans", "subtitle_zh_hans", "summary_zh_hans"):
        assert not named(soup, name).has_attr("disabled"), name
    # The English body is shown as text: no editor, nothing of it posted.
    assert stream_editor(soup, "body_en") is None
    body = soup.find(attrs={"data-cms-read-only-field": "body_en"})
    assert body is not None and body.get("aria-readonly") == "true"
    first_heading = guide.body_en[0].value["heading"]
    assert first_heading in body.get_text()
    assert stream_editor(soup, "body_zh_hans") is not None, "the Chinese body stays editable"
    form = response.context["form"]
    assert form.fields["body_en"].disabled and form.fields["series"].disabled
    assert not form.fields["body_zh_hans"].disabled


def test_translator_sees_a_notice_linking_to_the_translate_view(guide, translator, login):
    _response, soup = edit_view(login(translator), f"/admin/pages/{guide.pk}/edit/")
    notice = soup.find(attrs={"data-cms-source-language-notice": True})
    assert notice is not None
    assert "You can change only the Chinese (zh-hans) version" in notice.get_text()
    link = notice.find("a", attrs={"data-cms-translate-link": True})
    assert link["href"] == reverse("cms_translate", args=[guide.pk])


def test_the_notice_and_read_only_fields_are_in_chinese_for_a_chinese_admin(
    guide, translator, login
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "zh-hans"
    profile.save()
    response, soup = edit_view(login(translator), f"/admin/pages/{guide.pk}/edit/")
    assert soup.find("html")["lang"].lower().startswith("zh")
    assert soup.find(attrs={"data-cms-source-language-notice": True}) is not None
    assert named(soup, "title_en").has_attr("disabled")


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin_user"])
def test_others_keep_editable_english_and_no_notice(guide, request, login, role):
    _response, soup = edit_view(
        login(request.getfixturevalue(role)), f"/admin/pages/{guide.pk}/edit/"
    )
    for name in ("title_en", "slug_en", "summary_en", "number"):
        assert not named(soup, name).has_attr("disabled"), name
    assert stream_editor(soup, "body_en") is not None
    assert soup.find(attrs={"data-cms-source-language-notice": True}) is None


def test_translator_crafted_english_is_ignored_and_the_chinese_saved(guide, translator):
    """A real session (CSRF included): the disabled English is not taken from the POST."""
    session = AdminSession(translator)
    before = guide.revisions.count()
    english = (guide.title_en, guide.summary_en, guide.number, guide.expert_reviewer)
    raw = list(guide.body_en.raw_data)
    raw[0]["value"]["heading"] = "Hijacked heading"
    crafted = GuidePage.objects.get(pk=guide.pk)
    crafted.body_en = raw
    data = edit_form_data(
        crafted,
        translator,
        title_en="Hijacked",
        summary_en="A different English summary.",
        number="999",
        expert_reviewer="Someone else",
        title_zh_hans="新的中文标题",
    )
    response = session.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert guide.revisions.count() == before + 1
    latest = GuidePage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert latest.title_zh_hans == "新的中文标题"
    assert (latest.title_en, latest.summary_en, latest.number, latest.expert_reviewer) == english
    assert latest.body_en[0].value["heading"] != "Hijacked heading"


def test_translator_snippet_editor_is_read_only_in_english(demo_site, translator, login):
    faq = FAQ.objects.first()
    client = login(translator)
    url = f"/admin/snippets/guides/faq/edit/{faq.pk}/"
    response, soup = edit_view(client, url)
    assert named(soup, "question_en").has_attr("disabled")
    assert not named(soup, "question_zh_hans").has_attr("disabled")
    assert soup.find(attrs={"data-cms-read-only-field": "answer_en"}) is not None
    link = soup.find("a", attrs={"data-cms-translate-link": True})
    assert link["href"] == reverse("cms_translate_snippet", args=["guides", "faq", faq.pk])
    # Posting the English anyway changes nothing of it.
    form = response.context["form"]
    data = {
        name: form[name].field.widget.format_value(form[name].value()) or "" for name in form.fields
    }
    data.update(question_en="Changed?", question_zh_hans="改过的问题？")
    client.post(url, data)
    latest = FAQ.objects.get(pk=faq.pk).get_latest_revision_as_object()
    assert latest.question_zh_hans == "改过的问题？"
    assert latest.question_en == faq.question_en


def test_editor_snippet_editor_stays_editable(demo_site, editor, login):
    faq = FAQ.objects.first()
    _response, soup = edit_view(login(editor), f"/admin/snippets/guides/faq/edit/{faq.pk}/")
    assert not named(soup, "question_en").has_attr("disabled")
    assert soup.find(attrs={"data-cms-read-only-field": "answer_en"}) is None
    assert soup.find(attrs={"data-cms-source-language-notice": True}) is None
