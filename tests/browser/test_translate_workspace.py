"""A translator's whole job in real Chromium, with the admin in 简体中文: find what needs
translating, translate a plain and a rich-text segment, confirm an unchanged translation of a
changed English sentence, and submit the translation for review."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from cms.demo_users import DEMO_PASSWORD as PASSWORD
from cms.i18n.workspace import open_workspace
from cms.models import TranslationReviewTask
from guides.models import GuidePage

pytestmark = pytest.mark.browser


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


@pytest.fixture
def work(demo_home, django_user_model):
    """A guide as review leaves it: one English sentence changed and published, a subtitle
    and a section body whose Chinese is missing."""
    translator = django_user_model.objects.get(username="translator")
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "zh-hans"
    profile.save()
    guide = GuidePage.objects.order_by("number").first()
    rich = next(row for row in open_workspace(guide).rows if row.rich and row.key.endswith(".body"))
    draft = guide.get_latest_revision_as_object()
    draft.summary_en = draft.summary_en.replace(".", ", for a while.", 1)
    draft.subtitle_zh_hans = ""
    block_id = rich.key.split(".")[1]
    chinese = list(draft.body_zh_hans.raw_data)
    for block in chinese:
        if block["id"] == block_id:
            block["value"]["body"] = ""
    draft.body_zh_hans = chinese
    draft.save_revision().publish()  # the English change is reviewed and live
    return GuidePage.objects.get(pk=guide.pk), rich.key


def row(page, key):
    return page.locator(f'[data-segment="{key}"]')


def test_a_translator_translates_and_submits_in_the_chinese_admin(live_server, page, work):
    guide, rich_key = work
    base = live_server.url
    log_in(page, base, "translator")
    page.shot("dashboard")
    page.goto(f"{base}/admin/translations/{guide.pk}/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("[data-segment]")).to_have_count(3)  # what needs work, nothing else
    for key, state in (("subtitle", "missing"), ("summary", "outdated"), (rich_key, "missing")):
        expect(row(page, key)).to_have_attribute("data-state", state)
    expect(row(page, "summary").locator("[data-english-change] ins")).to_contain_text("while")
    page.shot("to-do")

    subtitle = row(page, "subtitle")
    subtitle.locator("[name$=-chinese]").fill("一个新的中文副标题")
    subtitle.locator("button[value=save]").click()
    expect(row(page, "subtitle")).to_have_attribute("data-state", "current")

    row(page, "summary").locator("button[value=confirm]").click()
    expect(row(page, "summary")).to_have_attribute("data-state", "current")

    editor = row(page, rich_key).locator("[contenteditable=true]")
    editor.click()
    page.keyboard.type("这一段是译者在浏览器里写的中文。")
    page.shot("typing-rich-text")
    row(page, rich_key).locator("button[value=save]").click()
    expect(row(page, rich_key)).to_have_attribute("data-state", "current")
    expect(page.locator("[data-percent]")).to_have_text("100%")
    page.shot("all-current")

    page.locator("[data-submit-translation]").click()
    page.wait_for_load_state()
    page.shot("submitted")

    guide = GuidePage.objects.get(pk=guide.pk)
    draft = guide.get_latest_revision_as_object()
    assert draft.subtitle_zh_hans == "一个新的中文副标题"
    written = next(b for b in draft.body_zh_hans.raw_data if b["id"] == rich_key.split(".")[1])
    assert re.fullmatch(r"<p[^>]*>这一段是译者在浏览器里写的中文。</p>", written["value"]["body"])
    assert draft.title_en == guide.title_en and guide.draft_title == guide.title_en
    task = guide.current_workflow_state.current_task_state
    assert isinstance(task.task.specific, TranslationReviewTask)
    assert task.revision_id == guide.latest_revision_id
