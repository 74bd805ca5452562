from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import TestCase
from django.utils import translation

from cms.workflow import roles
from cms.workflow.acknowledgements import PUBLISH, acknowledge, open_warnings

# Shared checks outside test_*.py modules keep pytest's detailed assertion messages.
pytest.register_assert_rewrite(
    "tests.admin_post", "tests.cms.exchange_helpers", "tests.i18n.exchange_states_helpers"
)


@pytest.fixture(autouse=True)
def english_by_default():
    """Requests activate a language that outlives them; start every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="pw"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def ensure_migrated_data():
    """Recreate what data migrations add (Wagtail's root, our roles and review workflow, the
    glossary's first terms) after a transactional test flushed the tables. (The flush's
    post_migrate gives content types and permissions back.)"""
    from importlib import import_module

    from django.apps import apps
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page, Workflow

    if Page.get_first_root_node() is None:
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        Locale.objects.get_or_create(language_code=language)
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if not Workflow.objects.exists():
        import_module("guides.migrations.0002_roles_and_review_workflow").install_roles(apps, None)
        import_module("guides.migrations.0004_topics").grant_topic_permissions(apps, None)
        import_module("cms.webhooks.migrations.0002_reviewers_manage_webhooks").grant(apps, None)
        import_module("guides.migrations.0006_shared_content_workflow").install_review(apps, None)
        import_module("cms.migrations.0012_glossary_roles_and_terms").install(apps, None)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in item.fixturenames or (
        marker is not None and bool(marker.kwargs.get("transaction"))
    )


@pytest.fixture(autouse=True)
def no_transactional_test_in_a_shared_world(request):
    if _is_transactional(request.node) and shared_world.depth:
        pytest.fail(
            "A transactional test cannot run inside a module's shared world (demo_world): "
            "move it to a module of its own, or use committed_demo_site."
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test flushes every table when it ends; give the tests after it back what
    the data migrations created, as a fresh test database has it."""
    yield
    if nextitem is not None and _is_transactional(item):  # (after the last, the database is gone)
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            ensure_migrated_data()


@pytest.fixture
def home_page(db):
    from home.demo import load_home_page

    page, _created = load_home_page()
    return page


@pytest.fixture
def zh():
    """Activate Simplified Chinese for the duration of a test."""
    with translation.override("zh-hans"):
        yield


@contextmanager
def shared_world(django_db_blocker):
    """An outer transaction for data built once and shared by a module's tests.

    Each test's own transaction (the `db` fixture) nests inside it as a savepoint and rolls
    back, so every test starts from the same world; the world itself is rolled back when the
    module ends. Use it from module-scoped fixtures, building inside `django_db_blocker.unblock()`.
    """
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
    shared_world.depth += 1
    try:
        yield
    finally:
        shared_world.depth -= 1
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


shared_world.depth = 0


def load_demo_content():
    """Home, guide index, the three demo guides and their snippets. Returns the home page."""
    from guides.demo.loader import load_demo_guides
    from home.demo import load_home_page

    home, _created = load_home_page()
    load_demo_guides(home)
    return home


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """The demo content, built once per module (see shared_world)."""
    with shared_world(django_db_blocker):
        with django_db_blocker.unblock():
            home_id = load_demo_content().pk
        yield home_id


@pytest.fixture
def demo_site(demo_world, db):
    """The demo content: home, guide index, three guides and their snippets (the module's
    shared world; whatever a test changes is rolled back after it)."""
    from home.models import HomePage

    return HomePage.objects.get(pk=demo_world)


@pytest.fixture
def committed_demo_site(transactional_db):
    """The demo content, committed, for transactional tests (each loads its own)."""
    return load_demo_content()


@pytest.fixture(autouse=True)
def empty_cache():
    """The API response cache lives in local memory: no test sees another's responses."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def publish_now(page):
    """Publish a page's latest draft and run what happens after commit (cache invalidation).
    Set-up content may have content warnings (a summary without a full stop): they are
    acknowledged (acknowledge_set_up), so tests of other things can publish it."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        revision = page.save_revision()
        acknowledge_set_up(page, revision)
        revision.publish()
    return page


def acknowledge_set_up(page, revision, user=None):
    """Acknowledge the content warnings of set-up content, as a reviewer would with a note."""
    if warnings := open_warnings(revision.as_object()):
        note = "Published by the test set-up."
        acknowledge(page, revision, user=user, note=note, step=PUBLISH, warnings=warnings)


@pytest.fixture
def publish(db):
    return publish_now


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
