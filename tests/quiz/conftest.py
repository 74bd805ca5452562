import pytest

from guides.demo.quiz_loader import load_demo_quiz
from guides.models import QuizPage
from guides.quiz.scoring import scoring_key
from home.models import HomePage


@pytest.fixture(scope="module")
def quiz_world(demo_world, django_db_blocker):
    """The demo relationship test, added once to the module's shared demo world."""
    with django_db_blocker.unblock():
        page, _created = load_demo_quiz(HomePage.objects.get(pk=demo_world))
    return page.pk


@pytest.fixture
def quiz(quiz_world, demo_site):
    return QuizPage.objects.get(pk=quiz_world)


@pytest.fixture
def key(quiz):
    return scoring_key(quiz)


def option_for(key, question_id, points):
    """The id of the option of `question_id` that carries `points` before reverse scoring."""
    question = key.questions[question_id]
    return next(oid for oid, scores in question.options.items() if set(scores.values()) == {points})


@pytest.fixture
def answer_with(key, quiz):
    """answer_with({"anxiety": 4, "avoidance": 2}) answers every item of a dimension with the
    option worth that many points (before reverse scoring)."""

    def _answers(points_by_dimension, overrides=None):
        answers = {}
        for question_id, question in key.questions.items():
            (dimension,) = question.dimensions
            points = (overrides or {}).get(question_id, points_by_dimension[dimension])
            answers[question_id] = option_for(key, question_id, points)
        return answers

    return _answers
