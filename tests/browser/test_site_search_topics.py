"""Issue #23: finding things on /site/. Search from the header, topic and series pages, in both
languages, under the site's Content-Security-Policy."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPAIR_EN = "Repair After a Fight: Rebuilding Felt Security in Everyday Moments"
REPAIR_ZH = "吵架之后的修复：在日常点滴中重建安全感"
SERIES = {"en": "Attachment and Communication", "zh-hans": "依恋与沟通"}
REPAIR_TOPIC = {"en": "repair", "zh-hans": "修复"}


@pytest.fixture
def demo(live_server, demo_home):
    return live_server.url


def open_page(page, url):
    page.goto(url)
    page.wait_for_selector("main h1")


def search_from_header(page, label, words):
    box = page.get_by_role("search").get_by_label(label)
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/site/search/?q=*")
    page.wait_for_selector("main [role=status]")


def assert_highlighted(page, word):
    snippets = page.locator("main .search-results .snippet")
    expect(snippets.first).to_be_visible()
    marks = snippets.locator("mark").all_inner_texts()
    assert marks and all(word in mark.lower() for mark in marks), marks
    # The snippet's only markup is the highlight element.
    assert page.evaluate(
        "[...document.querySelectorAll('main .snippet *')].every((el) => el.tagName === 'MARK')"
    )


def test_search_in_english_and_chinese(page, demo, violations):
    open_page(page, f"{demo}/site/")
    search_from_header(page, "Search the guides", "repair")
    assert "locale=" not in page.url
    expect(page.locator("main h1")).to_have_text("Results for “repair”")
    expect(page.locator("main [role=status]")).to_have_text(re.compile(r"^\d+ results?$"))
    assert_highlighted(page, "repair")
    assert page.get_by_role("search").get_by_label("Search the guides").input_value() == "repair"
    page.shot("search-en")
    page.locator("main .search-results").get_by_role("link", name=REPAIR_EN).click()
    page.wait_for_url("**/site/guides/repair-after-a-fight-felt-security/")
    expect(page.locator("main h1")).to_have_text(REPAIR_EN)

    page.get_by_role("button", name="简体中文").click()
    page.wait_for_selector(f"main h1:text('{REPAIR_ZH}')")
    search_from_header(page, "搜索指南", "修复")
    assert "locale=zh-hans" in page.url  # a shareable Chinese search
    expect(page.locator("main h1")).to_have_text("“修复”的搜索结果")
    expect(page.locator("main [role=status]")).to_have_text(re.compile(r"^共 \d+ 条结果$"))
    assert_highlighted(page, "修复")
    page.shot("search-zh")

    # The shared address shows the same results in Chinese, even for a reader who chose English.
    page.evaluate("localStorage.setItem('site-locale', 'en')")
    open_page(page, page.url)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.locator("main .search-results").get_by_role("link", name=REPAIR_ZH).click()
    page.wait_for_url("**/site/guides/chao-jia-hou-de-xiu-fu/")
    expect(page.locator("main h1")).to_have_text(REPAIR_ZH)
    assert violations() == []


def test_empty_search_and_no_query(page, demo, violations):
    open_page(page, f"{demo}/site/search/?q=zzyzxqq")
    expect(page.locator("main [role=status]")).to_have_text(
        "No guides match “zzyzxqq”. Try another word, or browse by topic."
    )
    assert page.locator("main .search-results").count() == 0
    expect(page.get_by_role("navigation", name="Browse by topic")).to_be_visible()
    page.shot("search-empty")

    open_page(page, f"{demo}/site/search/?q=zzyzxqq&locale=zh-hans")
    expect(page.locator("main [role=status]")).to_have_text(
        "没有与“zzyzxqq”匹配的指南。换个词试试，或按主题浏览。"
    )
    page.shot("search-empty-zh")

    open_page(page, f"{demo}/site/search/?locale=en")
    expect(page.locator("main h1")).to_have_text("Search")
    expect(page.locator("main p").first).to_have_text(
        "Type a word in the search box to find guides."
    )
    assert violations() == []


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_topic_and_series_pages_from_a_guide(page, demo, violations, language):
    title = REPAIR_EN if language == "en" else REPAIR_ZH
    open_page(page, f"{demo}/site/guides/repair-after-a-fight-felt-security/?locale={language}")
    header = page.locator("main .guide-header")
    header.get_by_role("link", name=REPAIR_TOPIC[language], exact=True).click()
    page.wait_for_url("**/site/topics/repair/")
    expect(page.locator("main h1")).to_have_text(REPAIR_TOPIC[language])
    expect(page.locator("main .card")).to_have_count(1)
    expect(page.locator("main .card").get_by_role("link", name=title)).to_be_visible()
    chips = page.locator("main .topic-chips")
    assert chips.locator("[aria-current=page]").inner_text() == REPAIR_TOPIC[language]
    page.shot(f"topic-{language}")

    page.go_back()
    page.wait_for_selector(f"main h1:text('{title}')")
    header.get_by_role("link", name=SERIES[language]).click()
    page.wait_for_url("**/site/series/attachment-communication/")
    expect(page.locator("main h1")).to_have_text(SERIES[language])
    expect(page.locator("main .card")).to_have_count(3)
    page.shot(f"series-{language}")

    # The home page's topic filter leads to each topic's guides.
    page.get_by_role("link", name=page.locator(".site-name").inner_text()).click()
    page.wait_for_selector("main .topic-chips")
    conflict = "conflict" if language == "en" else "冲突"
    page.locator("main .topic-chips").get_by_role("link", name=conflict, exact=True).click()
    page.wait_for_url("**/site/topics/conflict/")
    expect(page.locator("main .card")).to_have_count(2)
    page.shot(f"topic-from-home-{language}")
    assert violations() == []
