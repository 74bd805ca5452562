import pytest
from django.contrib.auth.models import Group

from cms.workflow import roles


@pytest.fixture
def make_user(django_user_model):
    def _make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return _make


@pytest.fixture
def editor(make_user):
    return make_user("editor", roles.EDITORS)


@pytest.fixture
def reviewer(make_user):
    return make_user("reviewer", roles.REVIEWERS)


@pytest.fixture
def translator(make_user):
    return make_user("translator", roles.TRANSLATORS)


@pytest.fixture
def translation_reviewer(make_user):
    return make_user("zh_reviewer", roles.TRANSLATION_REVIEWERS)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
