"""The translation memory (#20): a translator is offered approved Chinese of other pages and
snippets, exact matches first, and never Chinese that nobody approved or that was approved for
different English."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.i18n.memory import forget_index, owner_of, remember_approved, suggestions
from cms.models import ApprovedTranslation
from guides.models import FAQ, GuidePage
from tests.conftest import acknowledge_set_up

pytestmark = pytest.mark.django_db

DRAFT_CHINESE = "译者尚未送审的摘要草稿"
NEW_ENGLISH = "A rewritten English summary that nobody has translated yet."


@pytest.fixture(autouse=True)
def fresh_index():
    """Each test's database is rolled back under the per-process index: start without one."""
    forget_index()
    yield
    forget_index()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def guides():
    return list(GuidePage.objects.order_by("number"))


def targets(english, **kwargs):
    return [suggestion.target for suggestion in suggestions(english, **kwargs)]


def draft_of(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def approve_english(page, reviewer, **changes):
    """A reviewer publishes English `changes` to `page` (the live Chinese stays)."""
    draft = draft_of(page)
    for name, value in changes.items():
        setattr(draft, name, value)
    revision = draft.save_revision(user=reviewer)
    acknowledge_set_up(page, revision, reviewer)
    type(page).objects.get(pk=page.pk).publish_source(revision, user=reviewer)


def translate(page, translator, **changes):
    """A translator saves Chinese `changes` to `page` as a draft."""
    draft = draft_of(page)
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision(user=translator)


def approve_translation(page, translation_reviewer):
    revision = type(page).objects.get(pk=page.pk).get_latest_revision()
    acknowledge_set_up(page, revision, translation_reviewer)
    type(page).objects.get(pk=page.pk).publish_translation(revision, user=translation_reviewer)


def rows_of(obj):
    content_type_id, object_id = owner_of(obj)
    return ApprovedTranslation.objects.filter(content_type_id=content_type_id, object_id=object_id)


class TestWhatIsSuggested:
    def test_the_demo_fills_the_memory_with_approved_chinese(self, demo_site):
        first = guides()[0]
        remembered = {row.key: row for row in rows_of(first)}
        assert remembered["summary"].target == first.summary_zh_hans
        assert remembered["summary"].origin == f"{first.title_en} · Summary"
        assert rows_of(FAQ.objects.first()).exists(), "the demo's snippets are remembered too"
        assert all(row.target != row.source for row in ApprovedTranslation.objects.all())

    def test_approved_chinese_is_suggested_on_another_page(self, demo_site):
        first, second = guides()[:2]
        [suggestion] = suggestions(first.summary_en, exclude=owner_of(second))
        assert suggestion.target == first.summary_zh_hans
        assert (suggestion.score, suggestion.exact) == (100, True)
        assert suggestion.source == first.summary_en
        assert suggestion.origin.startswith(first.title_en)

    def test_the_object_being_translated_is_left_out(self, demo_site):
        first = guides()[0]
        assert first.summary_zh_hans in targets(first.summary_en)
        assert first.summary_zh_hans not in targets(first.summary_en, exclude=owner_of(first))

    def test_a_snippets_approved_chinese_is_suggested_and_a_draft_snippets_never(self, demo_site):
        faq = FAQ.objects.first()
        assert targets(faq.question_en)[0] == faq.question_zh_hans
        draft = FAQ.objects.create(
            question="How long should a break in an argument last?",
            question_en="How long should a break in an argument last?",
            question_zh_hans="争吵中的暂停应该持续多久？",
            answer_en="<p>About twenty minutes.</p>",
            answer_zh_hans="<p>大约二十分钟。</p>",
            live=False,
        )
        assert remember_approved(draft) == 0
        assert targets(draft.question_en) == []

    def test_rich_text_suggests_its_stored_html_compared_as_words(self, demo_site):
        faq = FAQ.objects.first()
        [suggestion] = suggestions(faq.answer_en, exclude=owner_of(guides()[0]))[:1]
        assert suggestion.rich and suggestion.target == faq.answer_zh_hans
        assert suggestion.target.startswith("<")
        assert "&lt;p&gt;" not in suggestion.diff, "the difference is shown in words, not tags"


class TestExactThenFuzzy:
    def test_exact_matches_come_first_then_fuzzy_ones_with_their_score_and_difference(
        self, demo_site, publish
    ):
        first, second, third = guides()
        near = first.summary_en.replace("When a reply is late", "When an answer is slow")
        second.summary_en, second.summary_zh_hans = near, "当回答迟迟不来时（另一种译法）"
        publish(second)
        found = suggestions(first.summary_en, exclude=owner_of(third))
        assert [s.target for s in found[:2]] == [first.summary_zh_hans, second.summary_zh_hans]
        exact, fuzzy = found[:2]
        assert (exact.exact, exact.score) == (True, 100)
        assert not fuzzy.exact and 70 <= fuzzy.score < 100
        assert re.search(r"<del>[^<]*answer[^<]*</del>", fuzzy.diff)
        assert re.search(r"<ins>[^<]*reply[^<]*</ins>", fuzzy.diff)
        assert "<del>" not in exact.diff

    def test_identical_chinese_is_offered_once(self, demo_site, publish):
        first, second, third = guides()
        second.summary_en, second.summary_zh_hans = first.summary_en, first.summary_zh_hans
        publish(second)
        assert targets(first.summary_en, exclude=owner_of(third)) == [first.summary_zh_hans]

    def test_unrelated_english_gets_nothing(self, demo_site):
        assert suggestions("Preheat the oven and line the tray with baking paper.") == []
        assert suggestions("") == suggestions("<p> </p>") == []


class TestOnlyApprovedChinese:
    def test_a_translators_unapproved_draft_is_never_suggested(self, demo_site, translator):
        first = guides()[0]
        translate(first, translator, summary_zh_hans=DRAFT_CHINESE)
        call_command("rebuild_translation_memory")
        found = targets(first.summary_en)
        assert DRAFT_CHINESE not in found
        assert found[0] == first.summary_zh_hans, "the approved Chinese is still offered"

    def test_chinese_for_new_english_stays_out_until_approved(
        self, demo_site, reviewer, translator, translation_reviewer
    ):
        first = guides()[0]
        approve_english(first, reviewer, summary_en=NEW_ENGLISH)
        translate(first, translator, summary_zh_hans=DRAFT_CHINESE)
        call_command("rebuild_translation_memory")
        assert DRAFT_CHINESE not in targets(NEW_ENGLISH)
        approve_translation(first, translation_reviewer)
        assert targets(NEW_ENGLISH)[0] == DRAFT_CHINESE

    def test_outdated_approved_chinese_is_not_suggested(
        self, demo_site, reviewer, translator, translation_reviewer
    ):
        """The English changed after its Chinese was approved: once the page's memory is
        rebuilt (another approval of it), the old pair is gone."""
        first = guides()[0]
        old_english, old_chinese = first.summary_en, first.summary_zh_hans
        approve_english(first, reviewer, summary_en=NEW_ENGLISH)
        translate(first, translator, title_zh_hans="为什么“你生我气了吗？”越问越糟")
        approve_translation(first, translation_reviewer)
        live = GuidePage.objects.get(pk=first.pk)
        assert live.summary_zh_hans == old_chinese, "readers still see it, marked outdated"
        assert old_chinese not in targets(NEW_ENGLISH)
        assert old_chinese not in targets(old_english)
        assert "summary" not in set(rows_of(first).values_list("key", flat=True))

    def test_a_new_approval_replaces_the_pages_rows(
        self, demo_site, translator, translation_reviewer
    ):
        first = guides()[0]
        before = dict(rows_of(first).values_list("key", "id"))
        translate(first, translator, summary_zh_hans="重新审定的中文摘要。")
        approve_translation(first, translation_reviewer)
        after = dict(rows_of(first).values_list("key", "id"))
        assert set(after) == set(before)
        assert not set(after.values()) & set(before.values()), "every row was rebuilt"
        assert targets(first.summary_en)[0] == "重新审定的中文摘要。"
        assert first.summary_zh_hans not in targets(first.summary_en)

    def test_an_unpublished_page_is_no_longer_suggested(self, demo_site, on_commit):
        first = guides()[0]
        assert first.summary_zh_hans in targets(first.summary_en)
        with on_commit():
            first.unpublish()
        assert first.summary_zh_hans not in targets(first.summary_en)
        assert rows_of(first).exists(), "left out without being deleted, until a rebuild"


class TestRebuildCommand:
    def test_it_rebuilds_everything_and_forgets_what_is_no_longer_live(self, demo_site, capsys):
        first = guides()[0]
        Page.objects.filter(pk=first.pk).update(live=False)
        total = ApprovedTranslation.objects.count()
        call_command("rebuild_translation_memory")
        out = capsys.readouterr().out
        live_pages = Page.objects.live().filter(depth__gt=1).count()
        assert "forgot 1 object(s) no longer live" in out
        assert f"approved segment(s) from {live_pages} live page(s)" in out
        assert not rows_of(first).exists()
        assert 0 < ApprovedTranslation.objects.count() < total

    def test_one_page(self, demo_site, capsys):
        first = guides()[0]
        rows_of(first).delete()
        call_command("rebuild_translation_memory", page=first.pk)
        count = rows_of(first).count()
        assert count > 0
        assert capsys.readouterr().out.strip() == (
            f"Remembered {count} approved segment(s) of “{first.title}”."
        )

    @pytest.mark.parametrize(
        ("arguments", "message"),
        [
            (["--page", "999999"], "There is no page with id 999999."),
            (["--page", "first"], "invalid int value: 'first'"),
        ],
    )
    def test_bad_input_is_a_clear_error(self, demo_site, arguments, message):
        with pytest.raises(CommandError, match=message):
            call_command("rebuild_translation_memory", *arguments)


class TestSpeed:
    def test_a_lookup_costs_the_same_few_queries_however_big_the_memory(self, demo_site):
        first = guides()[0]
        ask = first.summary_en.replace("late", "slow")
        suggestions(ask)  # builds the index
        with CaptureQueriesContext(connection) as warm:
            assert suggestions(ask)
        assert len(warm) == 2, "a cheap check that nothing changed, and the winning rows"
        forget_index()
        with CaptureQueriesContext(connection) as small:
            suggestions(ask)
        row = rows_of(first).get(key="summary")
        ApprovedTranslation.objects.bulk_create(
            [
                ApprovedTranslation(
                    content_type_id=row.content_type_id,
                    object_id=row.object_id,
                    key=f"generated.{n}",
                    origin="generated",
                    source=f"Generated English sentence number {n} about asking for closeness.",
                    source_hash=f"generated{n}",
                    target=f"生成的中文句子 {n}",
                )
                for n in range(2000)
            ]
        )
        with CaptureQueriesContext(connection) as grown:
            suggestions(ask)  # notices the change and rebuilds the index
        assert len(grown) == len(small)
        with CaptureQueriesContext(connection) as warm_again:
            suggestions(ask)
        assert len(warm_again) == 2
