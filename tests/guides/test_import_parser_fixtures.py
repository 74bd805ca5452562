"""The wiki-export parser on the original fixtures (tests/fixtures/exports), and the section
labels matched on their text, not their numbering."""

import pytest

from guides.importer.parser import parse_article
from tests.guides.test_import_parser import (
    FIXTURES,
    SAMPLE_DAY_RANGES,
    assert_schema,
    assert_valid_stream,
    fixture,
    line_of,
    only,
    steps,
    values,
)

# --- the original fixtures --------------------------------------------------------------------


@pytest.fixture(scope="module")
def conflict():
    return fixture("en-conflict-207")


class TestEnglishConflictFixture:
    def test_header(self, conflict):
        assert (conflict.series_name, conflict.number) == ("Conflict and Repair", 207)
        assert conflict.title.startswith("The First Three Minutes")
        assert conflict.subtitle.startswith("Conflict and Repair: ")
        assert conflict.notes == []
        assert conflict.label_faults == []

    def test_steps(self, conflict):
        found = steps(conflict)
        assert [(step["day_from"], step["day_to"]) for step in found] == [(1, 2), (3, 7), (8, 14)]
        assert [len(step["actions"]) for step in found] == [3, 4, 4]
        assert found[0]["title"] == "Notice Your Opening Lines"

    def test_scenario(self, conflict):
        scenario = only(conflict, "scenario")
        assert scenario["persona"] == {"name": "Jordan", "age": 41, "role": "restaurant manager"}
        assert scenario["quote"].startswith("I don't plan to start a fight")

    def test_cases_spotlight_insights(self, conflict):
        cases = values(conflict, "case_example")
        assert [case["person"] for case in cases] == ["Hana and Theo", "Luis"]
        assert [case["title"] for case in cases] == [
            "The Dishwasher Conversation",
            "Raising a Hard Topic by Text",
        ]
        spotlight = only(conflict, "spotlight")
        # A possessive name, but the heading names a theory.
        assert (spotlight["kind"], spotlight["subject"]) == ("theory", "John Gottman")
        assert len(only(conflict, "key_insights")["insights"]) == 3

    def test_copy_phrases_and_faqs(self, conflict):
        phrases = values(conflict, "copy_phrase")
        assert len(phrases) == 2
        assert phrases[1]["situation"].startswith("When a conversation has started badly")
        assert phrases[1]["phrase"].startswith("I started that too sharply")
        faqs = values(conflict, "faq")
        assert len(faqs) == 4
        assert faqs[0]["question"] == "What is a harsh start-up?"

    def test_block_lines(self, conflict):
        text = (FIXTURES / "en-conflict-207.txt").read_text(encoding="utf-8")
        lines = {item["type"]: item["line"] for item in conflict.body}
        assert lines["pathway"] == line_of(text, "III. Practical Guidelines: Step-by-Step Pathway")
        assert lines["references"] == line_of(text, "---") + 2

    def test_schema_and_streamfield(self, conflict):
        assert_schema(conflict)
        assert_valid_stream(conflict)


@pytest.fixture(scope="module")
def chinese():
    return fixture("zh-attachment-122", "zh-hans")


class TestChineseFixture:
    def test_header(self, chinese):
        assert chinese.language == "zh-hans"
        assert (chinese.series_name, chinese.number) == ("依恋与沟通", 122)
        assert chinese.quiz["heading"] == "参加关系测试"
        assert chinese.closing_cta["button_label"] == "开始测试"

    def test_steps(self, chinese):
        found = steps(chinese)
        assert [(step["day_from"], step["day_to"]) for step in found] == SAMPLE_DAY_RANGES
        assert all(step["actions"] for step in found)
        assert found[0]["title"] == "绘制自己的触发地图"
        assert found[0]["focus"].endswith("。") and found[0]["prerequisites"]
        assert only(chinese, "pathway")["heading"] == "实践指南：分步路径"

    def test_sections(self, chinese):
        scenario = only(chinese, "scenario")
        assert scenario["heading"] == "问题场景"
        assert scenario["persona"] == {"name": "何嘉", "age": 33, "role": "急诊科护士"}
        assert scenario["quote"] and "“" not in scenario["quote"]
        assert len(only(chinese, "mechanisms")["items"]) == 3
        case = only(chinese, "case_example")
        assert case["person"] == "许亮"
        assert case["outcome"]  # three paragraphs: the last is the outcome
        spotlight = only(chinese, "spotlight")
        assert (spotlight["kind"], spotlight["subject"]) == ("researcher", "丹尼尔·西格尔")
        insights = only(chinese, "key_insights")
        assert insights["heading"] == "总结"
        assert len(insights["insights"]) == 5
        assert insights["closing"].startswith("记住")
        authors = [item["author"] for item in only(chinese, "references")["items"]]
        assert authors[:3] == ["鲍尔比", "安斯沃思", "梅因"]
        assert len(values(chinese, "copy_phrase")) == 1
        assert len(values(chinese, "faq")) == 1
        assert values(chinese, "faq")[0]["question"].endswith("？")

    def test_schema_and_streamfield(self, chinese):
        assert_schema(chinese)
        assert_valid_stream(chinese)


@pytest.fixture(scope="module")
def minimal():
    return fixture("en-minimal-301")


class TestMinimalFixture:
    def test_optional_sections_are_absent(self, minimal):
        kinds = {item["type"] for item in minimal.body}
        assert not kinds & {"case_example", "spotlight", "copy_phrase"}
        assert [(step["day_from"], step["day_to"]) for step in steps(minimal)] == [(1, 3), (4, 14)]
        assert len(only(minimal, "key_insights")["insights"]) == 2
        assert len(values(minimal, "faq")) == 2
        assert len(only(minimal, "mechanisms")["items"]) == 2
        assert minimal.notes == []

    def test_schema_and_streamfield(self, minimal):
        assert_schema(minimal)
        assert_valid_stream(minimal)


# --- layout variants --------------------------------------------------------------------------


def test_section_labels_are_matched_on_text_not_numbering():
    text = (FIXTURES / "en-conflict-207.txt").read_text(encoding="utf-8")
    renumbered = (
        text.replace("I. Problem Scenario", "## 1. Problem Scenario")
        .replace("II. Core Concepts", "Two: Core Concepts")
        .replace("III. Practical Guidelines", "## Part 3: Practical Guidelines")
        .replace("Four: Case Examples", "IV. Case Examples")
        .replace("\nSummary\n", "\nV. Summary\n")
    )
    assert renumbered != text
    original, changed = parse_article(text, "en"), parse_article(renumbered, "en")
    assert [item["type"] for item in changed.body] == [item["type"] for item in original.body]
    assert only(changed, "pathway")["heading"] == "Practical Guidelines: Step-by-Step Pathway"
    assert only(changed, "key_insights")["heading"] == "Summary"
