"""The relationship test over API v1: no scoring key out, exact results in, shareable tokens."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from guides.models import QuizPage, QuizResult
from tests.quiz.conftest import option_for

pytestmark = pytest.mark.django_db
SCORING_WORDS = ("points", "reverse", "ranges", "minimum", "maximum", "scores", 'dimension"')


def submit(client, quiz, answers, locale="en"):
    body = {"answers": [{"question": q, "option": o} for q, o in answers.items()]}
    return client.post(
        f"/api/v1/tests/{quiz.slug_en}/results/?locale={locale}",
        json.dumps(body),
        content_type="application/json",
    )


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_the_test_is_served_without_its_scoring_key(client, quiz, key, locale):
    response = client.get(f"/api/v1/tests/{quiz.slug_en}/", {"locale": locale})
    assert response.status_code == 200
    text = response.content.decode()
    for word in SCORING_WORDS:
        assert word not in text
    data = response.json()
    assert [q["id"] for q in data["questions"]] == list(key.questions)
    assert all(len(q["options"]) == 5 for q in data["questions"])
    assert [p["key"] for p in data["profiles"]] == ["secure", "anxious", "avoidant", "fearful"]
    if locale == "zh-hans":
        assert data["title"] != quiz.title_en and "依恋" in text


def test_a_draft_test_is_invisible(client, quiz):
    draft = QuizPage(title="Draft test", slug="draft-test")
    quiz.get_parent().add_child(instance=draft)
    draft.unpublish() if draft.live else None
    assert client.get("/api/v1/tests/draft-test/").status_code == 404
    response = client.post(
        "/api/v1/tests/draft-test/results/", "{}", content_type="application/json"
    )
    assert response.status_code == 400 and "test" in response.json()["error"]["fields"]
    quiz.unpublish()
    assert client.get(f"/api/v1/tests/{quiz.slug_en}/").status_code == 404


def test_a_submission_returns_scores_profile_playbook_and_a_token(client, quiz, key, answer_with):
    response = submit(client, quiz, answer_with({"anxiety": 5, "avoidance": 1}))
    assert response.status_code == 201 and response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["profile"]["key"] == "anxious"
    scores = {s["key"]: s["score"] for s in data["scores"]}
    assert scores["anxiety"] == pytest.approx(27 / 7, abs=1e-4)  # the 2 reversed items: 1 each
    assert len(data["token"]) >= 43
    first = data["playbook"][0]
    assert first["guide"]["api_url"].startswith("/api/v1/guides/") and first["step"]["title"]
    assert first["step"]["day_from"] <= first["step"]["day_to"]


def test_the_result_and_its_playbook_come_back_in_both_languages(client, quiz, answer_with):
    token = submit(client, quiz, answer_with({"anxiety": 1, "avoidance": 5})).json()["token"]
    english = client.get(f"/api/v1/results/{token}/").json()
    chinese = client.get(f"/api/v1/results/{token}/", {"locale": "zh-hans"}).json()
    assert english["profile"]["key"] == chinese["profile"]["key"]
    assert english["profile"]["name"] != chinese["profile"]["name"]
    assert [i["guide"]["id"] for i in english["playbook"]] == [
        i["guide"]["id"] for i in chinese["playbook"]
    ]
    assert chinese["playbook"][0]["guide"]["title"] != english["playbook"][0]["guide"]["title"]
    assert chinese["playbook"][0]["step"]["title"] != english["playbook"][0]["step"]["title"]
    assert all("\u4e00" <= ch <= "\u9fff" for ch in chinese["profile"]["name"][:1])


def test_the_action_report_expands_every_step_day_by_day(client, quiz, answer_with):
    token = submit(client, quiz, answer_with({"anxiety": 4, "avoidance": 2})).json()["token"]
    report = client.get(f"/api/v1/results/{token}/report/", {"locale": "zh-hans"}).json()
    steps = [item["step"] for item in report["playbook"]]
    assert all(step["actions"] for step in steps)
    days = report["days"]  # runs of days: each step's days once
    assert [(d["day_from"], d["day_to"]) for d in days] == [tuple(s["plan_days"]) for s in steps]
    assert days[-1]["day_to"] == sum(s["day_to"] - s["day_from"] + 1 for s in steps)
    assert days[0]["day_from"] == 1 and days[0]["actions"] == steps[0]["actions"]


def test_tokens_are_unguessable_hashed_and_expire(client, quiz, answer_with):
    answers = answer_with({"anxiety": 2, "avoidance": 2})
    tokens = {submit(client, quiz, answers).json()["token"] for _ in range(5)}
    assert len(tokens) == 5
    stored = " ".join(QuizResult.objects.values_list("token_hash", flat=True))
    assert not any(token in stored for token in tokens)
    assert client.get("/api/v1/results/not-a-real-token/").status_code == 404
    token = tokens.pop()
    QuizResult.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/api/v1/results/{token}/").status_code == 404


def test_a_result_is_deleted_with_its_delete_secret(client, quiz, answer_with):
    data = submit(client, quiz, answer_with({"anxiety": 2, "avoidance": 2})).json()
    token, body = data["token"], json.dumps({"delete_secret": data["delete_secret"]})
    assert client.delete(f"/api/v1/results/{token}/").status_code == 403
    assert client.delete(f"/api/v1/results/{token}/", body).status_code == 204
    assert client.get(f"/api/v1/results/{token}/").status_code == 404
    assert client.delete(f"/api/v1/results/{token}/", body).status_code == 404
    assert QuizResult.objects.count() == 0


def test_a_result_stores_answers_and_scores_only(client, quiz, answer_with):
    submit(client, quiz, answer_with({"anxiety": 2, "avoidance": 2}), locale="zh-hans")
    fields = {f.name for f in QuizResult._meta.get_fields()}
    assert fields == {
        "id",
        "quiz",
        "token_hash",
        "delete_secret_hash",
        "answers",
        "scores",
        "profile_key",
        "created_at",
        "expires_at",
    }
    result = QuizResult.objects.get()
    assert "127.0.0.1" not in json.dumps([result.answers, result.scores])


def _bad_cases(key):
    ids = list(key.questions)
    first = ids[0]
    good = [{"question": q, "option": option_for(key, q, 3)} for q in ids]
    return [
        ("not json", None, "body"),
        ([1, 2], None, "body"),
        ({"answer": []}, None, "answers"),
        ({"answers": "all of them"}, None, "answers"),
        ({"answers": good[1:]}, None, "answers"),
        ({"answers": [*good, good[0]]}, None, f"answers[{len(good)}].question"),
        (
            {"answers": [{"question": first, "option": "nope"}, *good[1:]]},
            None,
            "answers[0].option",
        ),
        (
            {"answers": [{"question": "q-unknown", "option": "x"}, *good]},
            None,
            "answers[0].question",
        ),
        ({"answers": [{"question": 7, "option": "x"}, *good]}, None, "answers[0].question"),
        ({"answers": [{"question": first, "option": 3}, *good[1:]]}, None, "answers[0].option"),
        ({"answers": ["q1", *good]}, None, "answers[0]"),
    ]


def test_every_malformed_submission_gets_a_400_naming_its_field(client, quiz, key, settings):
    settings.QUIZ_SUBMISSIONS_PER_MINUTE = 100
    for body, _unused, field in _bad_cases(key):
        raw = body if isinstance(body, str) else json.dumps(body)
        response = client.post(
            f"/api/v1/tests/{quiz.slug_en}/results/", raw, content_type="application/json"
        )
        assert response.status_code == 400, body
        error = response.json()["error"]
        assert error["code"] == "invalid_answers" and field in error["fields"], (body, error)
    assert QuizResult.objects.count() == 0


def test_submissions_are_rate_limited(client, quiz, answer_with, settings):
    settings.QUIZ_SUBMISSIONS_PER_MINUTE = 2
    answers = answer_with({"anxiety": 2, "avoidance": 2})
    assert [submit(client, quiz, answers).status_code for _ in range(3)] == [201, 201, 429]
    assert QuizResult.objects.count() == 2


def test_a_result_costs_the_same_queries_whatever_its_playbook(
    client, quiz, answer_with, django_assert_max_num_queries
):
    tokens = [
        submit(client, quiz, answer_with(points)).json()["token"]
        for points in ({"anxiety": 1, "avoidance": 1}, {"anxiety": 5, "avoidance": 5})
    ]
    for token in tokens:
        with django_assert_max_num_queries(6):
            client.get(f"/api/v1/results/{token}/report/", {"locale": "zh-hans"})


def test_the_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/tests/{slug}/",
        "/api/v1/tests/{slug}/results/",
        "/api/v1/results/{token}/",
    ):
        assert path in paths
    assert "requestBody" in paths["/api/v1/tests/{slug}/results/"]["post"]


def test_chinese_options_carry_the_same_ids_and_score_the_same(client, quiz, key, answer_with):
    english = client.get(f"/api/v1/tests/{quiz.slug_en}/").json()
    chinese = client.get(f"/api/v1/tests/{quiz.slug_en}/", {"locale": "zh-hans"}).json()
    ids = [[o["id"] for o in q["options"]] for q in english["questions"]]
    assert ids == [[o["id"] for o in q["options"]] for q in chinese["questions"]]
    assert (
        english["questions"][0]["options"][0]["label"]
        != chinese["questions"][0]["options"][0]["label"]
    )
    answers = answer_with({"anxiety": 4, "avoidance": 2})
    in_english = submit(client, quiz, answers).json()
    in_chinese = submit(client, quiz, answers, locale="zh-hans").json()
    assert in_english["scores"] == [
        {**score, "name": e["name"]}
        for score, e in zip(in_chinese["scores"], in_english["scores"], strict=True)
    ]
    assert in_chinese["profile"]["key"] == in_english["profile"]["key"]
