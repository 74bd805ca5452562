"""Revision compare reads like the guide: each nested item named as the Translate view names it,
texts as word diffs, and added, removed and moved items said in words, in both languages."""

import copy
import re

import pytest
from wagtail.admin.compare import comparison_class_registry

from cms.compare import ReadableStreamFieldComparison
from cms.i18n.diff import plain
from guides.models import FAQ, GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db

REPRS = ("ListValue", "StructValue", "<Page", "&lt;", "<p>", "RichText")
NEW_ACTION = "Write the message in your notes app first and wait ten minutes."
NEW_SECTION = "A closing word on patience"


def blocks_of(raw, block_type):
    return [block for block in raw if block["type"] == block_type]


def values(items):
    return [item["value"] for item in items]


def edit_every_block(raw, other_faq):
    """`raw` (a demo guide's English body) with a change in every kind of block."""
    raw = copy.deepcopy(raw)
    scenario = blocks_of(raw, "scenario")[0]["value"]
    scenario["persona"]["name"] = "Mei Lin"
    section = blocks_of(raw, "section")[0]["value"]
    section["body"] = section["body"].replace("<p>", "<p>Quietly, ", 1)
    mechanisms = blocks_of(raw, "mechanisms")[0]["value"]["items"]
    mechanisms.insert(0, mechanisms.pop())
    steps = values(blocks_of(raw, "pathway")[0]["value"]["steps"])
    steps[0]["actions"].pop(2)
    steps[1]["title"] = steps[1]["title"].replace("a pause", "a longer pause")
    steps[1]["actions"].append({"type": "item", "id": "new-action", "value": NEW_ACTION})
    case = blocks_of(raw, "case_example")[0]["value"]
    case["outcome"] = "After six weeks the checking had stopped."
    blocks_of(raw, "spotlight")[0]["value"]["kind"] = "study"
    insights = blocks_of(raw, "key_insights")[0]["value"]["insights"]
    insights.append({"type": "item", "id": "new-insight", "value": "Relief that fades is a sign."})
    faq = blocks_of(raw, "faq")[0]["value"]
    faq["answer"] = faq["answer"].replace("<p>", "<p>Briefly: ", 1)
    blocks_of(raw, "faq_snippet")[0]["value"]["faq"] = other_faq.pk
    values(blocks_of(raw, "references")[0]["value"]["items"])[0]["year"] = 1980
    raw.remove(blocks_of(raw, "copy_phrase")[0])
    case_block = blocks_of(raw, "case_example")[0]
    raw.remove(case_block)
    raw.insert(1, case_block)
    raw.append(
        {
            "type": "section",
            "id": "new-section",
            "value": {"heading": NEW_SECTION, "body": "<p>Change <b>takes</b> weeks.</p>"},
        }
    )
    return raw


def compare(name, obj_a, obj_b):
    field = GuidePage._meta.get_field(name)
    comparison = comparison_class_registry.get(field)(field, obj_a, obj_b)
    return comparison, str(comparison.htmldiff())


def text_of(html):
    return plain(html)


def assert_readable(html):
    text = text_of(html)
    for repr_text in REPRS:
        assert repr_text not in html, repr_text
        assert repr_text not in text, repr_text


@pytest.fixture
def guide(demo_site):
    return GuidePage.objects.order_by("number").first()


@pytest.fixture
def edited(guide):
    """The guide's live version and a revision with every kind of block changed."""
    faqs = [block["value"]["faq"] for block in blocks_of(guide.body_en.raw_data, "faq_snippet")]
    other_faq = FAQ.objects.exclude(pk__in=faqs).first() or FAQ.objects.get(pk=faqs[1])
    draft = GuidePage.objects.get(pk=guide.pk)
    draft.body_en = edit_every_block(list(draft.body_en.raw_data), other_faq)
    revision = draft.save_revision()
    return guide, revision.as_object(), other_faq


def test_translated_stream_fields_use_the_readable_comparison():
    for name in ("body", "body_en", "body_zh_hans"):
        field = GuidePage._meta.get_field(name)
        assert comparison_class_registry.get(field) is ReadableStreamFieldComparison


