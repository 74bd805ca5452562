"""The demo loader, and every demo page through the admin and the stock API, in both languages."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from guides.models import FAQ, GuidePage, QuizCallToAction, Series
from guides.warnings import open_warnings

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent():
    call_command("load_demo")
    counts = (Page.objects.count(), Series.objects.count(), FAQ.objects.count())
    call_command("load_demo")
    assert (Page.objects.count(), Series.objects.count(), FAQ.objects.count()) == counts
    assert GuidePage.objects.live().count() >= 3
    assert QuizCallToAction.objects.count() == 1


def test_demo_guides_are_in_the_attachment_series_with_a_quiz(demo_site):
    for guide in GuidePage.objects.all():
        assert guide.series.name_en == "Attachment and Communication"
        assert guide.series.name_zh_hans == "依恋与沟通"
        assert guide.quiz_cta is not None
        assert guide.title_zh_hans and guide.title_zh_hans != guide.title_en


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_demo_guides_pass_every_content_check(demo_site, language):
    """The demo is what a guide should be: no check fires, in either language (the sample's
    faults are held in tests/guides/test_content_checks.py and test_import_command.py)."""
    guides = list(GuidePage.objects.order_by("number"))
    assert len(guides) == 3
    for guide in guides:
        for page in (guide, guide.get_latest_revision_as_object()):
            assert [(w.code, w.path) for w in open_warnings(page, language)] == [], guide.title


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_demo_page_opens_in_admin_and_stock_api(demo_site, admin_client, language):
    pages = Page.objects.filter(depth__gt=1).specific()
    assert len(pages) >= 5
    for page in pages:
        edit = admin_client.get(f"/admin/pages/{page.pk}/edit/", HTTP_ACCEPT_LANGUAGE=language)
        assert edit.status_code == 200, page
        api = admin_client.get(f"/api/v2/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE=language)
        assert api.status_code == 200, page
        expected_title = page.title_zh_hans if language == "zh-hans" else page.title_en
        assert api.json()["title"] == expected_title


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_stock_api_lists_guides_with_their_fields(demo_site, client, language):
    response = client.get(
        "/api/v2/pages/",
        {"type": "guides.GuidePage", "fields": "*"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 3
    for item in items:
        assert item["series"]["code"] == "AC"
        assert item["number"] in {101, 102, 103}
        assert item["body"] and item["summary"]
        assert "linktype=" not in str(item["body"])


@pytest.mark.parametrize("model_name", ["series", "topic", "quizcalltoaction", "faq"])
@pytest.mark.parametrize("role", ["admin_user", "reviewer", "translator"])
def test_every_shared_content_view_opens_for_each_role(
    demo_site, client, request, role, model_name
):
    """Lists, edit forms, history and workflow history of every snippet, in both languages."""
    from django.apps import apps

    client.force_login(request.getfixturevalue(role))
    snippet = apps.get_model("guides", model_name).objects.first()
    base = f"/admin/snippets/guides/{model_name}"
    for language in ("en", "zh-hans"):
        for url in (
            f"{base}/",
            f"{base}/edit/{snippet.pk}/",
            f"{base}/history/{snippet.pk}/",
            f"{base}/workflow_history/{snippet.pk}/",
        ):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (url, response.status_code)
