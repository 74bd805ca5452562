import json

import pytest

from tests.subprocess_django import run_python


@pytest.mark.django_db
def test_healthz_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_503_with_reason_when_database_is_unreachable():
    code = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code); print(r.content.decode())"
    )
    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/unreachable",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503"
    payload = json.loads(body)
    assert payload["status"] == "unavailable"
    assert payload["reason"].startswith("database unreachable")