def test_every_block_type_reads_as_labelled_items_with_word_diffs(edited):
    live, draft, other_faq = edited
    comparison, html = compare("body_en", live, draft)
    assert comparison.has_changed()
    assert comparison.field_label() == "Body (English)"
    assert_readable(html)
    text = text_of(html)

    # Nested items are named as the Translate view names them.
    assert "Step 2 · Title" in text
    assert re.search(r"Step 2 · Action 5\s+Added", text)
    assert re.search(r"Step 1 · Action 3\s+Removed", text)
    assert re.search(r"Step 3\s+Unchanged", text), "an unchanged step is one labelled line"
    assert "Persona · Name" in text
    assert re.search(r"Mechanism 1\s+Moved from position \d", text)
    assert "Case example" in text
    assert re.search(r"Block 2 \(Case example\)\s+Moved from position \d", text)
    assert re.search(r"Block \d+ \(Copy-ready phrase\)\s+Removed", text)
    assert re.search(r"Block \d+ \(Section\)\s+Added", text)
    assert NEW_SECTION in text and "Change takes weeks." in text
    assert re.search(r"Insight \d\s+Added", text)
    assert "Reference 1 · Year" in text

    # Words struck and inserted, as marks in the page.
    assert re.search(r"<ins>\s?longer\s?</ins>", html)
    assert "<ins>Quietly, </ins>" in html, "rich text diffs as words, not tags"
    assert "<ins>Briefly: </ins>" in html
    assert "<del>1973</del> <ins>1980</ins>" in html
    assert "<del>Theory</del> <ins>Study</ins>" in html, "a choice shows its label"
    assert f"<ins>{other_faq.question}</ins>" in html, "a chosen snippet shows its title"
    assert f"<ins>{NEW_ACTION}</ins>" in html


def test_unchanged_blocks_are_one_labelled_line(edited):
    live, draft, _faq = edited
    _comparison, html = compare("body_en", live, draft)
    text = text_of(html)
    # The demo guide's second FAQ snippet did not change: its block is one line, with its question.
    unchanged = re.findall(r"Block \d+ \([^)]+\) Unchanged", text)
    assert unchanged
    assert html.count("cms-compare__block--unchanged") == len(unchanged)


def test_chinese_body_has_its_own_labelled_comparison(guide):
    draft = GuidePage.objects.get(pk=guide.pk)
    raw = copy.deepcopy(list(draft.body_zh_hans.raw_data))
    steps = values(blocks_of(raw, "pathway")[0]["value"]["steps"])
    old_title = steps[1]["title"]
    steps[1]["title"] = "在冲动和消息之间留出更长的停顿"
    draft.body_zh_hans = raw
    revision = draft.save_revision()

    comparison, html = compare("body_zh_hans", guide, revision.as_object())
    assert comparison.field_label() == "Body (Simplified Chinese)"
    assert_readable(html)
    text = text_of(html)
    assert "Step 2 · Title" in text
    assert f"<del>{old_title}</del>" in html
    assert "<ins>在冲动和消息之间留出更长的停顿</ins>" in html
    english, _html = compare("body_en", guide, revision.as_object())
    assert not english.has_changed()


def test_identical_saves_have_no_differences(guide):
    revision = GuidePage.objects.get(pk=guide.pk).save_revision()
    comparison, _html = compare("body_en", guide, revision.as_object())
    assert not comparison.has_changed()


def test_queries_do_not_grow_with_the_blocks(edited, django_assert_max_num_queries):
    live, draft, _faq = edited
    draft.body_en = list(draft.body_en.raw_data) * 3
    with django_assert_max_num_queries(1):  # the chosen FAQs' questions, in one query
        compare("body_en", live, draft)


def test_snippet_rich_text_reads_as_text(demo_site):
    faq = FAQ.objects.first()
    draft = FAQ.objects.get(pk=faq.pk)
    draft.answer_en = draft.answer_en.replace("<p>", "<p>In short, ", 1)
    revision = draft.save_revision()
    field = FAQ._meta.get_field("answer_en")
    comparison = comparison_class_registry.get(field)(field, faq, revision.as_object())
    html = str(comparison.htmldiff())
    assert comparison.field_label() == "Answer (English)"
    assert "In short" in text_of(html)
    assert_readable(html)


def test_reviewer_compares_the_submitted_guide_with_the_live_one(
    guide, client, editor, reviewer, django_capture_on_commit_callbacks
):
    """Submitting saves a revision identical to the editor's last draft, so "Compare with
    previous version" shows nothing: the review offers "Compare with live version", which
    compares what is under review with what readers see now, readably."""
    draft = GuidePage.objects.get(pk=guide.pk)
    raw = copy.deepcopy(list(draft.body_en.raw_data))
    steps = values(blocks_of(raw, "pathway")[0]["value"]["steps"])
    steps[1]["title"] = steps[1]["title"].replace("a pause", "a longer pause")
    draft.body_en = raw
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{guide.pk}/edit/",
            {**edit_form_data(draft, editor), "action-submit": "1"},
        )
    assert response.status_code == 302

    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    latest = GuidePage.objects.get(pk=guide.pk).latest_revision_id
    compare_url = f"/admin/pages/{guide.pk}/revisions/compare/live...{latest}/"
    assert f'href="{compare_url}"' in dashboard
    assert "Compare with live version" in dashboard

    response = client.get(compare_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Body (English)" in html
    assert "Step 2 · Title" in text_of(html)
    assert re.search(r"<ins>\s?longer\s?</ins>", html)
    assert "cms/compare.css" in html
    for repr_text in ("ListValue", "StructValue", "&lt;p&gt;"):
        assert repr_text not in html
