"""A shared result in Chromium: the person who took the test can delete it; whoever opens the
share link sees it read-only."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_reader_site import _answer_all, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server, demo_home):
    return live_server.url


def _first_days(page, selector):
    return [int(re.search(r"\d+", text)[0]) for text in page.locator(selector).all_inner_texts()]


def test_only_the_person_who_took_the_test_can_delete_it(page, demo, browser, artifacts):
    open_page(page, f"{demo}/site/tests/relationship-test/?locale=en")
    _answer_all(page, 3)  # fearful-avoidant: a playbook its editors wrote out of day order
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r".*/site/results/[\w-]+/$"))
    page.wait_for_selector("svg.chart")
    share_url = page.locator("#share-url").input_value()
    token = share_url.rstrip("/").rsplit("/", 1)[-1]
    secret = page.evaluate(f"localStorage.getItem('result-delete-secret:{token}')")
    assert secret and secret not in share_url and share_url == page.url

    # The taker's view: their result, in day order, one numbering, and a Delete button.
    expect(page.locator("main .eyebrow")).to_contain_text("Your result")
    titles = page.locator(".playbook .step-title").all_inner_texts()
    assert [t.split(":")[0] for t in titles] == [f"Step {n}" for n in range(1, len(titles) + 1)]
    starts = _first_days(page, ".playbook .day-range")
    assert starts == sorted(starts)
    expect(page.get_by_role("button", name="Delete my result")).to_be_visible()
    page.shot("taker-result")

    # Someone else opens the link: a fresh browser, nothing stored.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    other = context.new_page()
    other.set_default_timeout(15_000)
    counter = iter(range(1, 100))

    def shot(name):
        other.screenshot(
            path=str(artifacts / f"shared-{next(counter):02d}-{name}.png"), full_page=True
        )

    try:
        open_page(other, share_url)
        other.wait_for_selector("svg.chart")
        expect(other.locator("main .eyebrow")).to_contain_text("A shared result")
        assert "Your result" not in other.locator("main").inner_text()
        assert other.get_by_role("button", name=re.compile("Delete")).count() == 0
        assert other.locator("#share-url").count() == 0
        assert other.locator(".playbook .step-title").all_inner_texts() == titles
        shot("shared-result")

        other.get_by_role("button", name="简体中文").click()
        other.wait_for_selector("main .eyebrow:text('他人分享的结果')")
        assert other.get_by_role("button", name=re.compile("删除")).count() == 0
        shot("shared-result-zh")

        # The report: read-only too, each run of days given once.
        other.get_by_role("link", name="查看逐日行动报告").click()
        other.wait_for_url(f"**/site/results/{token}/report/")
        other.wait_for_selector("main h1:text('逐日行动报告')")
        headings = other.locator(".days > li h2").all_inner_texts()
        assert re.fullmatch(r"第 1–\d+ 天", headings[0]) and len(headings) == len(titles)
        shot("shared-report-zh")

        # Not even the API lets the share link delete it.
        status = other.evaluate(
            "async (url) => (await fetch(url, {method: 'DELETE'})).status",
            f"/api/v1/results/{token}/",
        )
        assert status == 403
    finally:
        context.close()

    # The taker deletes it; the link stops working.
    page.reload()
    page.wait_for_selector("svg.chart")
    page.get_by_role("button", name="Delete my result").click()
    page.get_by_role("button", name="Yes, delete it").click()
    page.wait_for_selector("main h1:text('Your result has been deleted.')")
    assert page.evaluate(f"localStorage.getItem('result-delete-secret:{token}')") is None
    page.shot("deleted")
    open_page(page, share_url)
    assert page.locator("h1").inner_text() == "Page not found"
    page.shot("deleted-404")
