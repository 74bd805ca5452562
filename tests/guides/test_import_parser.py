"""The wiki-export parser on the real sample export; and the helpers the other
test_import_parser_* modules share.

Pure Python: no database. The sample export lives outside the repository (CI provides
../shared/samples); its tests skip when it is absent.
"""

import re
from pathlib import Path

import pytest

from guides.blocks import GuideBodyBlock
from guides.content_checks import ends_with_ellipsis, looks_truncated
from guides.importer.parser import decode_source, parse_article, whole_sentences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
SAMPLE = (
    Path(__file__).resolve().parents[3] / "shared" / "samples" / "wiki-export-attachment-122.txt"
)

SAMPLE_DAY_RANGES = [(1, 3), (4, 10), (11, 17), (18, 25), (26, 35), (36, 50)]

# The value keys of each StreamField block the parser produces.
SCHEMA = {
    "scenario": {"heading", "narrative", "persona", "quote"},
    "section": {"heading", "body"},
    "mechanisms": {"heading", "intro", "items"},
    "pathway": {"heading", "intro", "steps"},
    "case_example": {"title", "person", "presenting_pattern", "approach", "process", "outcome"},
    "spotlight": {"kind", "title", "subject", "body"},
    "key_insights": {"heading", "intro", "insights", "closing"},
    "references": {"heading", "items"},
    "copy_phrase": {"phrase", "situation"},
    "faq": {"question", "answer"},
}
STEP_KEYS = {
    "title",
    "focus",
    "day_from",
    "day_to",
    "prerequisites",
    "actions",
    "safety_note",
}


def load(path, language):
    return parse_article(decode_source(path.read_bytes(), path.name), language)


def fixture(name, language="en"):
    return load(FIXTURES / f"{name}.txt", language)


def values(article, kind):
    return [block["value"] for block in article.body if block["type"] == kind]


def only(article, kind):
    found = values(article, kind)
    assert len(found) == 1, f"expected one {kind} block, found {len(found)}"
    return found[0]


def steps(article):
    return only(article, "pathway")["steps"]


def line_of(text, exact_line):
    return text.split("\n").index(exact_line) + 1


def assert_valid_stream(article):
    """The body is accepted, as is, by the CMS's StreamField (no database needed)."""
    block = GuideBodyBlock()
    raw = [{"type": item["type"], "value": item["value"]} for item in article.body]
    cleaned = block.clean(block.to_python(raw))
    assert [child.block_type for child in cleaned] == [item["type"] for item in article.body]


def assert_schema(article):
    for item in article.body:
        assert set(item["value"]) == SCHEMA[item["type"]], item["type"]
        assert isinstance(item["line"], int) and item["line"] > 0
    for step in steps(article):
        assert set(step) == STEP_KEYS


# --- small articles built in the tests --------------------------------------------------------

HEADER = (
    "Relationship Communication Wiki\n\n"
    "Test Series-9: A Small Title\n\n"
    "A short summary of the test article.\n\n"
    "Take the relationship test\n"
    "A line about the quiz.\n\n"
    "Test Series: A Subtitle\n\n"
)
FOOTER = "\n\nExplore your own communication pattern\n\nA line about the test.\n\nStart the test"


# --- the real sample export -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    if not SAMPLE.exists():
        pytest.skip(f"sample export not found at {SAMPLE}: CI provides ../shared/samples")
    return load(SAMPLE, "en")


