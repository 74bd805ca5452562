"""Stored reader documents (cms.documents): a cold read is one row read, serves the very bytes
a read would build, and no change anywhere lets an out-of-date document reach a reader."""

import logging

import orjson
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.caching.version import current_versions
from cms.documents.prepared import PreparedQuery
from cms.documents.refresh import build, build_stale, page_ids
from cms.models import ReaderDocument
from guides.models import FAQ, GuidePage, QuizCallToAction, Series, Topic
from tests.api.helpers import add_guide
from tests.api.test_query_budgets import guide_with_blocks
from tests.conftest import acknowledge_set_up

pytestmark = pytest.mark.django_db

LOCALES = ("en", "zh-hans")
LISTINGS = [
    {"limit": 20},
    {"ordering": "number", "limit": 2, "offset": 1},
    {"ordering": "title"},
    {"series": "attachment-communication"},
    {"topic": "anxious-attachment"},
    {"offset": 50},
]


def detail_url(guide):
    return f"/api/v1/guides/{guide.slug_en}/"


def read(client, url, locale, **params):
    """A cold read: the response cache is emptied first. Returns (bytes, query count)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"locale": locale, **params})
    assert response.status_code == 200, response.content[:300]
    return response.content, len(queries)


def read_without_documents(client, url, locale, **params):
    """What the same read builds with no stored document at all (rolled back afterwards)."""
    with transaction.atomic():
        ReaderDocument.objects.all().delete()
        body, _queries = read(client, url, locale, **params)
        transaction.set_rollback(True)
    return body


def every_read():
    """(url, params) of each guide's detail and each listing."""
    details = [(detail_url(guide), {}) for guide in GuidePage.objects.order_by("number")]
    return details + [("/api/v1/guides/", params) for params in LISTINGS]


def build_all():
    with transaction.atomic():
        build(page_ids(stale=False))


def served_from_documents(client, url, locale, **params):
    """The read's bytes, asserting it cost only the version read and the document query
    (and a listing its count): nothing was built."""
    body, queries = read(client, url, locale, **params)
    assert queries == (3 if url.endswith("/guides/") else 2)
    return body


@pytest.mark.parametrize("locale", LOCALES)
def test_stored_documents_are_the_bytes_a_read_builds(demo_site, client, locale):
    build_all()
    assert ReaderDocument.objects.count() == 3 * 2 * 2  # guides × kinds × languages
    for url, params in every_read():
        stored = served_from_documents(client, url, locale, **params)
        assert stored == read_without_documents(client, url, locale, **params), (url, params)
        assert orjson.dumps(orjson.loads(stored)) == stored  # a listing joined as orjson would


def test_a_cold_read_costs_two_queries_however_long_the_guide(demo_site, client, publish):
    short, long = guide_with_blocks(5, publish, 901), guide_with_blocks(40, publish, 902)
    build_all()
    for locale in LOCALES:
        for guide in (short, long):
            served_from_documents(client, detail_url(guide), locale)
        served_from_documents(client, "/api/v1/guides/", locale, limit=100)


def test_publishing_rebuilds_that_guides_documents_and_no_other(demo_site, client, publish):
    build_all()
    first, second, _third = GuidePage.objects.order_by("number")
    untouched = dict(ReaderDocument.objects.filter(page=second).values_list("id", "built_at"))
    first.title_en = "A title published just now"
    publish(first)
    first.refresh_from_db()
    assert set(ReaderDocument.objects.filter(page=first).values_list("revision_id", flat=True)) == {
        first.live_revision_id
    }
    assert dict(ReaderDocument.objects.filter(page=second).values_list("id", "built_at")) == (
        untouched
    )
    body = served_from_documents(client, detail_url(first), "en")
    assert b"A title published just now" in body
    served_from_documents(client, detail_url(second), "zh-hans")


def test_the_next_read_after_a_publish_is_current_when_the_build_fails(
    demo_site, client, publish, monkeypatch, caplog
):
    build_all()
    guide = GuidePage.objects.order_by("number").first()

    def broken(page_ids):
        raise RuntimeError("disk full")

    monkeypatch.setattr("cms.documents.refresh.build", broken)
    guide.title_en = "Published while documents could not be built"
    with caplog.at_level(logging.ERROR, logger="cms.documents.refresh"):
        publish(guide)
    assert "Could not build the reader documents" in caplog.text
    body, _queries = read(client, detail_url(guide), "en")
    assert b"Published while documents could not be built" in body
    listing, _queries = read(client, "/api/v1/guides/", "en")
    assert b"Published while documents could not be built" in listing


def rename_series(publish, guides):
    series = Series.objects.get()
    series.name_en, series.name_zh_hans = "Renamed series", "改名的系列"
    publish(series)


def edit_call_to_action(publish, guides):
    cta = QuizCallToAction.objects.first()
    cta.heading_en, cta.heading_zh_hans = "A new invitation", "新的邀请"
    publish(cta)


def edit_faq(publish, guides):
    faq = FAQ.objects.first()
    faq.question_en, faq.question_zh_hans = "A reworded question?", "换了说法的问题？"
    publish(faq)


def rename_topic(publish, guides):
    topic = Topic.objects.filter(tagged_guides__isnull=False).first()
    topic.name, topic.name_zh_hans = "Renamed topic", "改名的话题"
    publish(topic)


