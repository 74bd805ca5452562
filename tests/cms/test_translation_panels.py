"""Ways into translation from the admin: the dashboard's "Needs translation" and "Awaiting
translation review" panels, and the "Translate" links of the explorer and of snippets."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Page

from cms.i18n.status import refresh_status
from cms.models import TranslationStatus
from cms.translation_panels import PANEL_ROWS, NeedsTranslationPanel
from guides.models import FAQ, GuideIndexPage, GuidePage

pytestmark = pytest.mark.django_db


def guides():
    return list(GuidePage.objects.order_by("number"))


def revise_faq(faq, user, **changes):
    """A revision of `faq` with `changes`, after one without: a snippet's first revision is
    where its status starts, taking the Chinese it has as translating the English it has."""
    faq.get_latest_revision_as_object().save_revision(user=user)
    draft = FAQ.objects.get(pk=faq.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=user)
    return refresh_status(draft)


def change_english_title(page, title, user=None):
    """A new revision with a new English title, and the status recomputed from it."""
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.title_en = title
    draft.save_revision(user=user)
    return refresh_status(draft)


def panel(html, panel_id):
    """The HTML of one dashboard panel, or None if the dashboard has no such panel."""
    match = re.search(rf'<section[^>]*id="{panel_id}-section".*?</section>', html, re.S)
    return match.group(0) if match else None


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def rows(section):
    return re.findall(r"<tr data-(?:translation|review)-row>.*?</tr>", section, re.S)


# "Needs translation" --------------------------------------------------------------------------


def test_translator_sees_a_page_whose_chinese_an_english_change_made_outdated(
    demo_site, client, translator, editor
):
    changed, untouched = guides()[0], guides()[1]
    status = change_english_title(changed, "Reassurance loops, explained", user=editor)
    assert (status.missing, status.outdated) == (0, 1)

    section = panel(dashboard(client, translator), "needs-translation")
    assert section is not None
    [row] = rows(section)  # every other page's Chinese is up to date
    assert "Reassurance loops, explained" in row, "its English title, as the translator sees it"
    assert "0 missing, 1 outdated" in row
    assert f'value="{status.completeness}"' in row and status.completeness < 100
    assert f'href="{reverse("cms_translate", args=[changed.pk])}"' in row
    assert escape(untouched.title_en) not in section
    assert f'href="{reverse("cms_translations")}?status=incomplete"' in section


def test_newest_english_change_first_and_a_translators_save_does_not_count(
    demo_site, client, translator, editor
):
    first, second = guides()[0], guides()[2]
    change_english_title(first, "Older English change", user=editor)
    change_english_title(second, "Newer English change", user=editor)

    # A translator then saves Chinese on the older one (not its outdated title): its Chinese
    # changed, its English did not, so it stays below the newer English change.
    draft = GuidePage.objects.get(pk=first.pk).get_latest_revision_as_object()
    draft.summary_zh_hans = "译者刚改过的中文摘要。"
    draft.save_revision(user=translator)
    assert TranslationStatus.objects.get(page=first).outdated == 1

    titles = [
        "Newer" if "Newer English change" in row else "Older"
        for row in rows(panel(dashboard(client, translator), "needs-translation"))
    ]
    assert titles == ["Newer", "Older"]


def test_snippets_with_outdated_chinese_are_listed_with_their_translate_link(
    demo_site, client, translator, reviewer
):
    faq = FAQ.objects.order_by("pk").first()
    status = revise_faq(faq, reviewer, question_en="Is it normal to need reassurance?")
    assert status.outdated == 1

    [row] = rows(panel(dashboard(client, translator), "needs-translation"))
    url = reverse("cms_translate_snippet", args=["guides", "faq", faq.pk])
    assert f'href="{url}"' in row
    # Its English, though the translator's admin may be in Chinese.
    assert "Is it normal to need reassurance?" in row
    assert "0 missing, 1 outdated" in row


def test_only_people_who_translate_see_what_needs_translation(
    demo_site, client, editor, reviewer, translator, translation_reviewer, admin_user
):
    change_english_title(guides()[0], "Reassurance loops, explained", user=editor)
    for user in (editor, reviewer):
        assert panel(dashboard(client, user), "needs-translation") is None, user
    for user in (translator, translation_reviewer, admin_user):
        section = panel(dashboard(client, user), "needs-translation")
        assert section and "Reassurance loops, explained" in section, user


def test_needs_translation_reads_a_fixed_number_of_queries(demo_site, translator, editor):
    """However many pages and snippets need translating, the panel costs the same queries."""

    def render():
        request = RequestFactory().get("/admin/")
        request.user = type(translator).objects.get(pk=translator.pk)  # no cached permissions
        with CaptureQueriesContext(connection) as queries:
            html = NeedsTranslationPanel().render_html({"request": request})
        listed = rows(html)
        return len(queries), len(listed), sum("/translations/guides/faq/" in row for row in listed)

    pages = guides()
    change_english_title(pages[0], "One changed title", user=editor)
    faqs = list(FAQ.objects.order_by("pk"))
    revise_faq(faqs[0], editor, question_en="A changed question")
    few_queries, few_rows, _snippets = render()
    assert few_rows == 2

    index = GuideIndexPage.objects.get()
    for number in range(PANEL_ROWS):  # new pages, without any Chinese yet
        page = index.add_child(instance=Page(title=f"New page {number}", slug=f"new-{number}"))
        page.save_revision(user=editor)
    # Changed last, so listed first: pages and snippets both among the rows.
    for number, page in enumerate(pages[1:]):
        change_english_title(page, f"Changed title {number}", user=editor)
    for number, faq in enumerate(faqs[1:]):
        revise_faq(faq, editor, question_en=f"Changed question {number}")
    many_queries, many_rows, many_snippets = render()

    assert many_rows == PANEL_ROWS, "the panel lists at most PANEL_ROWS"
    assert many_snippets == len(faqs) - 1, "the snippets changed last are among them"
    assert TranslationStatus.objects.filter(completeness__lt=100).count() > PANEL_ROWS
    # One more query at most: counting everything once the panel is full.
    assert many_queries <= few_queries + 1, (few_queries, many_queries)


# "Awaiting translation review" ----------------------------------------------------------------


def submit_and_approve_english(client, page, editor, reviewer, capture):
    from tests.admin_post import edit_form_data

    with capture(execute=True):
        client.force_login(editor)
        data = edit_form_data(page, editor, title_en="Reassurance loops, explained")
        client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    state = GuidePage.objects.get(pk=page.pk).current_workflow_task_state
    assert state.task.name == "Editorial review"
    with capture(execute=True):
        client.force_login(reviewer)
        client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {})
    state = GuidePage.objects.get(pk=page.pk).current_workflow_task_state
    assert state.task.name == "zh-hans translation review"


def test_translation_reviewer_sees_a_page_awaiting_translation_review_with_its_completeness(
    demo_site,
    client,
    editor,
    reviewer,
    translator,
    translation_reviewer,
    django_capture_on_commit_callbacks,
):
    page, other = guides()[0], guides()[1]
    submit_and_approve_english(client, page, editor, reviewer, django_capture_on_commit_callbacks)
    status = TranslationStatus.objects.get(page=page)
    assert status.completeness < 100

    section = panel(dashboard(client, translation_reviewer), "awaiting-translation-review")
    [row] = rows(section)  # nothing else is at translation review
    assert "Reassurance loops, explained" in row
    assert f"{status.completeness}%" in row and "0 missing, 1 outdated" in row
    assert f'href="{reverse("cms_translate", args=[page.pk])}"' in row
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"' in row
    assert escape(other.title_en) not in section

    # The translator translates the new title: the reviewer sees the translation is finished.
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.title_zh_hans = "安慰循环，一次讲清"
    draft.save_revision(user=translator)
    [row] = rows(panel(dashboard(client, translation_reviewer), "awaiting-translation-review"))
    assert "100%" in row and "Ready to review" in row


def test_a_page_at_editorial_review_is_not_awaiting_translation_review(
    demo_site, client, editor, translation_reviewer, django_capture_on_commit_callbacks
):
    from tests.admin_post import edit_form_data

    page = guides()[0]
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(editor)
        data = edit_form_data(page, editor, title_en="Still in editorial review")
        client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    section = panel(dashboard(client, translation_reviewer), "awaiting-translation-review")
    assert rows(section) == []
    assert "Nothing is awaiting translation review." in section


def test_only_translation_reviewers_see_what_awaits_translation_review(
    demo_site, client, editor, reviewer, translator, translation_reviewer, admin_user
):
    for user in (editor, reviewer, translator):
        assert panel(dashboard(client, user), "awaiting-translation-review") is None, user
    for user in (translation_reviewer, admin_user):
        assert panel(dashboard(client, user), "awaiting-translation-review") is not None, user


# "Translate" links ----------------------------------------------------------------------------


@pytest.fixture
def lock_only_user(django_user_model):
    """May use the admin and see the page tree (lock pages), but edit nothing."""
    user = django_user_model.objects.create_user("locker", "locker@example.com", "pw")
    group = Group.objects.create(name="Lockers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="lock_page"
        ),
    )
    user.groups.add(group)
    return user


def test_the_explorer_offers_translate_to_those_who_may_edit_the_page(
    demo_site, client, translator, lock_only_user
):
    index = GuideIndexPage.objects.get()
    links = [f'href="{reverse("cms_translate", args=[g.pk])}"' for g in guides()]

    client.force_login(translator)
    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert all(link in listing for link in links)

    client.force_login(lock_only_user)
    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert response.status_code == 200
    listing = response.content.decode()
    assert escape(guides()[0].title_en) in listing, "the page is listed..."
    assert not any(link in listing for link in links), "...without a Translate link"


@pytest.fixture
def faq_viewer(django_user_model):
    """May see the FAQ snippets, not change them."""
    user = django_user_model.objects.create_user("viewer", "viewer@example.com", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="guides", codename="view_faq"),
    )
    return user


def test_a_snippets_edit_view_and_listing_link_to_its_translate_view(
    demo_site, client, translator, faq_viewer
):
    faq = FAQ.objects.order_by("pk").first()
    viewset = faq.snippet_viewset
    link = f'href="{reverse("cms_translate_snippet", args=["guides", "faq", faq.pk])}"'

    client.force_login(translator)
    edit = client.get(reverse(viewset.get_url_name("edit"), args=[faq.pk]))
    assert edit.status_code == 200 and link in edit.content.decode()
    listing = client.get(reverse(viewset.get_url_name("list"))).content.decode()
    assert link in listing

    client.force_login(faq_viewer)
    listing = client.get(reverse(viewset.get_url_name("list")))
    assert listing.status_code == 200 and escape(str(faq)) in listing.content.decode()
    assert link not in listing.content.decode()
