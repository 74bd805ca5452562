"""Start-up configuration, tested in fresh processes as a deployment would see it."""

from tests.subprocess_django import run_manage

PRODUCTION = {"DJANGO_SETTINGS_MODULE": "cms.settings.production"}


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="cms.example.org", **PRODUCTION)
    assert result.returncode != 0
    assert result.stderr.strip() == "Configuration error: SECRET_KEY must be set in production."


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="", **PRODUCTION)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_deploy_check_is_clean_given_secret_and_hosts():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "a1b2c3d4e5" * 6,
        ALLOWED_HOSTS="cms.example.org",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_malformed_database_url_gives_one_clear_line():
    for bad_url in ("postgres://user@host:notaport/db", "nonsense", "mysql://host/db"):
        result = run_manage(
            "check", DATABASE_URL=bad_url, DJANGO_SETTINGS_MODULE="cms.settings.dev"
        )
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("Configuration error: DATABASE_URL")


def test_malformed_boolean_names_the_variable():
    result = run_manage("check", DEBUG="maybe", DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert result.returncode == 1
    assert "DEBUG='maybe' is not a boolean" in result.stderr
