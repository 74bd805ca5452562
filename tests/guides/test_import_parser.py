"""The wiki-export parser: the real sample export, the original fixtures, variants and errors.

Pure Python: no database. The sample export lives outside the repository (CI provides
../shared/samples); its tests skip when it is absent.
"""

import re
from pathlib import Path

import pytest
from django.utils import translation

from guides.blocks import GuideBodyBlock
from guides.content_checks import ends_with_ellipsis, looks_truncated
from guides.importer.parser import ArticleError, decode_source, parse_article, whole_sentences

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


def step_text(number, title, days, actions=("- Write one thing down.",), heading_prefix="Step"):
    return (
        f"### {heading_prefix} {number}: {title} ({days})\n\n"
        "This step is about noticing. You need a notebook.\n\n"
        "**Specific Actions**:\n" + "\n".join(actions) + "\n\n"
    )


def pathway_article(*step_texts, label="III. Practical Guidelines: Step-by-Step Pathway"):
    return HEADER + f"{label}\n\n" + "".join(step_texts) + FOOTER


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


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("Recommended Days 3-5", (3, 5)),
        ("Recommended Days 3–5", (3, 5)),
        ("Days 3 to 5", (3, 5)),
        ("Recommended Day 6", (6, 6)),
        ("建议第3-5天", (3, 5)),
        ("建议第3至5天", (3, 5)),
        ("建议第6天", (6, 6)),
    ],
)
def test_day_range_formats(days, expected):
    article = parse_article(pathway_article(step_text(1, "Only", days)), "en")
    step = steps(article)[0]
    assert (step["day_from"], step["day_to"]) == expected
    assert step["title"] == "Only"


def test_chinese_step_heading_and_actions_label():
    text = pathway_article(
        "### 第1步：观察（建议第1-2天）\n\n这一阶段的重点是观察。你需要一个本子。\n\n"
        "**具体行动**：\n- 写下一件事。\n- 再写一件事。\n",
        label="三、实践指南：分步路径",
    )
    step = steps(parse_article(text, "zh-hans"))[0]
    assert step["title"] == "观察"
    assert (step["day_from"], step["day_to"]) == (1, 2)
    assert step["focus"] == "这一阶段的重点是观察。"
    assert step["prerequisites"] == "你需要一个本子。"
    assert step["actions"] == ["写下一件事。", "再写一件事。"]


def test_step_details_safety_note_and_label_variants():
    text = pathway_article(
        "Start slowly and be kind to yourself.\n\n",
        "### Step 1: Notice (Recommended Days 1-2)\n\n"
        "This step is about noticing. You need a notebook. And ten quiet minutes.\n\n"
        "**Specific Actions:**\n- Write one thing down.\n  with a wrapped second line.\n"
        "- Read it back.\n\n"
        "Safety note: Stop if this brings up distress.\n\n"
        "An extra remark nobody expected.\n\n",
    )
    article = parse_article(text, "en")
    pathway = only(article, "pathway")
    assert pathway["intro"] == "Start slowly and be kind to yourself."
    step = pathway["steps"][0]
    assert step["focus"] == "This step is about noticing."
    assert step["prerequisites"] == "You need a notebook. And ten quiet minutes."
    assert step["actions"] == ["Write one thing down. with a wrapped second line.", "Read it back."]
    assert step["safety_note"] == "Stop if this brings up distress."
    remark_line = line_of(text, "An extra remark nobody expected.")
    assert any(
        note.startswith(f"line {remark_line}: skipped unrecognised text") for note in article.notes
    )


def test_overlapping_steps_are_noted_not_rejected():
    text = pathway_article(
        step_text(1, "First", "Recommended Days 1-5"),
        step_text(2, "Second", "Recommended Days 4-8"),
    )
    article = parse_article(text, "en")
    assert len(steps(article)) == 2
    assert any("overlaps" in note and "'Second'" in note for note in article.notes)


def test_case_example_paragraph_roles_and_spotlight_kinds():
    text = (
        HEADER + "IV. Case Examples\n\n"
        "### Example 1: Learning to Pause\n\n"
        "Mei Lin had a habit of replying to every message at once.\n\n"
        "Approach: Short pauses before replying.\n\n"
        "She practised waiting ten minutes first.\n\n"
        "She then tried waiting half an hour.\n\n"
        "After a month she felt calmer.\n\n"
        "### The Strange Situation Study\n\n"
        "A laboratory procedure observing infants.\n\n"
        "### Bowlby's Early Work\n\n"
        "Notes on early work.\n\n"
        "### Attachment Basics\n\n"
        "A plain theory heading.\n" + FOOTER
    )
    article = parse_article(text, "en")
    case = only(article, "case_example")
    assert case == {
        "title": "Learning to Pause",
        "person": "Mei Lin",
        "presenting_pattern": "Mei Lin had a habit of replying to every message at once.",
        "approach": "Short pauses before replying.",
        "process": (
            "She practised waiting ten minutes first.\n\nShe then tried waiting half an hour."
        ),
        "outcome": "After a month she felt calmer.",
    }
    spotlights = values(article, "spotlight")
    assert [(s["kind"], s["subject"]) for s in spotlights] == [
        ("study", ""),
        ("researcher", "Bowlby"),
        ("theory", ""),
    ]
    assert spotlights[0]["title"] == "The Strange Situation Study"


