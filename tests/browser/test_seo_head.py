"""Issue #23: a guide on /site/ puts its search and social data in the head, in both languages,
under the site's Content-Security-Policy (JSON-LD created through the DOM is data)."""

import json
import re

import pytest
from playwright.sync_api import expect

from guides.models import GuidePage
from tests.browser.conftest import RECORD_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def head(page):
    return page.evaluate(
        """() => ({
          title: document.title,
          description: document.querySelector('meta[name=description]')?.content,
          canonical: document.querySelector('link[rel=canonical]')?.href,
          alternates: Object.fromEntries([...document.querySelectorAll('link[rel=alternate]')]
            .map((link) => [link.hreflang, link.href])),
          og: Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')]
            .map((meta) => [meta.getAttribute('property'), meta.content])),
          jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')]
            .map((script) => script.textContent),
        })"""
    )


@pytest.mark.parametrize(("locale", "query"), [("en", ""), ("zh-hans", "?locale=zh-hans")])
def test_a_guide_puts_its_seo_data_in_the_head(page, live_server, demo_home, locale, query):
    guide = GuidePage.objects.order_by("number").first()
    errors = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    seo = page.context.request.get(
        f"{live_server.url}/api/v1/guides/{guide.slug_en}/?locale={locale}"
    ).json()["seo"]

    page.goto(f"{live_server.url}/site/guides/{guide.slug_en}/{query}")
    page.wait_for_selector("main h1")
    page.locator('script[type="application/ld+json"]').first.wait_for(state="attached")
    expect(page).to_have_title(re.compile(f"^{re.escape(seo['title'])} · "))
    found = head(page)
    assert found["description"] == seo["description"]
    assert found["canonical"] == seo["canonical"]
    assert found["alternates"] == {link["hreflang"]: link["href"] for link in seo["alternates"]}
    assert set(found["alternates"]) == {"en", "zh-Hans", "x-default"}
    assert found["og"]["og:title"] == seo["title"]
    assert found["og"]["og:locale"] == ("en_US" if locale == "en" else "zh_CN")
    types = [json.loads(text)["@type"] for text in found["jsonLd"]]
    assert types == ["Article", "FAQPage"]
    assert page.evaluate("window.__cspViolations") == []
    assert errors == []
    page.shot(f"guide-{locale}")

    # Leaving the guide takes its tags with it.
    page.locator("main .breadcrumbs a").click()
    page.wait_for_url("**/site/guides/")
    expect(page.locator("link[rel=canonical]")).to_have_count(0)
    assert head(page)["jsonLd"] == []
