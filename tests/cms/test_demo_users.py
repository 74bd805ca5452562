from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.forms import FileField

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


def account_form_data(response, **changes):
    """The account settings form as the page shows it (every panel), with `changes`."""
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            if panel.name == "password":
                continue  # left empty, as a browser sends it
            for bound in form:
                if isinstance(bound.field, FileField):
                    continue  # no upload, as a browser sends it
                value = bound.value()
                if isinstance(value, bool):
                    if value:
                        data[bound.html_name] = "on"
                    continue
                data[bound.html_name] = "" if value is None else value
    data.update(changes)
    return data


def test_demo_users_have_names_and_chinese_speakers_get_a_chinese_admin(settings):
    from wagtail.users.models import UserProfile

    from cms.demo_users import ensure_demo_users

    get_user_model().objects.create_user("editor", "editor@example.com", "pw")  # no name
    ensure_demo_users()
    users = {user.username: user for user in get_user_model().objects.all()}
    assert len(users) == 5
    for user in users.values():
        assert user.first_name and user.last_name, user.username
    assert users["editor"].get_full_name() == "Emma Clarke", "an existing user gets a name"
    languages = {
        name: UserProfile.get_for_user(user).get_preferred_language()
        for name, user in users.items()
    }
    assert languages["translator"] == languages["zh_reviewer"] == "zh-hans"
    assert languages["editor"] == "en"
    # Names in Chinese for the Chinese-speaking roles.
    assert all(
        "\u4e00" <= c <= "\u9fff" for c in users["translator"].get_full_name().replace(" ", "")
    )


def test_demo_translator_can_save_the_account_language(settings):
    from django.urls import reverse
    from wagtail.users.models import UserProfile

    from cms.demo_users import ensure_demo_users
    from tests.admin_post import AdminSession

    ensure_demo_users()
    translator = get_user_model().objects.get(username="translator")
    session = AdminSession(translator)
    url = reverse("wagtailadmin_account")
    page = session.get(url)
    assert page.status_code == 200
    data = account_form_data(page, **{"locale-preferred_language": "en"})
    response = session.post(url, data)
    assert response.status_code == 302, response.context and [
        (panel.name, panel.get_form().errors)
        for panels in response.context["panels_by_tab"].values()
        for panel in panels
    ]
    assert response["Location"] == url
    assert UserProfile.get_for_user(translator).preferred_language == "en"
    # And back to Chinese, as the translator would after trying it out.
    session.post(url, {**data, "locale-preferred_language": "zh-hans"})
    assert UserProfile.get_for_user(translator).preferred_language == "zh-hans"
