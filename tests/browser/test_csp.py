"""Issue #22, finding 7: the admin, the page editor (Draftail, StreamField, the preview panel) and
the API docs all work under their Content-Security-Policy, with not one violation."""

import pytest
from playwright.sync_api import expect

from guides.models import GuidePage
from tests.browser.admin import log_in, prefer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(demo_home, live_server):
    prefer("admin", "en")
    return live_server.url


def visit(page, url):
    response = page.goto(url)
    assert response.ok, url
    assert response.headers.get("content-security-policy"), url


def test_admin_editor_preview_and_api_docs_work_under_the_policy(demo, page, violations):
    guide = GuidePage.objects.order_by("number").first()
    log_in(page, demo, "admin")
    visit(page, f"{demo}/admin/")
    expect(page.locator("main")).to_be_visible()
    assert violations() == []

    # The page editor: StreamField blocks with Draftail editors, typed into.
    visit(page, f"{demo}/admin/pages/{guide.pk}/edit/")
    expect(page.locator("[data-streamfield-stream-container]").first).to_be_visible()
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type(" Typed under the policy.")
    expect(editor).to_contain_text("Typed under the policy.")
    # The Promote tab, and the scheduling dialog's date pickers (set up by inline scripts).
    page.get_by_role("tab", name="Promote").click()
    expect(page.locator("input[name=slug_en]")).to_be_visible()
    assert page.locator("input[name=go_live_at]").count() == 1
    page.shot("editor")

    # The preview panel draws the page in a frame.
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("main h1")).to_have_text(guide.title_en)
    page.shot("preview-panel")
    assert violations() == []

    # The API docs (Swagger UI) draw every operation, and "Try it out" calls the API.
    visit(page, f"{demo}/api/v1/docs/")
    operation = page.locator(".opblock-summary-path", has_text="/api/v1/guides/").first
    expect(operation).to_be_visible()
    operation.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.get_by_role("button", name="Execute").first.click()
    status = page.locator(".live-responses-table tbody td.response-col_status").first
    expect(status).to_have_text("200")
    page.shot("api-docs")
    assert violations() == []
