"""Sign-in is rate-limited per username and address (django-axes)."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_repeated_wrong_passwords_lock_the_account_from_that_address(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(2):
        assert sign_in(client, "admin", "wrong").status_code == 200  # the form, with an error
    locked = sign_in(client, "admin", "wrong")
    assert locked.status_code == 429
    assert b"Too many sign-in attempts" in locked.content
    # Even the right password is refused while locked, and nothing leaks about the account.
    assert sign_in(client, "admin", "pw").status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_touch_other_addresses_or_users(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(2):
        sign_in(client, "admin", "wrong")
    assert sign_in(client, "admin", "pw").status_code == 429
    other = sign_in(client, "admin", "pw", address="198.51.100.9")
    assert other.status_code == 302 and other["Location"].startswith("/admin/")


def test_the_locked_page_is_in_chinese_too(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 1
    sign_in(client, "admin", "wrong")
    client.cookies["django_language"] = "zh-hans"
    locked = client.post(
        LOGIN,
        {"username": "admin", "password": "wrong"},
        REMOTE_ADDR="203.0.113.7",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert locked.status_code == 429 and "登录尝试次数过多" in locked.content.decode()
