"""The Translations report and page view, as translators use them."""

import pytest

from cms.models import TranslationStatus
from guides.models import GuidePage

pytestmark = pytest.mark.django_db


def make_outdated(page):
    draft = page.get_latest_revision_as_object()
    draft.summary_en = "A rewritten English summary."
    draft.save_revision()


def test_report_counts_match_the_real_state(demo_site, admin_client):
    first = GuidePage.objects.order_by("number").first()
    make_outdated(first)
    html = admin_client.get("/admin/translations/").content.decode()
    for status in TranslationStatus.objects.all():
        row = html.split(f'data-page-id="{status.page_id}"', 1)[1].split("</tr>", 1)[0]
        assert f"<span data-completeness>{status.completeness}%</span>" in row
        assert f"<td data-missing>{status.missing}</td>" in row
        assert f"<td data-outdated>{status.outdated}</td>" in row
    assert TranslationStatus.objects.get(page_id=first.pk).outdated == 1


def test_report_filters_and_sorts(demo_site, admin_client):
    first = GuidePage.objects.order_by("number").first()
    make_outdated(first)
    outdated = admin_client.get("/admin/translations/", {"status": "outdated"}).content.decode()
    assert outdated.count("data-page-id=") == 1 and f'data-page-id="{first.pk}"' in outdated
    series = first.series_id
    by_series = admin_client.get("/admin/translations/", {"series": series}).content.decode()
    assert by_series.count("data-page-id=") == 3
    least = admin_client.get("/admin/translations/", {"sort": "completeness"}).content.decode()
    assert least.index(f'data-page-id="{first.pk}"') < least.index(
        "data-page-id=", least.index(f'data-page-id="{first.pk}"') + 1
    )


def test_report_links_each_page_to_its_translate_view(demo_site, admin_client):
    page = GuidePage.objects.order_by("number").first()
    make_outdated(page)
    html = admin_client.get("/admin/translations/?status=outdated").content.decode()
    assert f'href="/admin/translations/{page.pk}/"' in html


def test_translator_can_open_the_report(demo_site, client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("t", password="pw")
    user.groups.add(Group.objects.get(name="zh-hans Translators"))
    client.force_login(user)
    assert client.get("/admin/translations/").status_code == 200
    page = GuidePage.objects.order_by("number").first()
    assert client.get(f"/admin/translations/{page.pk}/").status_code == 200


def test_the_report_lists_pages_only_when_snippets_have_a_status(demo_site, admin_client):
    from guides.models import FAQ

    faq = FAQ.objects.first()
    draft = faq.get_latest_revision_as_object() if faq.latest_revision_id else faq
    draft.question_en = "A changed English question?"
    draft.save_revision()
    assert TranslationStatus.objects.filter(page__isnull=True, object_id=str(faq.pk)).exists()
    response = admin_client.get("/admin/translations/")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == (
        TranslationStatus.objects.filter(page__isnull=False).count()
    )
