"""The whole editorial journey in real Chromium: write, preview, review, translate, publish."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from guides.models import GuideIndexPage, GuidePage
from tests.browser.admin import approve, footer_action, log_in, prefer
from tests.browser.waiting import wait_until

TITLE = "Saying sorry so it lands"
CHINESE_TITLE = "让道歉真正被听见"

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(demo_home):
    for username in ("translator", "zh_reviewer"):  # this journey reads the English labels
        prefer(username, "en")
    return GuideIndexPage.objects.get()


def insert_block(page, stream, label):
    """Append a block of type `label` to StreamField `stream` through the block chooser."""
    before = int(page.input_value(f"input[name='{stream}-count']"))
    for _attempt in range(3):  # the chooser sometimes swallows a click while it opens
        page.evaluate(
            """(stream) => {
                const buttons = [...document.querySelectorAll('button.c-sf-add-button')]
                    .filter((b) => b.closest('[id]').id === `${stream}-root`);
                buttons[buttons.length - 1].click();
            }""",
            stream,
        )
        page.get_by_role("option", name=label, exact=True).last.click()
        try:
            wait_until(
                page,
                "([name, n]) => +document.querySelector(`input[name='${name}']`).value > n",
                arg=[f"{stream}-count", before],
                timeout=3000,
            )
            return f"{stream}-{before}"
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"Could not insert a {label} block")


def add_list_item(page, block_prefix):
    """Click the last "Add" of the list inside the block whose fields start with `block_prefix`."""
    block_id = page.input_value(f"input[name='{block_prefix}-id']")
    page.evaluate(
        """(id) => {
            const buttons = [...document.querySelectorAll('button.c-sf-add-button')]
                .filter((b) => b.closest('[id]').id === `block-${id}-content`);
            buttons[buttons.length - 1].click();
        }""",
        block_id,
    )


def type_rich_text(page, name, text):
    """Type into a Draftail editor until its hidden input holds the text."""
    field = page.locator(f"input[name='{name}']")
    editor = field.locator("xpath=..").locator("[contenteditable=true]")
    for _attempt in range(3):
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        try:
            wait_until(
                page,
                "([name, text]) => document.querySelector(`input[name='${name}']`)"
                ".value.includes(text)",
                arg=[name, text],
                timeout=2000,
            )
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"Could not type into {name}")


def choose_series(page):
    page.get_by_role("button", name="Choose series").click()
    page.locator(".modal a, .modal button").filter(has_text="Attachment").first.click()
    expect(page.locator("input[name=series]")).not_to_have_value("")
    page.locator(".modal").first.wait_for(state="hidden")


def write_guide(page):
    page.fill("input[name=title_en]", TITLE)
    choose_series(page)
    page.fill("input[name=number]", "150")
    page.fill("textarea[name=summary_en]", "How to apologise so that your partner feels heard.")
    scenario = insert_block(page, "body_en", "Problem scenario")
    page.fill(f"input[name='{scenario}-value-heading']", "After the missed dinner")
    type_rich_text(
        page, f"{scenario}-value-narrative", "Sam forgot the dinner and said sorry twice."
    )
    page.fill(f"input[name='{scenario}-value-persona-name']", "Sam")
    pathway = insert_block(page, "body_en", "Pathway")
    page.fill(f"input[name='{pathway}-value-heading']", "Three steps to a real apology")
    steps = [("Listen first", 1, 2), ("Name the impact", 3, 5), ("Offer a repair", 6, 9)]
    for index, (title, day_from, day_to) in enumerate(steps):
        if index:
            add_list_item(page, pathway)
        step = f"{pathway}-value-steps-{index}-value"
        page.fill(f"input[name='{step}-title']", title)
        page.fill(f"textarea[name='{step}-focus']", f"Focus: {title.lower()}.")
        page.fill(f"input[name='{step}-day_from']", str(day_from))
        page.fill(f"input[name='{step}-day_to']", str(day_to))
        page.fill(f"textarea[name='{step}-actions-0-value']", f"Practise: {title.lower()}.")
    case = insert_block(page, "body_en", "Case example")
    page.fill(f"input[name='{case}-value-title']", "Lena and Tom")
    page.fill(f"textarea[name='{case}-value-presenting_pattern']", "Apologies turned into debates.")
    faq = insert_block(page, "body_en", "FAQ")
    page.fill(f"input[name='{faq}-value-question']", "What if my apology is refused?")
    type_rich_text(page, f"{faq}-value-answer", "Give it time and ask what would help.")


def translate_everything(page):
    """Fill every Chinese field of the prepared guide with Chinese text, as a translator does."""
    toggle = page.locator("button.locale-toggle", has_text="zh-hans")  # show the Chinese fields
    if "showing-locale" not in (toggle.get_attribute("class") or ""):
        toggle.click()
    page.locator("input[name=title_zh_hans]").wait_for(state="visible")
    page.fill("input[name=title_zh_hans]", CHINESE_TITLE)
    page.fill("textarea[name=summary_zh_hans]", "如何道歉，才能让对方真正感到被听见。")
    names = page.eval_on_selector_all(
        "#body_zh_hans-root input[type=text], #body_zh_hans-root textarea",
        "els => els.filter((e) => e.offsetParent !== null).map((e) => e.name)",
    )
    for index, name in enumerate(names):
        page.fill(f"[name='{name}']", f"中文内容第{index + 1}段。")
    rich = page.eval_on_selector_all(
        "#body_zh_hans-root [data-draftail-editor-wrapper]",
        "els => els.map((e) => e.parentElement.querySelector('input').name)",
    )
    for index, name in enumerate(rich):
        type_rich_text(page, name, f"中文正文第{index + 1}段。")
    return len(names) + len(rich)


@pytest.mark.django_db(transaction=True)
def test_editor_to_reader_in_both_languages(demo, live_server, page):
    base = live_server.url
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{demo.pk}/add_subpage/")
    write_guide(page)
    page.shot("editor-wrote-the-guide")
    footer_action(page, "Save draft")
    # Autosave may have created the page already (and put the edit view's address in the bar):
    # the save waits for it and then updates that page, never creating a second one.
    expect(page.locator(".messages")).to_contain_text(TITLE)
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    guide = GuidePage.objects.get(title_en=TITLE)
    assert not guide.live
    page.shot("draft-saved")

    # Preview on the reference front end, through the editor's header menu.
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Preview on the front end (English)").click()
    page.wait_for_url(re.compile(r".*/site/preview/\?token=.*"))
    page.locator(".preview-banner").wait_for()
    assert page.locator("main h1").inner_text() == TITLE
    assert page.locator(".timeline .day-range").all_inner_texts() == [
        "Days 1–2",
        "Days 3–5",
        "Days 6–9",
    ]
    page.shot("front-end-preview")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")

    footer_action(page, "Submit to Guide review")
    page.wait_for_load_state()
    page.shot("submitted-for-review")
    errors = page.eval_on_selector_all(".error-message", "els => els.map((e) => e.innerText)")
    assert not errors, errors
    assert guide.current_workflow_task.name == "Editorial review"

    log_in(page, base, "reviewer")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")
    approve(page, "Approve and publish English")
    page.shot("reviewer-approved")
    guide.refresh_from_db()
    assert guide.live and guide.current_workflow_task.name == "zh-hans translation review"

    log_in(page, base, "translator")
    page.goto(f"{base}/admin/translations/{guide.pk}/prepare/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf".*/admin/translations/{guide.pk}/$"))
    page.shot("translation-prepared")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")
    filled = translate_everything(page)
    assert filled >= 12
    page.shot("translator-filled-in-chinese")
    footer_action(page, "Save draft")
    page.wait_for_load_state()
    page.shot("translation-saved")
    # Wagtail saves in the background as the translator types; their own Save draft must not
    # be refused as if someone else had saved in between.
    refused = page.locator(".messages .error").all_inner_texts()
    assert not refused, refused

    log_in(page, base, "zh_reviewer")
    page.goto(f"{base}/admin/pages/{guide.pk}/edit/")
    approve(page, "Approve and publish Chinese")
    page.shot("translation-approved")
    guide.refresh_from_db()
    assert guide.title_zh_hans == CHINESE_TITLE and guide.current_workflow_task is None

    log_in(page, base, "admin")
    page.goto(f"{base}/admin/translations/?sort=title")
    row = page.locator(f"tr[data-page-id='{guide.pk}']")
    assert row.locator("[data-completeness]").inner_text() == "100%"
    page.shot("translations-dashboard")

    # What a reader sees, in both languages, on the reference front end.
    page.context.clear_cookies()
    slug = GuidePage.objects.get(pk=guide.pk).slug_en
    page.goto(f"{base}/site/guides/{slug}/")
    page.wait_for_selector("main h1")
    assert page.locator("main h1").inner_text() == TITLE
    assert page.locator(".timeline .timeline-step").count() == 3
    assert page.locator("main details.faq summary").first.inner_text().startswith("What if")
    page.shot("reader-english")
    page.goto(f"{base}/site/guides/{slug}/?locale=zh-hans")
    expect(page.locator("main h1")).to_have_text(CHINESE_TITLE)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator(".timeline .day-range").first.inner_text() == "第 1–2 天"
    assert page.locator(".notice-fallback").count() == 0, "everything is translated"
    page.shot("reader-chinese")
