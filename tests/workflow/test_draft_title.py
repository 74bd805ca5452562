"""Wagtail's copies of a page's title hold the English, whoever saves in whichever admin language.

modeltranslation makes `title` read the active language, and Wagtail copies `title` into
`draft_title` (the explorer, the dashboard and the editor's header show it), into a revision's
name and, through Django, into the `title` column of the live row.
"""

import html
import re

import pytest
from django.db import connection
from django.test import TestCase
from wagtail.models import Page
from wagtail.users.models import UserProfile

from guides.models import GuidePage
from tests.admin_post import AdminSession, edit_form_data

pytestmark = pytest.mark.django_db

CHINESE_TITLE = "翻译员改过的中文标题"


def guide():
    return GuidePage.objects.order_by("number").first()


def in_chinese(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def page_row(page):
    """The page's own columns, as stored (no modeltranslation in between)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title, draft_title, slug, url_path FROM wagtailcore_page WHERE id = %s",
            [page.pk],
        )
        names = ["title", "draft_title", "slug", "url_path"]
        return dict(zip(names, cursor.fetchone(), strict=True))


def edit(session, page, user, **changes):
    data = edit_form_data(page.get_latest_revision_as_object(), user, **changes)
    return session.post(f"/admin/pages/{page.pk}/edit/", data)


def header_title(response):
    """The editor's header: the page title in its <h1>."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    return html.unescape(re.sub(r"<[^>]+>|\s+", " ", match.group(1))).strip()


def test_a_chinese_interface_translators_save_leaves_the_english_title_everywhere(
    demo_site, translator, admin_user
):
    page = guide()
    english = page.title_en
    admin = AdminSession(admin_user)
    assert edit(admin, page, admin_user).status_code == 302  # in the admin's recent edits

    translating = AdminSession(in_chinese(translator))
    response = edit(translating, page, translator, title_zh_hans=CHINESE_TITLE)
    assert response.status_code == 302, response.context["form"].errors
    latest = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.title_zh_hans == CHINESE_TITLE, "the translation is saved"

    assert page_row(page)["draft_title"] == english
    assert page.get_latest_revision().object_str == english
    dashboard = admin.get("/admin/").content.decode()
    explorer = admin.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    for shown in (dashboard, explorer):
        assert html.escape(english) in shown
        assert CHINESE_TITLE not in shown
    header = header_title(admin.get(f"/admin/pages/{page.pk}/edit/"))
    assert header.endswith(f": {english}") and CHINESE_TITLE not in header


def test_a_chinese_interface_reviewers_publish_keeps_the_columns_english(demo_site, reviewer):
    page = guide()
    before = page_row(page)
    publishing = AdminSession(in_chinese(reviewer))
    response = edit(publishing, page, reviewer, **{"action-publish": "action-publish"})
    assert response.status_code == 302
    live = GuidePage.objects.get(pk=page.pk)
    assert live.last_published_at > page.last_published_at, "published"
    assert page_row(page) == before
    assert page_row(page)["title"] == live.title_en
    assert live.url_path_zh_hans.endswith(f"/{live.slug_zh_hans}/")


def test_save_revision_from_code_under_chinese(demo_site, zh, translator):
    page = guide()
    page = page.get_latest_revision_as_object()
    page.title_zh_hans = CHINESE_TITLE
    page.save_revision(user=translator)
    assert page_row(page)["draft_title"] == page.title_en
    assert page.draft_title == page.title_en


def test_a_publish_under_chinese_scheduled_or_not(demo_site, zh):
    page = guide()
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.get_latest_revision_as_object().save_revision().publish()
    row = page_row(page)
    assert (row["title"], row["draft_title"]) == (page.title_en, page.title_en)
    assert row["url_path"] == GuidePage.objects.get(pk=page.pk).url_path_en


def test_a_chinese_slug_saved_under_chinese_moves_the_chinese_path(demo_site, zh):
    page = guide()
    page.slug_zh_hans = "xin-de-lu-jing"
    page.save()
    page = GuidePage.objects.get(pk=page.pk)
    assert page.url_path_zh_hans.endswith("/xin-de-lu-jing/")
    assert page_row(page)["slug"] == page.slug_en


def test_a_copy_and_an_alias_made_under_chinese(demo_site, zh, reviewer):
    page = guide()
    copy = page.copy(update_attrs={"slug_en": "a-copy", "slug_zh_hans": "fu-ben"}, user=reviewer)
    # (beside the guides index: an alias among its original's siblings repeats its Chinese slug)
    alias = page.create_alias(parent=page.get_parent().get_parent(), update_slug="an-alias")
    for made in (copy, alias):
        row = page_row(made)
        assert (row["title"], row["draft_title"]) == (page.title_en, page.title_en)
    assert Page.objects.get(pk=alias.pk).specific.title_zh_hans == page.title_zh_hans
