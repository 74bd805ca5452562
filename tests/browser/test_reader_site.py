"""The reader site at /site/, in Chromium: what a reader sees and does, in both languages."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPAIR_EN = "Repair After a Fight: Rebuilding Felt Security in Everyday Moments"
REPAIR_ZH = "吵架之后的修复：在日常点滴中重建安全感"
REPAIR_PATH = "/site/guides/repair-after-a-fight-felt-security/"


@pytest.fixture
def demo(live_server, demo_home):
    return live_server.url


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector("main h1")


def test_home_and_index_list_the_three_guides(page, demo):
    open_page(page, f"{demo}/site/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert page.locator("main .card").count() == 3
    assert page.get_by_role("link", name=REPAIR_EN).is_visible()
    assert page.locator("main a.button[href='/site/tests/relationship-test/']").first.is_visible()
    page.shot("home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Guides").click()
    page.wait_for_url("**/site/guides/")
    page.wait_for_selector("main h1:text('Guides')")
    assert page.locator("main .card").count() == 3
    assert page.locator("main .card h2").count() == 3
    page.shot("guide-index")

    page.get_by_role("link", name=REPAIR_EN).click()
    page.wait_for_url(f"**{REPAIR_PATH}")
    expect(page.locator("main h1")).to_have_text(REPAIR_EN)
    page.shot("guide-from-index")


def test_guide_page_pathway_faq_and_copy(page, demo):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page, f"{demo}{REPAIR_PATH}")
    assert page.locator("h1").count() == 1
    assert page.title().startswith(REPAIR_EN)

    # The pathway: a timeline of day ranges, each step with its actions.
    timeline = page.locator(".timeline")
    ranges = timeline.locator(".day-range").all_inner_texts()
    assert ranges == ["Days 1–3", "Days 4–9", "Days 10–21"]
    assert timeline.locator(".timeline-step").first.locator(".actions li").count() == 3
    timeline.scroll_into_view_if_needed()
    page.shot("pathway")

    # Every block type shows up.
    for selector in (
        ".block-scenario .persona",
        ".block-scenario blockquote",
        ".block-spotlight",
        ".mechanisms li h3",
        ".block-case dl",
        ".block-insights li",
        ".block-references ol li",
        ".cta a.button[href='/site/tests/relationship-test/']",
    ):
        assert page.locator(selector).count() > 0, selector

    # FAQs: an accordion.
    faq = page.locator("details.faq").first
    assert faq.get_attribute("open") is None
    faq.locator("summary").click()
    assert faq.get_attribute("open") is not None
    assert faq.locator(".rich").is_visible()
    page.shot("faq-open")

    # Copy a phrase: it lands on the clipboard and the button says so.
    phrase = page.locator(".phrase").first
    text = phrase.locator("blockquote").inner_text().strip()
    phrase.get_by_role("button", name="Copy").click()
    status = phrase.locator(".copy-status")
    assert status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == text
    page.shot("copied")


def test_language_switch_shows_chinese_and_is_remembered(page, demo):
    open_page(page, f"{demo}{REPAIR_PATH}")
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_selector(f"main h1:text('{REPAIR_ZH}')")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.get_by_role("button", name="简体中文").get_attribute("aria-pressed") == "true"
    assert page.locator(".timeline .day-range").first.inner_text() == "第 1–3 天"
    assert page.locator(".fallback-marker").count() == 0  # fully translated
    # The address shows the Chinese slug.
    page.wait_for_url("**/site/guides/chao-jia-hou-de-xiu-fu/")
    page.shot("guide-zh")

    # The choice is remembered across pages and reloads.
    open_page(page, f"{demo}/site/guides/")
    assert page.locator("h1").inner_text() == "指南"
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.get_by_role("link", name=REPAIR_ZH).is_visible()
    page.shot("index-zh")

    open_page(page, f"{demo}/site/?locale=en")
    assert page.locator("html").get_attribute("lang") == "en"


def test_fallback_notice_on_a_partly_translated_guide(page, demo):
    from guides.models import GuidePage

    guide = GuidePage.objects.get(slug_en="repair-after-a-fight-felt-security")
    chinese = list(guide.body_zh_hans.raw_data)
    english = list(guide.body_en.raw_data)
    missing = next(i for i, block in enumerate(english) if block["type"] == "section")
    guide.body_zh_hans = [b for b in chinese if b["id"] != english[missing]["id"]]
    guide.summary_zh_hans = ""
    guide.save_revision().publish()  # the system publishes both languages

    open_page(page, f"{demo}{REPAIR_PATH}?locale=zh-hans")
    notice = page.locator(".notice-fallback")
    assert notice.get_attribute("role") == "note"
    assert "本页部分内容尚未翻译" in notice.inner_text()
    # A marker on the English block, and on the English summary.
    markers = page.locator(".fallback-marker")
    assert markers.count() >= 2
    assert all(text == "此部分尚未翻译" for text in markers.all_inner_texts())
    block = page.locator("section.block[lang='en']").filter(has=page.locator(".fallback-marker"))
    assert block.locator("h2").inner_text() == english[missing]["value"]["heading"]
    assert page.locator(".summary").get_attribute("lang") == "en"
    block.scroll_into_view_if_needed()
    page.shot("fallback")


def test_outdated_notice_where_the_english_changed_after_translation(page, demo):
    from cms.workflow.publishing import SOURCE
    from guides.models import GuidePage

    guide = GuidePage.objects.get(slug_en="repair-after-a-fight-felt-security")
    draft = guide.get_latest_revision_as_object()
    english = [dict(block) for block in draft.body_en.raw_data]
    changed = next(i for i, block in enumerate(english) if block["type"] == "section")
    english[changed]["value"] = {
        **english[changed]["value"],
        "heading": english[changed]["value"]["heading"] + " (revised)",
    }
    draft.body_en = english
    guide.publish(draft.save_revision(), scope=SOURCE)  # a reviewer's English correction

    open_page(page, f"{demo}{REPAIR_PATH}?locale=zh-hans")
    notice = page.locator(".notice-outdated")
    assert notice.get_attribute("role") == "note"
    assert "其中文可能已过时" in notice.inner_text()
    assert page.locator(".notice-fallback").count() == 0, "nothing is missing"
    block = page.locator("section.block.outdated")
    assert block.count() == 1
    assert block.locator(".outdated-marker").inner_text() == "英文在此译文之后有更新"
    block.scroll_into_view_if_needed()
    page.shot("outdated")

    open_page(page, f"{demo}{REPAIR_PATH}?locale=en")
    assert page.locator(".notice-outdated").count() == 0, "English readers are told nothing"


def _answer_all(page, position):
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator("input[type=radio]").nth(position).check()


def test_relationship_test_end_to_end(page, demo):
    open_page(page, f"{demo}/site/tests/relationship-test/")
    questions = page.locator("fieldset.question")
    assert questions.count() == 14
    assert questions.first.locator("legend").inner_text().startswith("Question 1 of 14")
    page.shot("test")

    # Nothing chosen: every question is flagged, before anything is sent.
    page.get_by_role("button", name="See my result").click()
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("li").count() == 14
    assert questions.first.locator(".field-error").inner_text() == "Please choose an answer."
    page.shot("test-errors")

    # The API's field errors are shown too (answer 2 refused).
    _answer_all(page, 3)
    errors = {"answers[1].option": "Question 2 has no such option."}
    body = {"error": {"code": "invalid_answers", "message": "Not valid", "fields": errors}}
    page.route("**/api/v1/tests/*/results/*", lambda route: route.fulfill(status=400, json=body))
    page.get_by_role("button", name="See my result").click()
    page.wait_for_selector("#question-1 .field-error:text('Question 2 has no such option.')")
    assert page.locator(".error-summary li").count() == 1
    page.unroute("**/api/v1/tests/*/results/*")

    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r".*/site/results/[\w-]+/$"))
    page.wait_for_selector("svg.chart")
    token = page.url.rstrip("/").rsplit("/", 1)[-1]

    # The chart: two dimensions, quadrant names from the test, the reader's point.
    chart = page.locator("svg.chart")
    assert chart.get_attribute("role") == "img"
    label = chart.get_attribute("aria-label")
    assert "Attachment avoidance: 3.43" in label and "Attachment anxiety: 3.43" in label
    assert chart.locator("circle.chart-point").count() == 1
    assert chart.locator("circle.chart-point").get_attribute("data-quadrant") == "fearful"
    labels = chart.locator(".chart-quadrant-label").all_text_contents()
    assert sorted(labels) == ["Anxious", "Avoidant", "Fearful-avoidant", "Secure"]
    assert page.locator("h1").inner_text() == "Fearful-avoidant"
    page.shot("result")

    # The playbook links to guides on this site, with steps and day ranges.
    playbook = page.locator(".playbook li")
    assert playbook.count() >= 3
    assert playbook.first.locator("a").get_attribute("href").startswith("/site/guides/")
    assert re.match(r"Days? \d+", playbook.first.locator(".day-range").inner_text())
    assert playbook.first.locator(".step-title").inner_text().startswith("Step ")

    # A share link: this very page.
    share = page.locator("#share-url")
    assert share.input_value() == page.url
    page.locator(".share").get_by_role("button", name="Copy").click()
    page.wait_for_selector(".share .copy-status:text('Copied')")
    page.locator(".share").scroll_into_view_if_needed()
    page.shot("share")

    # The same result in Chinese.
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_selector("main .eyebrow:text('你的结果')")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.locator("svg.chart").get_attribute("aria-label").startswith("你的得分图")
    assert "依恋焦虑" in page.locator("svg.chart").get_attribute("aria-label")
    assert page.locator("h2:text('你的行动手册')").is_visible()
    page.shot("result-zh")

    # The day-by-day report.
    page.get_by_role("link", name="查看逐日行动报告").click()
    page.wait_for_url(f"**/site/results/{token}/report/")
    page.wait_for_selector("main h1:text('你的逐日行动报告')")
    assert page.locator(".days > li").count() >= 4  # one per step, its days grouped
    assert re.fullmatch(r"第 1–\d+ 天", page.locator(".days > li h2").first.inner_text())
    page.shot("report-zh")

    # Taking the test in Chinese works as well.
    open_page(page, f"{demo}/site/tests/relationship-test/")
    assert page.locator("h1").inner_text().startswith("关系测试")
    _answer_all(page, 0)
    page.get_by_role("button", name="查看我的结果").click()
    page.wait_for_url(re.compile(r".*/site/results/[\w-]+/$"))
    page.wait_for_selector("svg.chart circle.chart-point[data-quadrant='secure']")
    page.shot("result-zh-secure")

    # Delete the first result: its link stops working.
    open_page(page, f"{demo}/site/results/{token}/?locale=en")
    page.get_by_role("button", name="Delete my result").click()
    page.get_by_role("button", name="Yes, delete it").click()
    page.wait_for_selector("main h1:text('Your result has been deleted.')")
    page.shot("deleted")
    open_page(page, f"{demo}/site/results/{token}/")
    assert page.locator("h1").inner_text() == "Page not found"
    page.shot("deleted-404")


def test_phone_viewport_has_no_horizontal_scroll(page, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in (
        "/site/",
        f"{REPAIR_PATH}",
        f"{REPAIR_PATH}?locale=zh-hans",
        "/site/tests/relationship-test/?locale=en",
    ):
        open_page(page, f"{demo}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)
    page.shot("phone-test")
    _answer_all(page, 2)
    page.get_by_role("button", name="See my result").click()
    page.wait_for_selector("svg.chart")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.shot("phone-result")
    open_page(page, f"{demo}{REPAIR_PATH}")
    page.shot("phone-guide")


def test_preview_shows_the_draft_with_a_banner(page, demo):
    from cms.admin_preview import preview_url
    from guides.models import GuidePage

    guide = GuidePage.objects.get(slug_en="repair-after-a-fight-felt-security")
    guide.title_en = "Draft title nobody has published"
    revision = guide.save_revision()

    open_page(page, demo + preview_url(revision, "en"))
    banner = page.locator(".preview-banner")
    assert banner.get_attribute("role") == "status"
    assert "Preview" in banner.inner_text()
    assert page.locator("h1").inner_text() == "Draft title nobody has published"
    assert page.locator(".timeline .day-range").count() == 3  # the same renderer
    page.shot("preview")

    # The published page is unchanged.
    open_page(page, f"{demo}{REPAIR_PATH}")
    assert page.locator("h1").inner_text() == REPAIR_EN

    # A broken token: the API's message.
    open_page(page, f"{demo}/site/preview/?token=broken&locale=en")
    assert page.locator("main [role=alert]").inner_text() == "This preview token is not valid."
    page.shot("preview-invalid")


def test_unknown_pages_and_guides_get_a_readable_message(page, demo):
    open_page(page, f"{demo}/site/guides/no-such-guide/")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.get_by_role("link", name="Back to the home page").is_visible()
    open_page(page, f"{demo}/site/nowhere/at/all/")
    assert page.locator("h1").inner_text() == "Page not found"
    page.shot("not-found")
