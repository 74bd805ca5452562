"""Issue #23, reader fixes: the playbook in day order with one numbering, the report's days
grouped, and only the person who took the test able to delete a shared result."""

import json

import pytest

from guides.models import QuizResult
from guides.quiz_representation import day_by_day
from tests.quiz.test_quiz_api import submit

pytestmark = pytest.mark.django_db
ANXIOUS = {"anxiety": 5, "avoidance": 1}  # its playbook is written out of day order


def delete(client, token, body=None):
    return client.delete(
        f"/api/v1/results/{token}/",
        json.dumps(body) if body is not None else "",
        content_type="application/json",
    )


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_the_playbook_runs_in_day_order_numbered_as_shown(client, quiz, answer_with, locale):
    token = submit(client, quiz, answer_with(ANXIOUS)).json()["token"]
    playbook = client.get(f"/api/v1/results/{token}/", {"locale": locale}).json()["playbook"]
    spans = [(item["step"]["day_from"], item["step"]["day_to"]) for item in playbook]
    assert spans == sorted(spans) and (10, 21) in spans and (11, 17) in spans
    assert [item["position"] for item in playbook] == list(range(1, len(playbook) + 1))


def test_the_report_follows_the_same_order(client, quiz, answer_with):
    token = submit(client, quiz, answer_with(ANXIOUS)).json()["token"]
    result = client.get(f"/api/v1/results/{token}/").json()
    report = client.get(f"/api/v1/results/{token}/report/").json()
    steps = [item["step"]["title"] for item in report["playbook"]]
    assert steps == [item["step"]["title"] for item in result["playbook"]]
    assert [day["step"] for day in report["days"]] == steps


def test_the_report_gives_each_run_of_same_days_once(client, quiz, answer_with):
    token = submit(client, quiz, answer_with(ANXIOUS)).json()["token"]
    report = client.get(f"/api/v1/results/{token}/report/", {"locale": "zh-hans"}).json()
    days = report["days"]
    first = report["playbook"][0]["step"]
    assert (days[0]["day_from"], days[0]["day_to"]) == (1, first["day_to"] - first["day_from"] + 1)
    assert days[0]["actions"] == first["actions"]
    assert days[0]["day_from"] < days[0]["day_to"]  # "Days 1–3", not days 1, 2 and 3
    for before, after in zip(days, days[1:], strict=False):
        assert after["day_from"] == before["day_to"] + 1
        assert (before["step"], before["actions"]) != (after["step"], after["actions"])


def test_a_step_planned_twice_in_a_row_is_one_run():
    step = {"title": "Notice", "actions": ["Write it down"]}
    playbook = [
        {"guide": {"title": "Guide"}, "step": {**step, "plan_days": [1, 3]}},
        {"guide": {"title": "Guide"}, "step": {**step, "plan_days": [4, 5]}},
        {"guide": {"title": "Guide"}, "step": {**step, "title": "Other", "plan_days": [6, 6]}},
    ]
    assert [(d["day_from"], d["day_to"], d["step"]) for d in day_by_day(playbook)] == [
        (1, 5, "Notice"),
        (6, 6, "Other"),
    ]


def test_a_new_result_comes_with_a_delete_secret_kept_out_of_the_share_link(
    client, quiz, answer_with
):
    data = submit(client, quiz, answer_with(ANXIOUS)).json()
    secret, token = data["delete_secret"], data["token"]
    assert len(secret) >= 43 and secret != token
    assert secret not in data["share_url"] and secret not in data["report_url"]
    shared = client.get(data["share_url"]).content.decode()
    assert secret not in shared and "delete_secret" not in shared
    stored = QuizResult.objects.get()
    assert stored.delete_secret_hash and secret not in stored.delete_secret_hash


@pytest.mark.parametrize(
    "body", [None, {}, {"delete_secret": "wrong"}, {"delete_secret": 1}, "share token"]
)
def test_deleting_without_the_secret_is_forbidden(client, quiz, answer_with, body):
    token = submit(client, quiz, answer_with(ANXIOUS)).json()["token"]
    response = delete(client, token, {"delete_secret": token} if body == "share token" else body)
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "forbidden" and error["message"]
    assert client.get(f"/api/v1/results/{token}/").status_code == 200


def test_the_person_who_took_the_test_deletes_it_with_the_secret(client, quiz, answer_with):
    data = submit(client, quiz, answer_with(ANXIOUS)).json()
    response = delete(client, data["token"], {"delete_secret": data["delete_secret"]})
    assert response.status_code == 204
    assert QuizResult.objects.count() == 0
    assert client.get(data["share_url"]).status_code == 404
    assert (
        delete(client, data["token"], {"delete_secret": data["delete_secret"]}).status_code == 404
    )


def test_a_result_from_before_delete_secrets_cannot_be_deleted(client, quiz, answer_with):
    data = submit(client, quiz, answer_with(ANXIOUS)).json()
    QuizResult.objects.update(delete_secret_hash="")
    for secret in ("", data["delete_secret"]):
        assert delete(client, data["token"], {"delete_secret": secret}).status_code == 403
    assert QuizResult.objects.count() == 1
