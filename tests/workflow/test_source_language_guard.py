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


# A translator's English and shared fields are disabled in the form, so posting them anyway is
# ignored rather than refused: tests/security/test_translator_edit_form.py covers that (plain
# fields, the English body and a snippet's English).