def test_chinese_persona_forms():
    for sentence, expected in [
        ("刘敏是一位35岁的咨询师，她说：“我知道。”", {"name": "刘敏", "age": 35, "role": "咨询师"}),
        ("王强，42岁，是一名工程师。他说「还好」。", {"name": "王强", "age": 42, "role": "工程师"}),
    ]:
        text = "关系沟通百科\n\n系列-3：标题\n\n摘要。\n\n一、问题场景\n\n" + sentence + "\n"
        article = parse_article(text, "zh-hans")
        scenario = only(article, "scenario")
        assert scenario["persona"] == expected
        assert scenario["quote"] in {"我知道。", "还好"}


def test_scenario_without_persona_and_html_escaping():
    text = HEADER + "I. Problem Scenario\n\nCouples argue about <money> & time.\n" + FOOTER
    article = parse_article(text, "en")
    scenario = only(article, "scenario")
    assert scenario["persona"] == {"name": "", "age": None, "role": ""}
    assert scenario["quote"] == ""
    assert scenario["narrative"] == "<p>Couples argue about &lt;money&gt; &amp; time.</p>"
    assert any("no persona sentence" in note for note in article.notes)


def test_references_with_years_and_fallback():
    with_years = (
        HEADER + "---\n\n*This article draws on attachment research (Main, 1985; Hesse 1999).*"
    )
    items = only(parse_article(with_years + FOOTER, "en"), "references")["items"]
    assert items == [
        {"author": "Main", "year": 1985, "work": "attachment research", "url": ""},
        {"author": "Hesse", "year": 1999, "work": "attachment research", "url": ""},
    ]
    unparsed = parse_article(HEADER + "---\n\n*Based on years of practice.*" + FOOTER, "en")
    assert only(unparsed, "references")["items"] == [
        {"author": "", "year": None, "work": "Based on years of practice.", "url": ""}
    ]
    assert any("no 'topic (Author)' groups" in note for note in unparsed.notes)


def test_copy_phrases_faqs_and_key_insight_variants():
    text = (
        HEADER + "Summary\n\nA short intro.\n\n**Key Insights:**\n"
        "1. First insight.\n2. Second insight.\n\n"
        "Phrases you can copy directly\n\n"
        "When you need a break\n\n"
        "“Can we pause for twenty minutes and come back to this?”,\n\n"
        "FAQ\n\n"
        "Is this normal？\n\n"
        "Yes, it is common.\n\n"
        "It also gets easier.\n" + FOOTER
    )
    article = parse_article(text, "en")
    insights = only(article, "key_insights")
    assert insights["insights"] == ["First insight.", "Second insight."]
    assert insights["intro"] == "A short intro." and insights["closing"] == ""
    assert only(article, "copy_phrase") == {
        "phrase": "Can we pause for twenty minutes and come back to this?",
        "situation": "When you need a break",
    }
    faq = only(article, "faq")
    assert faq == {
        "question": "Is this normal？",
        "answer": "<p>Yes, it is common.</p><p>It also gets easier.</p>",
    }


def test_unrecognised_text_and_missing_boxes_are_noted():
    text = (
        "Test Series-4: Title\n\nSummary line.\n\nSubtitle line\n\n"
        "A stray paragraph before any section.\n\n"
        "I. Problem Scenario\n\nSomeone had a problem.\n"
    )
    article = parse_article(text, "en")
    assert article.quiz is None and article.closing_cta is None
    assert article.subtitle == "Subtitle line"
    assert "line 7: skipped unrecognised text before the first section" in "\n".join(article.notes)
    assert any("no quiz box" in note for note in article.notes)
    assert any("no closing call to action" in note for note in article.notes)
    assert [item["type"] for item in article.body] == ["scenario"]


