"""Which events a change records, and which API URLs it purges from the CDN."""

from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from cms.pages import front_end_paths as page_paths
from cms.webhooks import events
from cms.webhooks.models import WebhookEvent
from cms.workflow.publishing import TRANSLATION
from guides.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(demo_site):
    return GuidePage.objects.get(number=101)


def recorded():
    return [(e.name, e.payload["locales"]) for e in WebhookEvent.objects.order_by("pk")]


def test_first_publish_concerns_both_languages(demo_site, endpoint, publish):
    index = GuideIndexPage.objects.get()
    series = GuidePage.objects.get(number=101).series
    guide = GuidePage(
        title="A new guide", slug="a-new-guide", summary="Short.", series=series, number=999
    )
    index.add_child(instance=guide)
    publish(guide)
    assert recorded() == [(events.PUBLISHED, ["en", "zh-hans"])]


def test_an_english_change_that_shows_through_to_chinese_concerns_both(guide, endpoint, publish):
    guide.summary_en = "A new English summary."
    guide.summary_zh_hans = ""
    publish(guide)  # a system publish approves its Chinese: the summary is now untranslated
    WebhookEvent.objects.all().delete()
    guide.summary_en = "Another English summary."
    publish(guide)
    assert recorded() == [(events.PUBLISHED, ["en", "zh-hans"])]


def test_rename_unpublish_republish_and_translation_approval(
    guide, endpoint, publish, django_capture_on_commit_callbacks
):
    guide.slug_en = "renamed-guide"
    publish(guide)
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    publish(guide)  # back for readers of both languages
    guide.title_zh_hans = "新的标题"
    publish(guide)  # a system publish approves the Chinese it carries
    assert recorded() == [
        (events.PUBLISHED, ["en"]),
        (events.MOVED, ["en"]),
        (events.UNPUBLISHED, ["en", "zh-hans"]),
        (events.PUBLISHED, ["en", "zh-hans"]),
        (events.PUBLISHED, ["en"]),
        (events.TRANSLATION_APPROVED, ["zh-hans"]),
    ]
    moved = WebhookEvent.objects.get(name=events.MOVED).payload
    assert moved["previous_path"]["en"].startswith("/guides/") and "renamed-guide" not in str(
        moved["previous_path"]
    )
    assert moved["page"]["path"]["en"].endswith("/renamed-guide/")
    approving_again = WebhookEvent.objects.count()
    guide.refresh_from_db()
    guide.publish(guide.live_revision, scope=TRANSLATION)  # the same Chinese: nothing to say
    assert WebhookEvent.objects.count() == approving_again


def test_moving_a_page_records_its_previous_paths_in_both_languages(
    demo_site, endpoint, django_capture_on_commit_callbacks
):
    index = GuideIndexPage.objects.get()
    guide = GuidePage.objects.get(number=102)
    old_path = f"/guides/{guide.slug_en}/"
    with django_capture_on_commit_callbacks(execute=True):
        section = index.add_child(instance=GuideIndexPage(title="Archive", slug="archive"))
        guide.move(section, pos="last-child")
    event = WebhookEvent.objects.get(name=events.MOVED)
    assert event.payload["locales"] == ["en", "zh-hans"]
    assert event.payload["previous_path"]["en"] == old_path
    assert event.payload["page"]["path"]["en"] == f"/guides/archive/{guide.slug_en}/"


def test_a_publish_purges_detail_listings_and_resolve_in_both_languages(
    guide, publish, purged, settings
):
    settings.API_PUBLIC_URL = "https://api.example.org"
    guide.summary_en = "Changed where Chinese falls back."
    guide.summary_zh_hans = ""
    publish(guide)
    assert purged == []  # queued for the worker, not purged inside the request
    call_command("run_worker", "--once")
    slug = guide.slug_en
    for locale in ("en", "zh-hans"):
        assert f"https://api.example.org/api/v1/guides/{slug}/?locale={locale}" in purged
        assert f"https://api.example.org/api/v1/guides/?locale={locale}" in purged
        series = guide.series.slug
        assert f"https://api.example.org/api/v1/series/{series}/?locale={locale}" in purged
        assert f"https://api.example.org/api/v1/guides/?series={series}&locale={locale}" in purged
    paths = page_paths(guide)
    for locale in ("en", "zh-hans"):
        query = urlencode({"path": paths[locale], "locale": locale})
        assert f"https://api.example.org/api/v1/pages/resolve/?{query}" in purged


