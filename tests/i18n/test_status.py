"""Per-segment zh-hans state, kept current by edits, and counted without reading content."""

import pytest

from cms.i18n.segments import segments_of
from cms.i18n.services import prepare_translation
from cms.i18n.status import CURRENT, MISSING, OUTDATED, segment_states
from cms.models import TranslationStatus
from guides.models import GuidePage

pytestmark = pytest.mark.django_db


def guide():
    return GuidePage.objects.order_by("number").first()


def states(page):
    status = TranslationStatus.objects.get(page_id=page.pk)
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return {s.segment.key: s.state for s in segment_states(draft, status.memory)}, status


def test_demo_guides_start_fully_translated(demo_site):
    result, status = states(guide())
    assert set(result.values()) == {CURRENT}
    assert (status.missing, status.outdated, status.completeness) == (0, 0, 100)
    assert status.total == len(segments_of(guide()))


def test_an_english_edit_makes_exactly_the_affected_segments_outdated(demo_site):
    page = guide()
    draft = page.get_latest_revision_as_object()
    raw = list(draft.body_en.raw_data)
    block = next(b for b in raw if b["type"] == "scenario")
    block["value"]["heading"] = "A different English heading"
    draft.body_en = raw
    draft.summary_en = "A rewritten English summary."
    draft.save_revision()

    result, status = states(page)
    outdated = {key for key, state in result.items() if state == OUTDATED}
    assert outdated == {f"body.{block['id']}.heading", "summary"}
    assert status.outdated == 2 and status.missing == 0
    assert status.completeness == round(100 * (status.total - 2) / status.total)


def test_translating_again_makes_it_current(demo_site):
    page = guide()
    draft = page.get_latest_revision_as_object()
    draft.summary_en = "A rewritten English summary."
    draft.save_revision()
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.summary_zh_hans = "重写后的中文摘要。"
    draft.save_revision()
    result, status = states(page)
    assert result["summary"] == CURRENT and status.outdated == 0


def test_a_new_english_block_is_missing_in_chinese(demo_site):
    page = guide()
    draft = page.get_latest_revision_as_object()
    raw = list(draft.body_en.raw_data)
    raw.append(
        {
            "type": "copy_phrase",
            "id": "new-block",
            "value": {"phrase": "Can we pause?", "situation": ""},
        }
    )
    draft.body_en = raw
    draft.save_revision()
    result, status = states(page)
    assert result["body.new-block.phrase"] == MISSING
    assert status.missing == 1


def test_prepare_translation_copies_structure_and_counts_it_missing(demo_site, client, publish):
    page = guide()
    draft = page.get_latest_revision_as_object()
    draft.body_zh_hans = []
    draft.save_revision()
    before_missing = states(page)[1].missing
    assert before_missing > 0

    copied = prepare_translation(GuidePage.objects.get(pk=page.pk))
    assert copied == before_missing
    prepared = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [b.id for b in prepared.body_zh_hans] == [b.id for b in prepared.body_en]
    assert states(page)[1].missing == before_missing, "copies are not translations"

    publish(prepared)
    data = client.get(f"/api/v1/guides/{page.slug_en}/", {"locale": "zh-hans"}).json()
    assert "body" in data["meta"]["fallback"], "a body of copies is served as English"
    assert data["meta"]["translation_state"] == "partial"
    assert prepare_translation(GuidePage.objects.get(pk=page.pk)) == 0