# --- whole sentences: a summary cut off with an ellipsis, excerpts in notes --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: the cut-off sentence goes, the full ones before it stay.
        (
            "One whole sentence. Two whole sentences! A third one cut o…",
            "One whole sentence. Two whole sentences!",
        ),
        ("Is this a question? And this one trails off...", "Is this a question?"),
        ("It ends here.…", "It ends here."),
        ("Really?...", "Really?"),
        ("A full stop, then a space. ⋯", "A full stop, then a space."),
        # Chinese: full-width marks need no space after them; "……" is one ellipsis.
        ("第一句话说完了。第二句话被截断在中…", "第一句话说完了。"),
        ("真的吗？！后面的话被截……", "真的吗？！"),
        # Closing quotes and brackets belong to the sentence they close.
        ('He said, "Stop." Then he w…', 'He said, "Stop."'),
        ("She said, “I know.” Then she tu…", "She said, “I know.”"),
        ("(This one is in brackets.) And th…", "(This one is in brackets.)"),
        ("她说：“我知道。”然后她又……", "她说：“我知道。”"),
        ("他说：“好。”）然后…", "他说：“好。”）"),
        # No full sentence to keep.
        ("A continually evolving and deepening key a…", ""),
        ("一个不断发展、不断深化的关键领…", ""),
        ("Research by Dr. Sue Johnson shows tha…", ""),
        ("Work by J. Bowlby sho…", ""),
        ("He paused... and then sh…", ""),
        ("", ""),
    ],
)
def test_whole_sentences(text, expected):
    kept = whole_sentences(text)
    assert kept == expected
    if kept:  # what is kept passes the content checks' own test of a whole sentence
        assert not looks_truncated(kept) and not ends_with_ellipsis(kept)
        assert text.startswith(kept)


def summary_article(summary, body=""):
    """A small article whose summary (line 5) is `summary`; `body` goes in its FAQ."""
    text = HEADER.replace("A short summary of the test article.", summary)
    if body:
        text += f"FAQ\n\nWhat is this about?\n\n{body}\n"
    return text + FOOTER


def summary_notes(article):
    return [note for note in article.notes if "summary" in note]


def summary_note(article):
    """The one note on the summary, checked to be kept in Chinese too (the same note)."""
    (note,) = summary_notes(article)
    (both,) = [n for n in article.notes_in_every_language if n["en"] == note]
    assert both["zh-hans"].startswith("第 5 行：摘要") and both["zh-hans"] != note
    with translation.override("zh-hans"):
        in_chinese = parse_article(article.text, article.language).notes
    assert both["zh-hans"] in in_chinese  # what a Chinese run of the importer would say
    return note


def parsed(text, language="en"):
    article = parse_article(text, language)
    article.text = text  # for summary_note
    return article


class TestCutOffSummary:
    def test_keeps_its_full_sentences(self):
        article = parsed(summary_article("The first sentence is whole. The second one is cut o…"))
        assert article.summary == "The first sentence is whole."
        note = summary_note(article)
        assert note == (
            "line 5: the summary is cut off with an ellipsis (…) in the middle of a sentence; "
            "kept it up to its last full sentence and left out 'The second one is cut o…'"
        )

    def test_a_trailing_ellipsis_after_a_full_sentence(self):
        article = parsed(summary_article("Both sentences are whole. Really whole...."))
        assert article.summary == "Both sentences are whole. Really whole."
        note = summary_note(article)
        assert "after its last full sentence; left out the ellipsis" in note

    def test_chinese(self):
        text = summary_article("依恋模式并不是终身的判决。大脑会在新的关系经历中不断调…")
        article = parsed(text, "zh-hans")
        assert article.summary == "依恋模式并不是终身的判决。"
        assert summary_note(article).endswith("left out '大脑会在新的关系经历中不断调…'")

    def test_its_only_sentence_is_completed_where_the_export_has_it_in_full(self):
        sentence = "Small daily conversations keep a couple close in ways that add up over time."
        cut = sentence[:55] + "…"  # mid-word
        text = summary_article(cut, body=f"{sentence} A second sentence follows it.")
        article = parsed(text)
        assert article.summary == sentence
        note = summary_note(article)
        answer_line = line_of(text, f"{sentence} A second sentence follows it.")
        assert f"completed that sentence from line {answer_line}" in note

    def test_completion_needs_a_verbatim_match_at_a_sentence_start(self):
        sentence = "Small daily conversations keep a couple close in ways that add up over time."
        cut = sentence[:55] + "…"
        elsewhere = f"We know that {sentence[0].lower()}{sentence[1:]}"  # not a sentence start
        article = parsed(summary_article(cut, body=elsewhere))
        assert article.summary == cut[:-1]
        assert "no full sentence to keep" in summary_notes(article)[0]

    def test_no_full_sentence_is_kept_as_written_and_flagged(self):
        cut = "A continually evolving and deepening key a…"
        article = parsed(summary_article(cut))
        # A guide's summary may not end in an ellipsis: the words stay, the ellipsis goes.
        assert article.summary == "A continually evolving and deepening key a"
        note = summary_note(article)
        assert note == (
            "line 5: the summary is cut off with an ellipsis (…) and has no full sentence to "
            "keep; kept its words as written without the ellipsis, which a summary may not end "
            "in: finish the sentence in the admin"
        )
        assert looks_truncated(article.summary)  # so the content checks flag it for the editor

    def test_a_whole_summary_is_left_alone(self):
        article = parsed(summary_article("Nothing is cut off here. Not even this."))
        assert article.summary == "Nothing is cut off here. Not even this."
        assert summary_notes(article) == []


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


