"""What the browser tests do in the admin, as a person would."""

import re

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from cms.demo_users import DEMO_PASSWORD


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def footer_action(page, label):
    """Run a page action from the editor's footer menu (opening the menu if needed)."""
    button = page.get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        page.locator(
            "footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
    button.click()


def prefer(username, language):
    """Set the admin language of demo user `username`."""
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()


def approve(page, label, note=None):
    """Approve the current review stage from the editor: its one approval (`label`, e.g.
    "Approve and publish English") opens a dialog, whose button of the same name approves;
    `note` answers the content warnings the dialog lists."""
    footer_action(page, label)
    dialog = page.locator(".modal-content").last
    if note is not None:
        dialog.locator("textarea[name=note]").fill(note)
    dialog.get_by_role("button", name=label).click()
    page.locator(".messages").wait_for()
