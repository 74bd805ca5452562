import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from guides.blocks import GuideBodyBlock
from guides.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.django_db

ALL_BLOCK_TYPES = set(GuideBodyBlock().child_blocks)


def guide_using_every_block():
    for guide in GuidePage.objects.order_by("number"):
        if {block.block_type for block in guide.body_en} == ALL_BLOCK_TYPES:
            return guide
    raise AssertionError("no demo guide uses every block type")


def test_demo_guides_use_every_block_type_in_both_languages(demo_site):
    used_en, used_zh = set(), set()
    for guide in GuidePage.objects.all():
        used_en |= {block.block_type for block in guide.body_en}
        used_zh |= {block.block_type for block in guide.body_zh_hans}
    assert used_en == ALL_BLOCK_TYPES
    assert used_zh == ALL_BLOCK_TYPES


def test_guide_with_every_block_saves_publishes_and_reads_back(demo_site):
    guide = guide_using_every_block()
    guide.title_en = "Edited title"
    guide.title_zh_hans = "修改后的标题"
    revision = guide.save_revision()
    revision.publish()

    live = GuidePage.objects.live().get(pk=guide.pk)
    assert live.live_revision_id == revision.pk
    with translation.override("en"):
        assert live.title == "Edited title"
        first_en = live.body[0]
    with translation.override("zh-hans"):
        assert live.title == "修改后的标题"
        first_zh = live.body[0]
    assert first_en.id == first_zh.id, "both languages share block ids"
    assert first_en.block_type == first_zh.block_type
    assert first_en.value != first_zh.value


def test_zh_hans_body_falls_back_to_english_when_empty(demo_site):
    guide = GuidePage.objects.order_by("number").first()
    guide.body_zh_hans = []
    guide.save()
    guide = GuidePage.objects.get(pk=guide.pk)
    with translation.override("zh-hans"):
        assert [b.id for b in guide.body] == [b.id for b in guide.body_en]


def test_reading_time_counts_words_in_english_and_characters_in_chinese(demo_site):
    guide = GuidePage.objects.order_by("number").first()
    assert guide.reading_time_en >= 3
    assert guide.reading_time_zh_hans >= 3
    guide.body_zh_hans = []
    guide.summary_zh_hans = ""
    guide.save()
    guide.refresh_from_db()
    assert guide.reading_time_zh_hans is None
    with translation.override("zh-hans"):
        assert guide.reading_time == guide.reading_time_en


class TestGuideValidation:
    def test_a_summary_ending_in_an_ellipsis_is_a_warning_in_either_language(self, demo_site):
        from guides.warnings import content_warnings_for

        guide = GuidePage.objects.first()
        guide.summary_en = "It starts well and then trails off…"
        guide.summary_zh_hans = "开头很好，然后……"
        guide.full_clean()  # a content check never stops a save
        for language in ("en", "zh-hans"):
            codes = {(w.code, w.path) for w in content_warnings_for(guide, language)}
            assert ("trailing_ellipsis", "summary") in codes

    def test_a_repeated_number_is_a_warning_so_copies_still_work(self, demo_site):
        from guides.warnings import content_warnings_for

        first, second = GuidePage.objects.order_by("number")[:2]
        second.number = first.number
        second.full_clean()
        codes = [warning.code for warning in content_warnings_for(second, "en")]
        assert codes == ["duplicate_number"]
        assert content_warnings_for(first, "en") == []

    def test_required_fields_are_named(self, demo_site):
        index = GuideIndexPage.objects.get()
        guide = GuidePage(title="Draft", slug="draft")
        guide.set_url_path(index)
        with pytest.raises(ValidationError) as caught:
            guide.full_clean()
        assert {"series", "number"} <= set(caught.value.message_dict)
