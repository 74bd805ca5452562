"""A translator's whole job in real Chromium, with the admin in 简体中文: find what needs
translating, translate a plain and a rich-text segment, confirm an unchanged translation of a
changed English sentence, and submit the translation for review."""

import re

import pytest
from playwright.sync_api import expect

from cms.models import TranslationReviewTask
from cms.translate.workspace import open_workspace
from guides.models import GuidePage
from tests.browser.admin import approve, log_in, prefer

pytestmark = pytest.mark.browser


@pytest.fixture
def work(demo_home):
    """A guide as review leaves it: one English sentence changed and published, a subtitle whose
    English another guide has already translated, and a section body with no Chinese yet."""
    prefer("translator", "zh-hans")
    prefer("zh_reviewer", "en")
    guide, other = GuidePage.objects.order_by("number")[:2]
    rich = next(
        row
        for row in open_workspace(guide).rows
        if row.rich and row.key.endswith(".body") and "reassurance loop" in row.source
    )
    draft = guide.get_latest_revision_as_object()
    draft.summary_en = draft.summary_en.replace(".", ", for a while.", 1)
    draft.subtitle_en, draft.subtitle_zh_hans = other.subtitle_en, ""
    block_id = rich.key.split(".")[1]
    chinese = list(draft.body_zh_hans.raw_data)
    for block in chinese:
        if block["id"] == block_id:
            block["value"]["body"] = ""
    draft.body_zh_hans = chinese
    draft.save_revision().publish()  # the English change is reviewed and live
    return GuidePage.objects.get(pk=guide.pk), other, rich.key


def row(page, key):
    return page.locator(f'[data-segment="{key}"]')


def test_a_translator_translates_and_a_reviewer_approves(live_server, page, work):
    guide, other, rich_key = work
    base = live_server.url
    log_in(page, base, "translator")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    needs = page.locator("[data-needs-translation]")
    expect(needs).to_contain_text(guide.title_en)
    page.shot("dashboard-needs-translation")
    needs.get_by_role("link", name=guide.title_en).first.click()
    page.wait_for_url(re.compile(rf".*/admin/translations/{guide.pk}/.*"))
    expect(page.locator("[data-segment]")).to_have_count(3)  # what needs work, nothing else
    for key, state in (("subtitle", "missing"), ("summary", "outdated"), (rich_key, "missing")):
        expect(row(page, key)).to_have_attribute("data-state", state)
    expect(row(page, "summary").locator("[data-english-change] ins")).to_contain_text("while")
    page.shot("to-do")

    # A suggestion from the translation memory: the other guide's approved subtitle.
    row(page, "subtitle").locator("[data-suggestions-link]").click()
    suggestion = row(page, "subtitle").locator("[data-suggestion]").first
    expect(suggestion).to_contain_text(other.subtitle_zh_hans)
    page.shot("suggestions")
    suggestion.locator("[data-use-suggestion]").click()
    expect(row(page, "subtitle").locator("[name$=-chinese]")).to_have_value(other.subtitle_zh_hans)
    row(page, "subtitle").locator("button[value=save]").click()
    expect(row(page, "subtitle")).to_have_attribute("data-state", "current")

    row(page, "summary").locator("button[value=confirm]").click()
    expect(row(page, "summary")).to_have_attribute("data-state", "current")

    # A glossary term: the row names the agreed Chinese, and the translation uses it.
    term = row(page, rich_key).locator("[data-term]", has_text="reassurance loop")
    expect(term).to_contain_text("安慰循环")
    row(page, rich_key).locator("[contenteditable=true]").click()
    page.keyboard.type("安慰循环会让双方都越来越累。")
    page.shot("typing-rich-text")
    row(page, rich_key).locator("button[value=save]").click()
    expect(row(page, rich_key)).to_have_attribute("data-state", "current")
    expect(page.locator("[data-percent]")).to_have_text("100%")
    page.shot("all-current")

    # The test's Chinese for one section leaves glossary terms out: submitting asks for a note.
    page.reload()
    page.locator("[data-submit-warnings] textarea").fill("Placeholder Chinese in a test guide.")
    page.shot("submit-asks-for-a-note")
    page.locator("[data-submit-translation]").click()
    page.wait_for_load_state()
    page.shot("submitted")
    guide = GuidePage.objects.get(pk=guide.pk)
    task = guide.current_workflow_state.current_task_state
    assert isinstance(task.task.specific, TranslationReviewTask)
    assert guide.draft_title == guide.title_en

    # The zh reviewer finds it, sees the Chinese against what readers see, and approves.
    log_in(page, base, "zh_reviewer")
    awaiting = page.locator("[data-awaiting-translation-review]")
    expect(awaiting).to_contain_text(guide.title_en)
    expect(awaiting.locator("[data-completeness]").first).to_have_text("100%")
    page.shot("dashboard-awaiting-review")
    page.goto(f"{base}/admin/translations/{guide.pk}/?show=all")
    expect(row(page, "subtitle").locator("[data-live-change] ins")).to_contain_text(
        other.subtitle_zh_hans[:4]
    )
    page.shot("reviewer-compares")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")
    # The test's Chinese for the section does not use the glossary's terms: say why it may go.
    expect(page.locator("[data-warning-code=glossary_term]").first).to_be_visible()
    approve(page, "Approve and publish Chinese", note="Placeholder Chinese in a test guide.")
    page.shot("approved")
    guide = GuidePage.objects.get(pk=guide.pk)
    assert guide.current_workflow_state is None
    assert guide.subtitle_zh_hans == other.subtitle_zh_hans

    # The reader sees it.
    page.context.clear_cookies()
    page.goto(f"{base}/site/guides/{guide.slug_en}/?locale=zh-hans")
    expect(page.locator("main")).to_contain_text("安慰循环会让双方都越来越累。")
    expect(page.locator("main")).to_contain_text(other.subtitle_zh_hans)
    page.shot("reader-chinese")
