"""A guide's images on the reader site: <picture> with AVIF/WebP sources and a JPEG <img>."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from django.conf import settings

from tests.browser.waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GUIDE_PATH = "/site/guides/repair-after-a-fight-felt-security/"


@pytest.fixture
def demo(live_server, demo_home, page):
    """The live server, with /media/ answered from MEDIA_ROOT as the web server or object
    storage would in production (the live server runs without DEBUG, which serves none)."""
    root = Path(settings.MEDIA_ROOT)

    def serve(route):
        relative = unquote(urlparse(route.request.url).path).removeprefix(settings.MEDIA_URL)
        file = (root / relative).resolve()
        if root.resolve() not in file.parents or not file.is_file():
            route.fulfill(status=404)
            return
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=file.read_bytes(), headers={"Content-Type": content_type})

    page.route(f"{live_server.url}{settings.MEDIA_URL}**", serve)
    return live_server.url


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_guide_images_load_from_their_srcset(page, demo, locale):
    query = "" if locale == "en" else "?locale=zh-hans"
    page.goto(f"{demo}{GUIDE_PATH}{query}")
    page.wait_for_selector("main h1")
    pictures = page.locator("main picture")
    assert pictures.count() == 3  # the hero and two image blocks
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        types = picture.locator("source").evaluate_all("els => els.map(e => e.type)")
        assert "image/webp" in types
        img = picture.locator("img")
        assert " 480w" in img.get_attribute("srcset")
        assert img.get_attribute("width") and img.get_attribute("height")
        wait_until(page, "img => img.complete && img.naturalWidth > 0", img.element_handle())
    figure_img = page.locator("main figure.block-image img").first
    assert figure_img.get_attribute("loading") == "lazy"
    assert figure_img.get_attribute("alt")
    page.shot(f"guide-images-{locale}")
