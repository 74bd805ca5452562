"""The editor's preview panel and a reviewer's workflow preview read like the guide: the reader
site draws the previewed page, in the language of the editor's field toggle."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cms.streams import item_value, raw_items
from guides.blocks import GuideBodyBlock
from guides.models import GuidePage
from tests.browser.admin import log_in, prefer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORAGE_FORMAT = ("ListValue", "StructValue", "<p>", "data-block-key")


def guide_using_every_block():
    every = set(GuideBodyBlock().child_blocks)
    for guide in GuidePage.objects.order_by("number"):
        if {block.block_type for block in guide.body_en} == every:
            return guide
    raise AssertionError("no demo guide uses every block type")


def readable_texts(guide):
    """Texts of several block types a reader must see: pathway steps and actions, an FAQ's
    question, a phrase to copy."""
    values = {}
    for item in raw_items(guide.body_en):
        values.setdefault(item["type"], item["value"])
    step = item_value(values["pathway"]["steps"][0])
    return [
        step["title"],
        str(item_value(step["actions"][0])),
        values["faq"]["question"],
        values["copy_phrase"]["phrase"],
    ]


def assert_readable(frame, texts):
    body = frame.locator("body")
    for text in texts:
        expect(body).to_contain_text(text)
    shown = body.inner_text()
    for word in STORAGE_FORMAT:
        assert word not in shown, word


@pytest.fixture
def demo(demo_home, live_server):
    prefer("editor", "en")
    return live_server.url


def test_preview_panel_and_workflow_preview_read_like_the_guide(demo, page):
    guide = guide_using_every_block()
    texts = readable_texts(guide)

    log_in(page, demo, "editor")
    page.goto(f"{demo}/admin/pages/{guide.pk}/edit/")
    page.shot("editor")
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("main h1")).to_have_text(guide.title_en)
    expect(frame.locator(".preview-banner")).to_be_visible()
    assert_readable(frame, texts)
    expect(frame.locator(".timeline .timeline-step")).to_have_count(
        len(next(i for i in raw_items(guide.body_en) if i["type"] == "pathway")["value"]["steps"])
    )
    assert page.input_value("#id_preview_mode") == "en"
    page.shot("preview-english")

    # The field toggle shows Chinese alone: the panel follows it.
    page.locator("button.locale-toggle", has_text="zh-hans").click()
    page.locator("button.locale-toggle", has_text="en").click()
    expect(page.locator("#id_preview_mode")).to_have_value("zh-hans")
    expect(frame.locator("main h1")).to_have_text(guide.title_zh_hans)
    expect(frame.locator("html")).to_have_attribute("lang", "zh-Hans")
    shown = frame.locator("body").inner_text()
    assert re.search(r"[\u4e00-\u9fff]{4}", shown)
    assert not any(word in shown for word in STORAGE_FORMAT)
    page.shot("preview-chinese")

    # ... and starts on Chinese next time, as the toggle does.
    page.reload()
    page.locator("[data-side-panel-toggle='preview']").click()
    expect(frame.locator("main h1")).to_have_text(guide.title_zh_hans)
    page.shot("preview-chinese-after-reload")

    # A reviewer opens the task's preview from the dashboard.
    guide.title_en = f"{guide.title_en} (revised)"
    revision = guide.save_revision(user=get_user_model().objects.get(username="editor"))
    guide.get_workflow().start(guide, revision.user)
    log_in(page, demo, "reviewer")
    link = page.locator(f"a[href*='/workflow/preview/{guide.pk}/']").first
    page.goto(demo + link.get_attribute("href"))
    expect(page.locator("main h1")).to_have_text(guide.title_en)
    expect(page.locator(".preview-banner")).to_be_visible()
    assert_readable(page, texts)
    page.shot("workflow-preview")
