from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from cms.demo_users import DEMO_PASSWORD
from cms.workflow import roles

pytestmark = pytest.mark.django_db


def test_one_login_per_role_printed_and_idempotent(settings, client):
    settings.DEBUG = True
    out = StringIO()
    call_command("create_demo_users", stdout=out)
    call_command("create_demo_users", stdout=StringIO())
    users = get_user_model().objects
    assert users.count() == 5
    assert users.get(username="admin").is_superuser
    for username, group in [
        ("editor", roles.EDITORS),
        ("reviewer", roles.REVIEWERS),
        ("translator", roles.TRANSLATORS),
        ("zh_reviewer", roles.TRANSLATION_REVIEWERS),
    ]:
        assert list(users.get(username=username).groups.values_list("name", flat=True)) == [group]
        assert username in out.getvalue()
        client.logout()
        signed_in = client.post(
            "/admin/login/", {"username": username, "password": DEMO_PASSWORD}, follow=True
        )
        assert signed_in.status_code == 200 and signed_in.request["PATH_INFO"] == "/admin/"


def test_refused_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only when DEBUG is on"):
        call_command("create_demo_users")