def link_then_unpublish(publish, guides):
    guides[1].unpublish()  # the first guide links to it


def move_linked_guide(publish, guides):
    _first, second, _third = guides
    second.slug_en = "a-new-address"
    publish(second)


def retitle_hero_image(publish, guides):
    image = get_image_model().objects.get(title="Hero")
    image.title = "Two cups on a table"
    image.save()


def new_rendition(publish, guides):
    image = get_image_model().objects.get(title="Hero")
    image.get_renditions("width-960|format-webp")  # Wagtail's bulk_create: no signal


CHANGES = [
    rename_series,
    edit_call_to_action,
    edit_faq,
    rename_topic,
    link_then_unpublish,
    move_linked_guide,
    retitle_hero_image,
    new_rendition,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_no_change_elsewhere_is_served_from_an_out_of_date_document(
    demo_site, client, publish, django_capture_on_commit_callbacks, change
):
    guides = list(GuidePage.objects.order_by("number"))
    first, second, _third = guides
    first.hero_image = get_image_model().objects.create(
        title="Hero", file=get_test_image_file(size=(1200, 800))
    )
    link = f'<p>See <a linktype="page" id="{second.pk}">the next guide</a>.</p>'
    body = list(first.body_en.raw_data)
    section = next(block for block in body if block["type"] == "section")
    section["value"] = {**section["value"], "body": link}
    first.body_en = body
    publish(first)
    build_all()
    before = {
        (url, str(params), locale): served_from_documents(client, url, locale, **params)
        for url, params in every_read()
        for locale in LOCALES
        if not url.endswith(f"/{second.slug_en}/")  # (gone or moved after some changes)
    }

    with django_capture_on_commit_callbacks(execute=True):
        change(publish, [GuidePage.objects.get(pk=guide.pk) for guide in guides])

    changed = 0
    for url, params in every_read():
        for locale in LOCALES:
            if (url, str(params), locale) not in before:
                continue
            body, _queries = read(client, url, locale, **params)
            assert body == read_without_documents(client, url, locale, **params), (url, locale)
            changed += body != before[url, str(params), locale]
    assert changed, "the change shows in some response"

    build_stale(limit=None)  # the worker's round
    for url, params in every_read():
        for locale in LOCALES:
            if (url, str(params), locale) in before:
                stored = served_from_documents(client, url, locale, **params)
                assert stored == read_without_documents(client, url, locale, **params)


def test_a_deploy_with_other_settings_retires_every_document(demo_site, client):
    build_all()
    guide = GuidePage.objects.order_by("number").first()
    with override_settings(PUBLIC_SITE_URL="https://reader.example.org/"):
        body, _queries = read(client, detail_url(guide), "en")
        assert b"https://reader.example.org/" in body
        assert page_ids() == sorted(GuidePage.objects.values_list("pk", flat=True))


def test_build_documents_builds_what_is_stale_and_says_how_much(demo_site, capsys):
    call_command("build_documents")
    assert "Stored 12 documents of 3 pages." in capsys.readouterr().out
    call_command("build_documents")
    assert "Stored 0 documents of 0 pages." in capsys.readouterr().out
    call_command("build_documents", "--all")
    assert "Stored 12 documents of 3 pages." in capsys.readouterr().out


def test_the_worker_rebuilds_stale_documents(
    demo_site, publish, django_capture_on_commit_callbacks
):
    build_all()
    with django_capture_on_commit_callbacks(execute=True):
        rename_series(publish, None)
    assert len(page_ids()) == 3
    call_command("run_worker", "--once")
    assert page_ids() == []


def test_a_new_guide_is_served_from_its_documents_at_once(demo_site, client, publish):
    guide = add_guide(publish, 777)
    served_from_documents(client, detail_url(guide), "en")


def test_prepared_queries_name_what_is_wrong(demo_site):
    unplaced = PreparedQuery(lambda slug: GuidePage.objects.all(), ("pk",), slug="\u241fslug")
    with pytest.raises(ValueError, match="slug"):
        unplaced.rows(slug="x")
    lookup = PreparedQuery(lambda slug: GuidePage.objects.filter(slug=slug), ("pk",), slug="#")
    with pytest.raises(TypeError, match="slug"):
        lookup.rows()


def test_one_transaction_publishing_many_guides_bumps_once_and_builds_them_all(
    demo_site, django_capture_on_commit_callbacks
):
    def publish_without_commit(page):
        revision = page.save_revision()
        acknowledge_set_up(page, revision)
        revision.publish()
        return page

    build_all()
    before = current_versions()
    with django_capture_on_commit_callbacks(execute=True):
        added = [add_guide(publish_without_commit, number) for number in (801, 802, 803)]
    after = current_versions()
    assert (after.content, after.shared) == (before.content + 1, before.shared + 1)
    assert not set(page_ids()) & {guide.pk for guide in added}  # built after the bump
    assert ReaderDocument.objects.filter(page__in=added).count() == 3 * 2 * 2


def test_only_renditions_readers_are_served_change_the_versions(demo_site):
    image = get_image_model().objects.create(title="Hero", file=get_test_image_file())
    before = current_versions()
    image.get_rendition("max-165x165")  # the admin's thumbnail
    assert current_versions() == before
    image.get_renditions("width-480|format-jpeg")  # a srcset size
    assert current_versions().renditions > before.renditions