def test_excerpts_in_notes_are_cut_between_words():
    stray = (
        "A stray paragraph before any section, written with wonderfully extraordinary "
        "vocabulary that runs past the length of an excerpt."
    )
    cut_off = (
        "Someone had a problem that kept returning whenever the evenings grew long and "
        "especially unmanageable"
    )
    text = HEADER + stray + "\n\nI. Problem Scenario\n\n" + cut_off + FOOTER
    notes = parse_article(text, "en").notes
    (skipped,) = [note for note in notes if "skipped unrecognised text" in note]
    excerpt = re.search(r"'(.+)…'$", skipped).group(1)
    assert stray.startswith(excerpt) and stray[len(excerpt)] in " ,"
    (unfinished,) = [note for note in notes if "ends mid-sentence" in note]
    tail = re.search(r"\('…(.+)'\)", unfinished).group(1)
    assert cut_off.endswith(tail) and cut_off[-len(tail) - 1] == " "


# --- errors -----------------------------------------------------------------------------------


class TestDecodeSource:
    @pytest.mark.parametrize("data", [b"", b" \n\t\n", b"\xef\xbb\xbf"])
    def test_empty(self, data):
        with pytest.raises(ArticleError) as caught:
            decode_source(data, "empty.txt")
        assert caught.value.message == "the file is empty"
        assert caught.value.line is None
        assert str(caught.value) == "the file is empty"
        assert caught.value.source == "empty.txt"

    @pytest.mark.parametrize("data", [b"\x00\x01binary", b"\x01\x02\x03\x04\x05ab"])
    def test_binary(self, data):
        with pytest.raises(ArticleError) as caught:
            decode_source(data)
        assert caught.value.message == "the file is binary, not a text export"
        assert caught.value.line is None

    def test_not_utf8_names_line_and_column(self):
        with pytest.raises(ArticleError) as caught:
            decode_source("first\nsecond\nabcd\xe9f\n".encode("latin-1"))
        assert caught.value.line == 3
        # The line is said once, in front; the message itself names the column.
        assert caught.value.message == "the text is not UTF-8 (invalid byte 0xe9 at column 5)"
        assert str(caught.value) == (
            "line 3: the text is not UTF-8 (invalid byte 0xe9 at column 5)"
        )

    def test_strips_bom_and_normalises_line_endings(self):
        data = "\ufeffRelationship Communication Wiki\r\n\r\nSeries-1：标题\r\n".encode()
        assert decode_source(data) == "Relationship Communication Wiki\n\nSeries-1：标题\n"


class TestParseErrors:
    def test_unknown_language(self):
        with pytest.raises(ValueError, match="fr"):
            parse_article("Series-1: Title", "fr")

    def test_no_heading_line(self):
        text = "Relationship Communication Wiki\n\nJust an ordinary first line\n\nMore text.\n"
        with pytest.raises(ArticleError) as caught:
            parse_article(text, "en")
        assert caught.value.line == 3
        assert "no recognisable title" in caught.value.message
        assert "Series Name-122: Title" in caught.value.message

    def test_no_heading_without_wiki_name(self):
        with pytest.raises(ArticleError) as caught:
            parse_article("Nothing like a title here\n", "en")
        assert caught.value.line == 1

    def test_backwards_day_range(self):
        text = pathway_article(
            step_text(1, "First", "Recommended Days 1-2"),
            step_text(2, "Second", "Recommended Days 10-3"),
        )
        with pytest.raises(ArticleError) as caught:
            parse_article(text, "en")
        assert caught.value.line == line_of(text, "### Step 2: Second (Recommended Days 10-3)")
        assert caught.value.message == "step 2 'Second': day range 10-3 runs backwards"
        assert str(caught.value) == f"line {caught.value.line}: {caught.value.message}"

    def test_step_without_actions(self):
        text = pathway_article(
            step_text(1, "First", "Recommended Days 1-2"),
            "### Step 2: Empty (Recommended Days 3-4)\n\nThis step has no list.\n\n",
        )
        with pytest.raises(ArticleError) as caught:
            parse_article(text, "en")
        assert caught.value.line == line_of(text, "### Step 2: Empty (Recommended Days 3-4)")
        assert "step 2 'Empty'" in caught.value.message
        assert "no actions" in caught.value.message