def test_a_move_also_purges_the_previous_path(
    demo_site, purged, django_capture_on_commit_callbacks
):
    index = GuideIndexPage.objects.get()
    guide = GuidePage.objects.get(number=102)
    with django_capture_on_commit_callbacks(execute=True):
        section = index.add_child(instance=GuideIndexPage(title="Archive", slug="archive"))
        guide.move(section, pos="last-child")
    call_command("run_worker", "--once")
    resolved = " ".join(url for url in purged if "/pages/resolve/" in url)
    assert f"%2Fguides%2F{guide.slug_en}%2F" in resolved
    assert f"%2Fguides%2Farchive%2F{guide.slug_en}%2F" in resolved


def test_a_new_section_slug_purges_every_guide_below_it(demo_site, purged, publish, settings):
    settings.API_PUBLIC_URL = "https://api.example.org"
    index = GuideIndexPage.objects.get()
    guides = list(GuidePage.objects.live().child_of(index))
    old = {guide.pk: page_paths(guide) for guide in guides}
    index.slug = index.slug_en = index.slug_zh_hans = "library"
    publish(index)
    call_command("run_worker", "--once")
    for guide in guides:
        guide.refresh_from_db()
        new = page_paths(guide)
        for locale in ("en", "zh-hans"):
            detail = f"https://api.example.org/api/v1/guides/{guide.slug_en}/?locale={locale}"
            assert detail in purged
            assert new[locale] != old[guide.pk][locale]
            for path in (old[guide.pk][locale], new[locale]):
                query = urlencode({"path": path, "locale": locale})
                assert f"https://api.example.org/api/v1/pages/resolve/?{query}" in purged


def test_a_rolled_back_publish_purges_nothing(guide, purged):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        guide.save_revision().publish()
        raise RuntimeError("rolled back")
    call_command("run_worker", "--once")
    assert purged == []


def test_a_faq_edit_is_a_publish_of_every_live_guide_that_shows_it(
    demo_site, endpoint, purged, settings, django_capture_on_commit_callbacks
):
    from guides.models import FAQ

    settings.API_PUBLIC_URL = "https://api.example.org"
    guides = list(GuidePage.objects.live())
    faq = next(faq for faq in FAQ.objects.all() if any(faq.pk in faq_ids(g) for g in guides))
    showing = {g.pk for g in guides if faq.pk in faq_ids(g)}
    assert showing != {g.pk for g in guides}, "the demo has FAQs that only some guides show"
    faq.answer_en = "<p>A clearer answer.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        faq.save_revision()
    assert not WebhookEvent.objects.exists(), "a draft changes nothing readers see"
    with django_capture_on_commit_callbacks(execute=True):
        faq.get_latest_revision().publish()
    events_recorded = list(WebhookEvent.objects.all())
    assert {e.page_id for e in events_recorded} == showing
    for event in events_recorded:
        assert event.name == events.PUBLISHED
        assert event.payload["cause"] == {"snippet": "guides.faq", "id": faq.pk}
        assert event.payload["locales"] == ["en", "zh-hans"]
    call_command("run_worker", "--once")
    for guide in guides:
        detail = f"https://api.example.org/api/v1/guides/{guide.slug_en}/?locale=en"
        assert (detail in purged) == (guide.pk in showing)


def faq_ids(guide):
    return {b["value"]["faq"] for b in guide.body_en.raw_data if b["type"] == "faq_snippet"}


def test_a_topic_rename_or_deletion_concerns_the_guides_tagged_with_it(demo_site, endpoint):
    from guides.models import Topic

    topic = Topic.objects.get(slug="conflict")
    tagged = set(GuidePage.objects.live().filter(topics=topic).values_list("pk", flat=True))
    assert len(tagged) == 2
    topic.name_zh_hans = "争执"
    topic.save_revision().publish()
    assert {e.page_id for e in WebhookEvent.objects.all()} == tagged
    WebhookEvent.objects.all().delete()
    topic.delete()
    assert {e.page_id for e in WebhookEvent.objects.all()} == tagged


def test_a_snippet_no_live_guide_shows_records_nothing(demo_site, endpoint):
    from guides.models import Topic

    Topic.objects.create(name="unused", slug="unused", name_zh_hans="未使用")
    assert not WebhookEvent.objects.exists()


def test_with_no_endpoint_and_no_cdn_a_snippet_publish_looks_up_no_guides(demo_site, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guides.models import Series

    settings.WAGTAILFRONTENDCACHE = {}
    series = Series.objects.get()
    series.name_en = "Renamed series"
    revision = series.save_revision()
    with CaptureQueriesContext(connection) as queries:
        revision.publish()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "webhooks_webhookendpoint" in tables  # it looked for a listener
    assert "wagtailcore_page" not in tables and "guides_guidepage" not in tables
    assert not WebhookEvent.objects.exists()