class TestSampleExport:
    def test_header_and_boxes(self, sample):
        assert sample.language == "en"
        assert sample.series_name == "Attachment and Communication"
        assert sample.number == 122
        assert sample.title and not sample.title.startswith("Attachment and Communication-")
        assert sample.summary and not ends_with_ellipsis(sample.summary)
        assert sample.subtitle.startswith("Attachment and Communication: ")
        assert sample.quiz["heading"] == "Take the relationship test"
        assert sample.quiz["text"]
        assert sample.closing_cta["button_label"] == "Start the test"
        assert sample.closing_cta["heading"].startswith("Explore your own")
        assert sample.closing_cta["text"]

    def test_block_order_follows_the_article(self, sample):
        assert [item["type"] for item in sample.body] == [
            "scenario",
            "section",
            "mechanisms",
            "section",
            "pathway",
            "case_example",
            "spotlight",
            "key_insights",
            "references",
            "copy_phrase",
            "faq",
        ]
        lines = [item["line"] for item in sample.body]
        assert lines == sorted(lines)

    def test_scenario_persona_and_quote(self, sample):
        scenario = only(sample, "scenario")
        assert scenario["heading"] == "Problem Scenario"
        assert scenario["persona"] == {"name": "Liu Min", "age": 35, "role": "counselor"}
        assert scenario["quote"]
        assert '"' not in scenario["quote"] and "“" not in scenario["quote"]
        assert scenario["narrative"].startswith("<p>") and scenario["narrative"].endswith("</p>")
        assert scenario["narrative"].count("<p>") == 6

    def test_core_concepts(self, sample):
        sections = values(sample, "section")
        assert [section["heading"] for section in sections] == [
            "Theoretical Foundation",
            "Key Distinctions",
        ]
        assert "&amp;" in sections[0]["body"]  # "Mikulincer & Shaver" is escaped in HTML
        mechanisms = only(sample, "mechanisms")
        assert mechanisms["heading"] == "Core Mechanisms"
        assert mechanisms["intro"] == ""
        assert len(mechanisms["items"]) == 3
        for item in mechanisms["items"]:
            assert item["name"] and not item["name"].startswith("Mechanism")
            assert "*" not in item["name"] + item["description"]
            assert item["description"]

    def test_six_steps_with_day_ranges_and_six_actions(self, sample):
        pathway = only(sample, "pathway")
        assert pathway["heading"] == "Practical Guidelines: Step-by-Step Pathway"
        assert pathway["intro"] == ""
        found = pathway["steps"]
        assert [(step["day_from"], step["day_to"]) for step in found] == SAMPLE_DAY_RANGES
        for step in found:
            assert len(step["actions"]) == 6
            assert all(action and not action.startswith("-") for action in step["actions"])
            assert "(" not in step["title"]
            # "This phase focuses on …. Individuals need …." splits in two.
            assert step["focus"].startswith("This phase focuses on")
            assert step["prerequisites"].startswith("Individuals need")
            assert step["safety_note"] == ""

    def test_case_example_and_spotlight(self, sample):
        case = only(sample, "case_example")
        assert case["title"] == "How EMDR Unlocks Attachment Trauma"
        assert case["person"] == "Zhou Ting"
        assert case["presenting_pattern"].startswith("Zhou Ting")
        assert case["process"]  # the second of two paragraphs
        assert case["outcome"] == "" and case["approach"] == ""
        spotlight = only(sample, "spotlight")
        assert spotlight["kind"] == "researcher"
        assert spotlight["subject"] == "Mary Main"
        assert spotlight["title"].startswith("Mary Main's")
        assert spotlight["body"].count("<p>") == 2

    def test_key_insights(self, sample):
        insights = only(sample, "key_insights")
        assert insights["heading"] == "Summary"
        assert insights["intro"]
        assert len(insights["insights"]) == 5
        assert not any(text[0].isdigit() for text in insights["insights"])
        assert insights["closing"].startswith("Remember")

    def test_references(self, sample):
        references = only(sample, "references")
        authors = [item["author"] for item in references["items"]]
        assert {"Bowlby", "Ainsworth", "Main", "Siegel", "van der Kolk"} <= set(authors)
        by_author = {item["author"]: item for item in references["items"]}
        assert by_author["Bowlby"]["work"] == "attachment theory"
        assert by_author["Siegel"]["work"] == "interpersonal neurobiology"
        assert all(item["year"] is None and item["url"] == "" for item in references["items"])
        # The trailing clause without authors goes to the notes, not into the list.
        assert not any("clinical" in item["work"] for item in references["items"])
        assert any(note.startswith("line 158: ") and "clinical" in note for note in sample.notes)

    def test_copy_phrase_and_faq(self, sample):
        phrase = only(sample, "copy_phrase")
        assert phrase["situation"]
        assert phrase["phrase"] and not phrase["phrase"].endswith(",")
        faq = only(sample, "faq")
        assert faq["question"].endswith("?")
        assert faq["answer"].startswith("<p>")

    def test_notes_report_what_looks_wrong(self, sample):
        notes = "\n".join(sample.notes)
        assert "line 5: the summary is cut off with an ellipsis (…)" in notes
        assert "line 130: the paragraph ends mid-sentence" in notes  # cut-off case example
        assert "line 160: the section label '可以直接复制的话' is Chinese" in notes
        assert "line 164: the copy phrase reads like narrative" in notes

    def test_label_faults_list_labels_in_the_other_language(self, sample):
        assert (160, "可以直接复制的话") in sample.label_faults
        assert (166, "常见问题") in sample.label_faults
        # An English article: every fault is a Chinese label.
        assert all(re.search("[\u3400-\u9fff]", label) for _line, label in sample.label_faults)
        # Each fault is also reported in the notes.
        notes = "\n".join(sample.notes)
        for line, label in sample.label_faults:
            assert f"line {line}: the section label '{label}' is Chinese" in notes

    def test_schema_and_streamfield(self, sample):
        assert_schema(sample)
        assert_valid_stream(sample)


def summary_notes(article):
    return [note for note in article.notes if "summary" in note]


def without_line(text, line):
    lines = text.split("\n")
    return "\n".join(lines[: line - 1] + lines[line:])


def test_sample_summary_keeps_whole_sentences(sample):
    source = SAMPLE.read_text(encoding="utf-8")
    written = source.split("\n")[4]  # line 5: the summary as the export has it
    assert written.endswith("…") and not whole_sentences(written)
    summary = sample.summary
    # It ends in a full sentence: the one the export cut off, completed, never an ellipsis.
    assert not looks_truncated(summary) and not ends_with_ellipsis(summary)
    assert summary.startswith(written[:-1])
    # No cut word: the summary is written in the export, whole words at both ends, other than
    # on the summary line itself (where it is cut off).
    elsewhere = without_line(source, 5)
    assert re.search(rf"(?<!\w){re.escape(summary)}(?!\w)", elsewhere)
    # The notes say one thing about it, once, in every language.
    (note,) = summary_notes(sample)
    assert note.startswith("line 5: ") and "completed that sentence" in note
    assert "kept as written" not in note and "removed" not in note
    (both,) = [n for n in sample.notes_in_every_language if n["en"] == note]
    assert both["zh-hans"].startswith("第 5 行：") and "补全" in both["zh-hans"]
