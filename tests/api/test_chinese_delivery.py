"""Chinese that is never wrong: laid over the English by id at every level, English where it is
missing (listed), and flagged where it was written for an older English (listed)."""

import json
import re
import uuid

import pytest
from django.test import TestCase

from cms.workflow.publishing import SOURCE
from guides.models import GuidePage
from tests.admin_post import AdminSession, edit_form_data
from tests.api.helpers import first_guide, get_json
from tests.conftest import publish_now

pytestmark = pytest.mark.django_db

# Shared values, the same in both languages by design.
NOT_TRANSLATED = {"id", "type", "slug", "path", "url", "api_url", "quiz_url", "expert_reviewer"}
NOT_TRANSLATED |= {"canonical", "href", "json_ld"}  # seo: addresses; JSON-LD copies checked texts
NOT_TRANSLATED |= {"src", "srcset"}  # image addresses


def english_edit(page, change):
    """A reviewer's English edit of the live guide: `change(raw English body)`, then publish."""
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    body = json.loads(json.dumps(list(draft.body_en.raw_data)))
    change(body)
    draft.body_en = body
    publish_english(page, draft)


def publish_english(page, draft):
    """A reviewer's publish, and what follows its commit (the API sees it at once)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        GuidePage.objects.get(pk=page.pk).publish(draft.save_revision(), scope=SOURCE)


def detail(client, page, locale):
    return get_json(client, f"/api/v1/guides/{page.slug_en}/", locale=locale)[1]


def pathway(body):
    return next(block for block in body if block["type"] == "pathway")


def leaks(english, chinese, fallback):
    """Strings of the Chinese response that are English text not listed as a fallback."""
    english_strings = set()

    def collect(node):
        if isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)
        elif isinstance(node, str):
            english_strings.add(node.strip())

    collect(english)
    found = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in NOT_TRANSLATED or key == "meta":
                    continue
                walk(value, path if key == "value" else f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")
        elif isinstance(node, str):
            text = node.strip()
            listed = any(path == f or path.startswith((f"{f}.", f"{f}[")) for f in fallback)
            if text in english_strings and re.search(r"[A-Za-z]{4,}", text) and len(text) > 12:
                if not listed:
                    found.append((path, text[:60]))

    walk({k: v for k, v in chinese.items() if k not in ("faqs", "references")}, "")
    return found


@pytest.mark.parametrize("number", [101, 102, 103])
def test_no_english_text_is_served_as_chinese_unlisted(demo_site, client, number):
    page = GuidePage.objects.get(number=number)
    english, chinese = detail(client, page, "en"), detail(client, page, "zh-hans")
    assert leaks(english, chinese, chinese["meta"]["fallback"]) == []


def test_a_deleted_english_block_leaves_the_chinese_too(demo_site, client):
    page = first_guide()
    removed = next(b for b in page.body_en.raw_data if b["type"] == "case_example")

    english_edit(page, lambda body: body.remove(next(b for b in body if b["id"] == removed["id"])))
    english, chinese = detail(client, page, "en"), detail(client, page, "zh-hans")
    assert len(chinese["body"]) == len(english["body"])
    assert removed["id"] not in {block["id"] for block in chinese["body"]}
    assert (
        GuidePage.objects.get(pk=page.pk).body_zh_hans.raw_data[0]["id"]
        == (english["body"][0]["id"])
    ), "the live Chinese keeps the English structure"


def test_an_action_inserted_at_the_top_shifts_nothing(demo_site, client):
    page = first_guide()
    before = detail(client, page, "zh-hans")
    chinese_actions = pathway(before["body"])["value"]["steps"][0]["actions"]

    def insert(body):
        step = pathway(body)["value"]["steps"][0]["value"]
        step["actions"].insert(
            0, {"type": "item", "id": str(uuid.uuid4()), "value": "Write down one worry first."}
        )

    english_edit(page, insert)
    chinese = detail(client, page, "zh-hans")
    index = chinese["body"].index(pathway(chinese["body"]))
    actions = pathway(chinese["body"])["value"]["steps"][0]["actions"]
    assert actions == ["Write down one worry first.", *chinese_actions]
    assert f"body[{index}].steps[0].actions[0]" in chinese["meta"]["fallback"]
    assert chinese["meta"]["translation_state"] == "partial"


def test_reordered_blocks_keep_their_chinese(demo_site, client):
    page = first_guide()
    before = {b["id"]: b for b in detail(client, page, "zh-hans")["body"]}
    english_edit(page, lambda body: body.reverse())
    chinese = detail(client, page, "zh-hans")
    english = detail(client, page, "en")
    assert [b["id"] for b in chinese["body"]] == [b["id"] for b in english["body"]]
    assert all(block == before[block["id"]] for block in chinese["body"])
    assert chinese["meta"]["fallback"] == [] and chinese["meta"]["outdated"] == []


def test_one_changed_sentence_deep_in_a_list_is_flagged_outdated(demo_site, client):
    page = first_guide()
    before = detail(client, page, "zh-hans")
    assert before["meta"]["translation_state"] == "complete"

    def edit(body):
        actions = pathway(body)["value"]["steps"][1]["value"]["actions"]
        actions[0]["value"] = actions[0]["value"] + " Then breathe out slowly."

    english_edit(page, edit)
    chinese = detail(client, page, "zh-hans")
    index = chinese["body"].index(pathway(chinese["body"]))
    assert chinese["meta"]["outdated"] == [f"body[{index}].steps[1].actions[0]"]
    assert chinese["meta"]["fallback"] == []
    assert chinese["translation_state"] == chinese["meta"]["translation_state"] == "outdated"
    old = pathway(before["body"])["value"]["steps"][1]["actions"][0]
    assert pathway(chinese["body"])["value"]["steps"][1]["actions"][0] == old, "still shown"


def test_a_changed_title_is_outdated_in_the_detail_and_the_listing(demo_site, client):
    page = first_guide()
    draft = page.get_latest_revision_as_object()
    draft.title_en = "A new English title"
    publish_english(page, draft)
    chinese = detail(client, page, "zh-hans")
    assert chinese["meta"]["outdated"] == ["title"]
    listing = get_json(client, "/api/v1/guides/", locale="zh-hans")[1]
    states = {item["id"]: item["translation_state"] for item in listing["items"]}
    assert states[page.pk] == chinese["translation_state"] == "outdated"


@pytest.mark.parametrize("number", [101, 102, 103])
def test_listing_and_detail_agree(demo_site, client, number):
    page = GuidePage.objects.get(number=number)
    raw = json.loads(json.dumps(list(page.body_zh_hans.raw_data)))
    raw[1]["value"]["heading"] = ""  # one untranslated heading
    page.body_zh_hans = raw
    publish_now(page)
    chinese = detail(client, page, "zh-hans")
    listing = get_json(client, "/api/v1/guides/", locale="zh-hans", limit=100)[1]
    listed = next(item for item in listing["items"] if item["id"] == page.pk)
    assert listed["translation_state"] == chinese["translation_state"] == "partial"


def test_copies_of_the_english_pass_as_nothing_after_an_admin_save(
    demo_site, client, translator, reviewer
):
    """Prepare translation, an admin save (which gives rich text new block keys), publish:
    every copy is served as an English fallback, counted missing, and never found in Chinese."""
    from cms.i18n.services import prepare_translation
    from cms.models import TranslationStatus
    from guides.warnings import content_warnings_for

    page = first_guide()
    draft = page.get_latest_revision_as_object()
    draft.body_zh_hans = []
    draft.save_revision()
    prepare_translation(GuidePage.objects.get(pk=page.pk))
    prepared = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    AdminSession(translator).post(
        f"/admin/pages/{page.pk}/edit/", edit_form_data(prepared, translator)
    )
    saved = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "data-block-key" in json.dumps(list(saved.body_zh_hans.raw_data))
    status = TranslationStatus.objects.get(page_id=page.pk)
    body_segments = [key for key in status.memory if key.startswith("body.")]
    assert body_segments == [], "no copy counts as translated"
    assert not [w for w in content_warnings_for(saved, "zh-hans") if "English" in w.message]

    latest = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    publish_now(latest)  # the system publishes both languages
    english, chinese = detail(client, page, "en"), detail(client, page, "zh-hans")
    assert "body" in chinese["meta"]["fallback"]
    assert leaks(english, chinese, chinese["meta"]["fallback"]) == []
    from django.core.management import call_command

    call_command("rebuild_search_index", stdout=None, stderr=None)
    found = get_json(client, "/api/v1/search/", q="neuroplasticity", locale="zh-hans")[1]
    assert found["count"] == 0
