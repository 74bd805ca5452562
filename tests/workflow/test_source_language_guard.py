"""A translator changes Chinese only; the server refuses anything else, however it is posted."""

import pytest

from guides.models import GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db


def guide():
    return GuidePage.objects.order_by("number").first()


def revisions(page):
    return page.revisions.count()


def test_unchanged_form_saves_for_an_editor(demo_site, editor, login):
    page = guide()
    before = revisions(page)
    response = login(editor).post(
        f"/admin/pages/{page.pk}/edit/", edit_form_data(page, editor, title_en="New English title")
    )
    assert response.status_code in (200, 302)
    assert revisions(page) == before + 1
    assert (
        GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object().title_en
        == "New English title"
    )


def test_translator_can_change_chinese(demo_site, translator, login):
    page = guide()
    before = revisions(page)
    data = edit_form_data(
        page, translator, title_zh_hans="新的中文标题", summary_zh_hans="新的摘要。"
    )
    login(translator).post(f"/admin/pages/{page.pk}/edit/", data)
    latest = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert revisions(page) == before + 1
    assert (latest.title_zh_hans, latest.summary_zh_hans) == ("新的中文标题", "新的摘要。")
    assert latest.title_en == page.title_en


@pytest.mark.parametrize(
    "changes",
    [
        {"title_en": "Hijacked"},
        {"summary_en": "A different English summary."},
        {"number": "999"},
        {"expert_reviewer": "Someone else"},
    ],
    ids=["title_en", "summary_en", "number", "expert_reviewer"],
)
def test_translator_crafted_post_changing_shared_or_english_fields_is_refused(
    demo_site, translator, login, changes
):
    page = guide()
    before = revisions(page)
    data = edit_form_data(page, translator, title_zh_hans="新的中文标题", **changes)
    response = login(translator).post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    (field,) = changes
    errors = response.context["form"].errors
    assert field in errors
    assert "You can change only the Chinese (zh-hans) version" in str(errors[field])
    assert revisions(page) == before, "nothing is saved"


def test_translator_cannot_change_the_english_body(demo_site, translator, login):
    page = guide()
    raw = list(page.body_en.raw_data)
    raw[0]["value"]["heading"] = "Changed English heading"
    page.body_en = raw
    data = edit_form_data(page, translator)
    response = login(translator).post(f"/admin/pages/{guide().pk}/edit/", data)
    assert response.status_code == 200
    assert "body_en" in response.context["form"].errors


def test_translator_cannot_change_english_in_a_snippet(demo_site, translator, login):
    from guides.models import FAQ

    faq = FAQ.objects.first()
    client = login(translator)
    url = f"/admin/snippets/guides/faq/edit/{faq.pk}/"
    form = client.get(url).context["form"]
    data = {
        name: form[name].field.widget.format_value(form[name].value()) or "" for name in form.fields
    }
    data["question_en"] = "Changed?"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "question_en" in response.context["form"].errors
    faq.refresh_from_db()
    assert faq.question_en != "Changed?"
