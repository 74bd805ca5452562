"""What the migrations leave in a new database: exactly the four roles, and one active workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from cms.workflow import roles

pytestmark = pytest.mark.django_db


def test_the_groups_are_exactly_the_four_roles():
    assert set(Group.objects.values_list("name", flat=True)) == {
        roles.EDITORS,
        roles.REVIEWERS,
        roles.TRANSLATORS,
        roles.TRANSLATION_REVIEWERS,
    }


def test_the_review_workflow_is_the_only_active_one():
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [
        roles.WORKFLOW_NAME
    ]


def test_translators_may_name_topics_but_not_create_or_delete_them():
    codenames = set(
        Group.objects.get(name=roles.TRANSLATORS)
        .permissions.filter(content_type__model="topic")
        .values_list("codename", flat=True)
    )
    assert codenames == {"change_topic"}
