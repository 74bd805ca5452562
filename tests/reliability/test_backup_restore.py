"""Back up, wipe, restore: every published API v1 response comes back byte for byte.

Each database is a scratch one made here (a SQLite file, or a PostgreSQL database created and
dropped by the test), used by manage.py in a subprocess, as `make backup` / `make restore` do.
"""

import json
import os

import pytest
from django.conf import settings
from django.db import connection

from tests.subprocess_django import run_manage, run_python

SETTINGS = "cms.settings.test"

FETCH = """
import json
import django
django.setup()
from django.test import Client
from guides.models import GuidePage, QuizPage, Series

client = Client()
responses = {}

def fetch(url):
    response = client.get(url)
    responses[url] = [response.status_code, response.content.decode()]

for locale in ("en", "zh-hans"):
    q = f"locale={locale}"
    fetch(f"/api/v1/home/?{q}")
    fetch(f"/api/v1/guides/?{q}")
    for slug in GuidePage.objects.live().order_by("pk").values_list("slug_en", flat=True):
        fetch(f"/api/v1/guides/{slug}/?{q}")
    fetch(f"/api/v1/series/?{q}")
    for slug in Series.objects.order_by("pk").values_list("slug", flat=True):
        fetch(f"/api/v1/series/{slug}/?{q}")
    fetch(f"/api/v1/topics/?{q}")
    fetch(f"/api/v1/search/?q=message&{q}")
    fetch(f"/api/v1/search/?q=%E5%85%B3%E7%B3%BB&{q}")
    for slug in QuizPage.objects.live().values_list("slug_en", flat=True):
        fetch(f"/api/v1/tests/{slug}/?{q}")
    fetch(f"/api/v1/pages/resolve/?path=/&{q}")
print(json.dumps(responses))
"""


def manage(database_url, *args):
    result = run_manage(*args, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=SETTINGS)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def published_responses(database_url):
    result = run_python(FETCH, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=SETTINGS)
    assert result.returncode == 0, result.stderr[-3000:]
    responses = json.loads(result.stdout.strip().splitlines()[-1])
    assert {status for status, _body in responses.values()} == {200}, responses
    return responses


def round_trip(database_url, backup_file, wipe):
    manage(database_url, "migrate", "--noinput")
    manage(database_url, "load_demo")
    before = published_responses(database_url)
    assert len(before) >= 20

    written = manage(database_url, "backup", "--output", str(backup_file))
    assert str(backup_file) in written and backup_file.stat().st_size > 0
    wipe()
    restored = manage(database_url, "restore", "--noinput", str(backup_file))
    assert str(backup_file) in restored

    after = published_responses(database_url)
    assert after.keys() == before.keys()
    for url, response in before.items():
        assert after[url] == response, f"{url} differs after restore"


def test_sqlite_backup_and_restore(tmp_path):
    database_file = tmp_path / "scratch.sqlite3"
    round_trip(f"sqlite:///{database_file}", tmp_path / "backup.sqlite3", database_file.unlink)
    assert not database_file.with_suffix(".sqlite3-journal").exists()


def test_restore_refuses_a_missing_file_or_the_other_database_kind(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": SETTINGS}
    missing = run_manage("restore", "--noinput", str(tmp_path / "nope.sqlite3"), **env)
    assert missing.returncode == 1 and "No backup file at" in missing.stderr
    assert "Traceback" not in missing.stderr
    dump = tmp_path / "postgres.dump"
    dump.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 64)
    wrong = run_manage("restore", "--noinput", str(dump), **env)
    assert wrong.returncode == 1 and "is a postgresql backup, but this database is sqlite" in (
        wrong.stderr
    )
    assert "Traceback" not in wrong.stderr


@pytest.fixture
def scratch_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL; CI runs this in its PostgreSQL pass")
    import psycopg

    config = settings.DATABASES["default"]
    name = f"cms_backup_test_{os.getpid()}"
    auth = config.get("USER") or "postgres"
    if config.get("PASSWORD"):
        auth += f":{config['PASSWORD']}"
    server = f"postgres://{auth}@{config.get('HOST') or '127.0.0.1'}:{config.get('PORT') or 5432}"

    def admin(sql):
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin_connection:
            admin_connection.execute(sql)

    def recreate():
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{name}"')

    recreate()
    yield f"{server}/{name}", recreate
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgresql_backup_and_restore(tmp_path, scratch_postgres):
    database_url, recreate = scratch_postgres
    round_trip(database_url, tmp_path / "backup.dump", recreate)
