"""Scoring is exact, and an editor is told about every gap, overlap or inconsistency."""

from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError

from guides.quiz.scoring import scoring_key
from guides.quiz.validation import scoring_problems

pytestmark = pytest.mark.django_db


def reversed_ids(key, dimension):
    return [q.id for q in key.questions.values() if q.reverse and dimension in q.dimensions]


def test_the_demo_test_has_the_documented_shape(key):
    assert key.dimensions == ["anxiety", "avoidance"]
    assert len(key.questions) >= 12
    assert len(reversed_ids(key, "anxiety")) == 2 and len(reversed_ids(key, "avoidance")) == 2
    assert [p.key for p in key.profiles] == ["secure", "anxious", "avoidant", "fearful"]
    assert key.bounds == {"anxiety": (1, 5), "avoidance": (1, 5)}


def test_reverse_scored_items_count_from_the_other_end(key, answer_with):
    # Every item answered "agree" (4): 5 plain items give 4, the 2 reversed give 5 + 1 - 4 = 2.
    scores = key.score(answer_with({"anxiety": 4, "avoidance": 4}))
    assert scores == {"anxiety": Fraction(24, 7), "avoidance": Fraction(24, 7)}
    assert key.profile_for(scores).key == "fearful"


def test_hand_computed_mixed_answers(key, answer_with):
    anxious_reversed = reversed_ids(key, "anxiety")
    # Anxiety: five plain items at 5, reversed items answered 1 (worth 5) -> 35/7 = 5, the top.
    # Avoidance: plain items at 1, reversed answered 5 (worth 1) -> 1, the bottom.
    avoid_reversed = reversed_ids(key, "avoidance")
    overrides = dict.fromkeys(anxious_reversed, 1) | dict.fromkeys(avoid_reversed, 5)
    scores = key.score(answer_with({"anxiety": 5, "avoidance": 1}, overrides))
    assert scores == {"anxiety": Fraction(5), "avoidance": Fraction(1)}
    assert key.profile_for(scores).key == "anxious"  # the top of the scale belongs to a range


def test_a_score_exactly_on_a_boundary_belongs_to_the_range_that_starts_there(key, answer_with):
    # "Neither" (3) everywhere: reversed items are worth 3 too, so both scores are exactly 3.
    scores = key.score(answer_with({"anxiety": 3, "avoidance": 3}))
    assert scores == {"anxiety": 3, "avoidance": 3}
    assert key.profile_for(scores).key == "fearful"
    # One anxiety item lowered from 3 to 2 puts anxiety just under 3: 20/7.
    plain = next(
        q.id for q in key.questions.values() if not q.reverse and "anxiety" in q.dimensions
    )
    scores = key.score(answer_with({"anxiety": 3, "avoidance": 3}, {plain: 2}))
    assert scores["anxiety"] == Fraction(20, 7) and key.profile_for(scores).key == "avoidant"


def _ranges(quiz, profile_key, **ranges):
    """Rewrite one profile's ranges in the English stream (in memory)."""
    raw = list(quiz.profiles_en.raw_data)
    for item in raw:
        if item["value"]["key"] == profile_key:
            item["value"]["ranges"] = [
                {
                    "type": "item",
                    "id": f"r-{d}",
                    "value": {"dimension": d, "minimum": lo, "maximum": hi},
                }
                for d, (lo, hi) in ranges.items()
            ]
    quiz.profiles_en = raw
    return quiz


def test_a_gap_is_reported_with_the_scores_it_leaves_uncovered(quiz):
    _ranges(quiz, "secure", anxiety=("1", "2.5"), avoidance=("1", "3"))
    problems = scoring_problems(quiz)
    assert problems and all("No profile covers" in p for p in problems)
    assert "anxiety 2.75" in problems[0] or "anxiety 2.5" in problems[0]


def test_an_overlap_names_both_profiles(quiz):
    _ranges(quiz, "secure", anxiety=("1", "3.5"), avoidance=("1", "3"))
    problems = scoring_problems(quiz)
    assert any("secure, anxious" in p and "overlap" in p for p in problems)


def test_inconsistent_questions_are_reported(quiz):
    raw = list(quiz.questions_en.raw_data)
    raw[0]["value"]["options"] = raw[0]["value"]["options"][:1]
    raw[1]["value"]["options"][0]["value"]["scores"][0]["value"]["dimension"] = "jealousy"
    for option in raw[2]["value"]["options"]:
        option["value"]["scores"][0]["value"]["points"] = 3
    quiz.questions_en = raw
    problems = " | ".join(scoring_problems(quiz))
    assert "Question 1 needs at least two answer options" in problems
    assert "Question 2 scores an unknown dimension: jealousy" in problems
    assert "The options of question 3 all score the same points" in problems


def test_saving_a_test_with_a_gap_is_refused_with_the_message(quiz):
    _ranges(quiz, "fearful", anxiety=("3", "4"), avoidance=("3", "5"))
    with pytest.raises(ValidationError) as refused:
        quiz.full_clean()
    assert any("No profile covers" in message for message in refused.value.messages)


def test_a_playbook_step_must_exist_in_its_guide(quiz):
    raw = list(quiz.profiles_en.raw_data)
    raw[0]["value"]["playbook"][0]["value"]["step"] = 40
    quiz.profiles_en = raw
    with pytest.raises(ValidationError) as refused:
        quiz.full_clean()
    assert any("pathway steps, not 40" in message for message in refused.value.messages)


def test_the_chinese_version_cannot_change_the_scoring(quiz, key):
    raw = list(quiz.questions_zh_hans.raw_data)
    for item in raw:
        for option in item["value"]["options"]:
            option["value"]["scores"][0]["value"]["points"] = 1
    quiz.questions_zh_hans = raw
    assert scoring_key(quiz).questions == key.questions


def test_the_test_is_under_translation_management_and_review(quiz, editor, login):
    from cms.models import TranslationStatus

    status = TranslationStatus.objects.get(page=quiz)
    assert status.completeness == 100 and status.missing == 0
    client = login(editor)
    response = client.get(f"/admin/pages/{quiz.pk}/edit/")
    assert response.status_code == 200 and b"Submit to Guide review" in response.content
    assert not quiz.permissions_for_user(editor).can_publish()
