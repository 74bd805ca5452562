"""Content warnings show on a guide's edit view and never block saving."""

import pytest

from guides.models import GuidePage

pytestmark = pytest.mark.django_db


def add_sample_faults(guide):
    """Repeat step 1's actions in every later step and cut off a case example."""
    raw = list(guide.body_en.raw_data)
    for block in raw:
        if block["type"] == "pathway":
            steps = block["value"]["steps"]
            first_actions = steps[0]["value"]["actions"]
            for step in steps[1:]:
                step["value"]["actions"] = [dict(item) for item in first_actions]
        if block["type"] == "case_example":
            block["value"]["outcome"] = "After six weeks she noticed that her body was"
    guide.body_en = raw
    return guide


def test_edit_view_shows_warnings_for_faulty_content(demo_site, admin_client):
    guide = add_sample_faults(GuidePage.objects.order_by("number").first())
    guide.save_revision()

    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert 'data-warning-code="repeated_actions"' in html
    assert "repeat the action list of step 1" in html
    assert 'data-warning-code="truncated_text"' in html


def test_clean_demo_guide_shows_no_warnings(demo_site, admin_client):
    guide = GuidePage.objects.order_by("number").first()
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "data-content-warnings" in html
    assert "data-warning-code" not in html


def test_warnings_do_not_block_saving_a_draft(demo_site, admin_client):
    guide = GuidePage.objects.order_by("number").first()
    before = guide.revisions.count()
    add_sample_faults(guide).save_revision()
    assert guide.revisions.count() == before + 1
