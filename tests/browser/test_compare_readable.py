"""A reviewer compares two versions of a guide in Chromium: every kind of block changed, read
as labelled items and word changes, never as `<ListValue …>` or HTML tags."""

import copy
import re

import pytest
from playwright.sync_api import expect

from guides.models import FAQ, GuidePage
from tests.browser.admin import log_in, prefer
from tests.cms.test_compare import NEW_ACTION, NEW_SECTION, blocks_of, edit_every_block, values

pytestmark = pytest.mark.browser

CHINESE_TITLE = "在冲动和消息之间留出更长的停顿"


@pytest.fixture
def compare_url(demo_home):
    """The compare URL of a guide's live version with a revision changing every kind of block,
    in English and in Chinese."""
    prefer("reviewer", "en")
    guide = GuidePage.objects.order_by("number").first()
    chosen = [block["value"]["faq"] for block in blocks_of(guide.body_en.raw_data, "faq_snippet")]
    other_faq = FAQ.objects.exclude(pk__in=chosen).first() or FAQ.objects.get(pk=chosen[1])
    draft = GuidePage.objects.get(pk=guide.pk)
    draft.body_en = edit_every_block(list(draft.body_en.raw_data), other_faq)
    chinese = copy.deepcopy(list(draft.body_zh_hans.raw_data))
    values(blocks_of(chinese, "pathway")[0]["value"]["steps"])[1]["title"] = CHINESE_TITLE
    draft.body_zh_hans = chinese
    revision = draft.save_revision()
    return f"/admin/pages/{guide.pk}/revisions/compare/live...{revision.pk}/"


def test_a_reviewer_reads_every_block_change(live_server, page, compare_url):
    base = live_server.url
    log_in(page, base, "reviewer")
    page.goto(base + compare_url)
    comparison = page.locator("td.comparison .cms-compare")
    expect(comparison).to_have_count(2)  # body_en and body_zh_hans
    page.shot("compare-opened")

    english = page.locator("tr", has=page.locator("td.title", has_text="Body (English)"))
    pathway = english.locator("section", has_text="(Pathway)")
    pathway.scroll_into_view_if_needed()
    expect(pathway).to_contain_text("Step 2 · Title")
    expect(pathway.locator("ins").first).to_contain_text("longer")
    expect(pathway.locator(".cms-compare__row", has_text="Step 2 · Action 5")).to_contain_text(
        "Added"
    )
    expect(pathway).to_contain_text(NEW_ACTION)
    expect(pathway.locator(".cms-compare__row", has_text="Step 1 · Action 3")).to_contain_text(
        "Removed"
    )
    expect(pathway.locator(".cms-compare__row", has_text="Step 3")).to_contain_text("Unchanged")
    page.shot("pathway")

    expect(english.locator("section", has_text="(Copy-ready phrase)").first).to_contain_text(
        "Removed"
    )
    added = english.locator("section", has_text=NEW_SECTION)
    expect(added).to_contain_text("Added")
    expect(added).to_contain_text("Change takes weeks.")
    expect(english.locator("section", has_text="(Mechanism list)")).to_contain_text(
        re.compile(r"Mechanism 1\s*Moved from position \d")
    )
    expect(english.locator("section", has_text="(Spotlight)")).to_contain_text("Study")
    expect(english.locator("section", has_text="(Case example)")).to_contain_text("Moved")
    english.locator("section", has_text="(References)").scroll_into_view_if_needed()
    page.shot("references-and-faqs")

    chinese = page.locator("tr", has=page.locator("td.title", has_text="Body (Simplified Chinese)"))
    chinese.scroll_into_view_if_needed()
    expect(chinese.locator("ins", has_text=CHINESE_TITLE)).to_be_visible()
    expect(chinese).to_contain_text("Step 2 · Title")
    page.shot("chinese-body")

    text = page.locator("main").inner_text()
    for raw in ("ListValue", "StructValue", "<p>", "<Page", "&lt;"):
        assert raw not in text, raw
