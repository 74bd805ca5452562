"""A guide with a content warning goes through review in Chromium (#21): the editor sees the
warning and must write a note to submit; the reviewer's one approval, "Approve and publish
English", asks for a note of its own; both notes are in the page history."""

import re

import pytest
from playwright.sync_api import expect

from guides.models import GuidePage
from tests.browser.admin import log_in

pytestmark = pytest.mark.browser

CUT_OFF = "A late reply can turn silence into a threat, and then…"
EDITOR_NOTE = "The summary trails off on purpose; the guide answers it."
REVIEWER_NOTE = "Read it twice: the open ending is the hook, not a cut."


@pytest.fixture
def guide(demo_home, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # saves by hand (the create race is issue #22's)
    return GuidePage.objects.order_by("number").first()


def click_footer(page, name):
    """Click a footer action, opening the footer's menu when the action is inside it."""
    button = page.locator("footer").get_by_role("button", name=name)
    if not button.first.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.first.click()


def test_an_approval_asks_for_a_note_on_the_open_warning(guide, live_server, page):
    base = live_server.url
    edit_url = f"{base}/admin/pages/{guide.pk}/edit/"

    # The editor cuts the summary short and saves: saving works, and the warning is shown.
    log_in(page, base, "editor")
    page.goto(edit_url)
    page.fill("textarea[name=summary_en]", CUT_OFF)
    click_footer(page, "Save draft")
    expect(page.locator(".messages")).to_contain_text("1 open content warning")
    panel = page.locator("[data-content-warnings]")
    expect(panel.locator("[data-warning-code=trailing_ellipsis]")).to_contain_text(
        "Summary ends in an ellipsis"
    )
    page.shot("editor-sees-the-warning")

    # Submitting without a note is refused, with the reason; with a note it goes to review.
    click_footer(page, re.compile("^Submit"))
    expect(page.locator(".messages, .help-critical, .error-message").first).to_be_visible()
    expect(page.get_by_text("To go on, write a note")).to_be_visible()
    page.shot("submit-needs-a-note")
    page.fill("textarea[name=acknowledge_warnings]", EDITOR_NOTE)
    click_footer(page, re.compile("^Submit"))
    expect(page.locator(".messages")).to_contain_text("submitted for editorial review")
    page.shot("submitted-with-a-note")

    # The reviewer sees one approval, named for what it does, and its dialog lists the warning.
    log_in(page, base, "reviewer")
    page.goto(edit_url)
    primary = page.locator("footer").get_by_role("button", name="Approve and publish English")
    expect(primary).to_be_visible()
    expect(page.locator("footer")).not_to_contain_text("and Publish")
    page.shot("reviewer-sees-one-approval")
    primary.click()
    dialog = page.locator(".modal-content, [role=dialog]").last
    expect(dialog.locator("[data-approval-warnings]")).to_contain_text("Summary ends in an")
    dialog.get_by_role("button", name="Approve and publish English").click()
    expect(dialog).to_contain_text("Write a note on the warnings listed above")
    page.shot("approval-needs-a-note")
    dialog.locator("textarea[name=note]").fill(REVIEWER_NOTE)
    dialog.get_by_role("button", name="Approve and publish English").click()
    expect(page.locator(".messages")).to_contain_text("English approved and published")
    page.shot("approved-and-published")

    live = GuidePage.objects.get(pk=guide.pk)
    assert live.summary_en == CUT_OFF

    # Both notes are in the page history.
    page.goto(f"{base}/admin/pages/{guide.pk}/history/")
    history = page.locator("main")
    expect(history).to_contain_text(f"when submitting for review: “{EDITOR_NOTE}”")
    expect(history).to_contain_text(f"when approving: “{REVIEWER_NOTE}”")
    page.shot("history-keeps-both-notes")
