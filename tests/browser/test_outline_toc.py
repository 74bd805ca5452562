"""A guide's table of contents at /site/, in Chromium: it lists the API's outline, its links
land on the headings and steps, and it follows the reader, in both languages."""

import json
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPAIR_PATH = "/site/guides/repair-after-a-fight-felt-security/"
API_PATH = "/api/v1/guides/repair-after-a-fight-felt-security/"


@pytest.fixture
def demo(live_server, demo_home):
    return live_server.url


def outline(demo, locale):
    with urllib.request.urlopen(f"{demo}{API_PATH}?locale={locale}") as response:  # noqa: S310
        return json.load(response)["outline"]


def in_view(page, anchor):
    return page.evaluate(
        """id => {
            const box = document.getElementById(id).getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight / 2;
        }""",
        anchor,
    )


@pytest.mark.parametrize(
    ("locale", "toc_label", "days"),
    [("en", "Table of contents", "Days"), ("zh-hans", "本文目录", "第")],
    ids=["en", "zh-hans"],
)
def test_toc_lists_the_outline_and_follows_the_reader(page, demo, locale, toc_label, days):
    expected = outline(demo, locale)
    page.goto(f"{demo}{REPAIR_PATH}?locale={locale}")
    toc = page.get_by_role("navigation", name=toc_label)
    expect(toc).to_be_visible()
    links = toc.locator("a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    assert hrefs == [f"#{entry['id']}" for entry in expected]
    for entry, text in zip(expected, links.all_inner_texts(), strict=True):
        assert entry["title"] in text
    assert all(page.locator(href).count() == 1 for href in hrefs), "every link has its target"
    step = next(entry for entry in expected if entry["level"] == 2)
    assert page.locator(f"#{step['id']}").evaluate("el => el.classList.contains('timeline-step')")
    assert days in toc.locator(f"a[href='#{step['id']}']").inner_text()
    page.shot(f"toc-{locale}")

    # Clicking a step jumps there and marks it current; the TOC stays in sight.
    toc.locator(f"a[href='#{step['id']}']").click()
    wait_until(page, "id => location.hash === '#' + id", step["id"])
    assert in_view(page, step["id"])
    expect(toc.locator("a[aria-current]")).to_have_attribute("href", f"#{step['id']}")
    assert toc.is_visible() and toc.bounding_box()["y"] >= 0
    page.shot(f"toc-step-{locale}")

    # Reading on to a later heading moves the highlight (IntersectionObserver).
    later = expected[-3]["id"]
    page.locator(f"#{later}").evaluate("el => el.scrollIntoView()")
    expect(toc.locator("a[aria-current]")).to_have_attribute("href", f"#{later}")
    page.shot(f"toc-scrolled-{locale}")

    # The last heading never reaches the top of the window: chosen, it is current all the same.
    last = expected[-1]["id"]
    toc.locator(f"a[href='#{last}']").click()
    wait_until(page, "id => location.hash === '#' + id", last)
    page.wait_for_timeout(300)  # past the observer's next report
    expect(toc.locator("a[aria-current]")).to_have_attribute("href", f"#{last}")
    page.shot(f"toc-last-{locale}")


def test_toc_is_a_collapsible_bar_on_a_phone(page, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    expected = outline(demo, "en")
    page.goto(f"{demo}{REPAIR_PATH}?locale=en")
    toc = page.get_by_role("navigation", name="Table of contents")
    summary = toc.locator("summary")
    expect(summary).to_have_text("Contents")
    assert not toc.locator("a").first.is_visible(), "closed at first"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.shot("phone-closed")

    summary.click()
    target = expected[3]["id"]
    toc.locator(f"a[href='#{target}']").click()
    wait_until(page, "id => location.hash === '#' + id", target)
    assert in_view(page, target)
    assert not toc.locator("a").first.is_visible(), "closed again after the jump"
    assert toc.bounding_box()["y"] == 0, "the bar sticks to the top"
    box = page.locator(f"#{target}").bounding_box()
    assert box["y"] >= toc.bounding_box()["height"], "the heading is not under the bar"
    page.shot("phone-jumped")
