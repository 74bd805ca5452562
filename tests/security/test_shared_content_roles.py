"""The role matrix for shared content (a FAQ snippet) and for page revert, copy and import,
tried with crafted requests from a real admin session with a CSRF token."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from guides.models import FAQ, GuidePage
from tests.admin_post import AdminSession, edit_form_data

pytestmark = pytest.mark.django_db
ROLES = ["editor", "reviewer", "translator", "translation_reviewer"]


@pytest.fixture
def faq(demo_site):
    return FAQ.objects.order_by("pk").first()


def faq_form(session, faq):
    response = session.get(f"/admin/snippets/guides/faq/edit/{faq.pk}/")
    if response.status_code != 200:
        return {}
    form = response.context["form"]
    return {
        name: form[name].field.widget.format_value(form[name].value()) or "" for name in form.fields
    }


def live(faq):
    return FAQ.objects.filter(pk=faq.pk).first()


def draft(faq):
    return FAQ.objects.get(pk=faq.pk).get_latest_revision_as_object()


def faq_english_draft(session, faq):
    data = {**faq_form(session, faq), "question_en": "Changed English?"}
    session.post(f"/admin/snippets/guides/faq/edit/{faq.pk}/", data)
    return draft(faq).question_en == "Changed English?"


def faq_chinese_draft(session, faq):
    data = {**faq_form(session, faq), "question_zh_hans": "改过的中文？"}
    session.post(f"/admin/snippets/guides/faq/edit/{faq.pk}/", data)
    return draft(faq).question_zh_hans == "改过的中文？"


def faq_publish_english(session, faq):
    data = {**faq_form(session, faq), "question_en": "Published English?", "action-publish": "1"}
    session.post(f"/admin/snippets/guides/faq/edit/{faq.pk}/", data)
    return live(faq).question_en == "Published English?"


def faq_publish_chinese(session, faq):
    data = {**faq_form(session, faq), "question_zh_hans": "发布的中文？", "action-publish": "1"}
    session.post(f"/admin/snippets/guides/faq/edit/{faq.pk}/", data)
    return live(faq).question_zh_hans == "发布的中文？"


def faq_revert_english(session, faq):
    first = faq.revisions.order_by("created_at").first()
    old = first.as_object()
    old.question_en = "Reverted English?"
    url = f"/admin/snippets/guides/faq/history/{faq.pk}/revisions/{first.pk}/revert/"
    data = {**faq_form(session, faq), "question_en": "Reverted English?"}
    session.post(url, data)
    return draft(faq).question_en == "Reverted English?"


def faq_unpublish(session, faq):
    session.post(f"/admin/snippets/guides/faq/unpublish/{faq.pk}/")
    return not live(faq).live


def faq_delete(session, faq):
    session.post(f"/admin/snippets/guides/faq/delete/{faq.pk}/")
    return live(faq) is None


def faq_lock(session, faq):
    session.post(f"/admin/snippets/guides/faq/lock/{faq.pk}/")
    return live(faq).locked


SNIPPET_ACTIONS = {
    "English draft": faq_english_draft,
    "Chinese draft": faq_chinese_draft,
    "publish English": faq_publish_english,
    "publish Chinese": faq_publish_chinese,
    "revert English": faq_revert_english,
    "unpublish": faq_unpublish,
    "delete": faq_delete,
    "lock": faq_lock,
}
# role -> the snippet actions that take effect for it; every other one is refused.
SNIPPET_MATRIX = {
    "editor": {"English draft", "Chinese draft", "revert English"},
    "reviewer": {
        "English draft",
        "Chinese draft",
        "publish English",
        "revert English",
        "unpublish",
        "delete",
        "lock",
    },
    "translator": {"Chinese draft"},
    "translation_reviewer": {"Chinese draft"},
}


@pytest.mark.parametrize("action", SNIPPET_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_shared_content_role_matrix(faq, request, role, action):
    if action == "revert English":
        faq.save_revision()  # a first revision to go back to
    session = AdminSession(request.getfixturevalue(role))
    assert SNIPPET_ACTIONS[action](session, faq) is (action in SNIPPET_MATRIX[role])


def guide():
    return GuidePage.objects.order_by("number").first()


def page_revert(session, page, publish):
    first = page.revisions.order_by("created_at").first()
    data = edit_form_data(first.as_object(), session.user, title_en="Reverted title")
    if publish:
        data["action-publish"] = "1"
    session.post(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/", data)
    fresh = GuidePage.objects.get(pk=page.pk)
    title = fresh.title_en if publish else fresh.get_latest_revision_as_object().title_en
    return title == "Reverted title"


def page_copy_live(session, page):
    session.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title_en": "Copied guide",
            "new_slug_en": "copied-guide",
            "new_parent_page": str(page.get_parent().pk),
            "publish_copies": "on",
        },
    )
    copy = GuidePage.objects.filter(slug_en="copied-guide").first()
    return copy is not None and copy.live


def page_import(session, page):
    catalogue = polib.POFile()
    catalogue.metadata = {"Language": "zh_Hans", "Content-Type": "text/plain; charset=UTF-8"}
    english = page.get_latest_revision_as_object().title_en
    catalogue.append(polib.POEntry(msgctxt=f"{page.pk}/title", msgid=english, msgstr="导入的标题"))
    upload = SimpleUploadedFile("t.po", str(catalogue).encode(), "text/x-gettext-translation")
    session.post("/admin/translations/import/", {"file": upload})
    fresh = GuidePage.objects.get(pk=page.pk)
    return fresh.get_latest_revision_as_object().title_zh_hans == "导入的标题"


PAGE_ACTIONS = {
    "revert as a draft": lambda session, page: page_revert(session, page, publish=False),
    "revert and publish": lambda session, page: page_revert(session, page, publish=True),
    "copy keeping it live": page_copy_live,
    "import Chinese": page_import,
}
PAGE_MATRIX = {
    "editor": {"revert as a draft", "import Chinese"},
    "reviewer": {
        "revert as a draft",
        "revert and publish",
        "copy keeping it live",
        "import Chinese",
    },
    "translator": {"import Chinese"},
    "translation_reviewer": {"import Chinese"},
}


@pytest.mark.parametrize("action", PAGE_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_page_revert_copy_and_import_role_matrix(demo_site, request, role, action):
    session = AdminSession(request.getfixturevalue(role))
    page = guide()
    assert PAGE_ACTIONS[action](session, page) is (action in PAGE_MATRIX[role])


def test_a_live_copy_goes_live_in_english_only(demo_site, reviewer, translator):
    """A reviewer's copy is a new page: its English is theirs to publish, its Chinese (even the
    original's approved Chinese, never a translator's draft) waits for translation review of the
    copy."""
    page = guide()
    data = edit_form_data(page.get_latest_revision_as_object(), translator, title_zh_hans="草稿")
    AdminSession(translator).post(f"/admin/pages/{page.pk}/edit/", data)
    assert page_copy_live(AdminSession(reviewer), page)
    copy = GuidePage.objects.get(slug_en="copied-guide")
    assert copy.title_zh_hans in ("", None)
