import itertools
from pathlib import Path

import pytest
from django.utils import translation

from guides.content_checks import (
    CODE_ELLIPSIS,
    CODE_INTERFACE_LABEL,
    CODE_MIXED_PUNCTUATION,
    CODE_REPEATED_ACTIONS,
    CODE_TRUNCATED,
    CODE_WRONG_SCRIPT,
    check_guide,
    check_text,
    ends_with_ellipsis,
    has_mixed_punctuation,
    interface_labels_in,
    looks_truncated,
    repeated_action_steps,
    wrong_script,
)

SAMPLE = (
    Path(__file__).resolve().parents[3] / "shared" / "samples" / "wiki-export-attachment-122.txt"
)

CLEAN_EN = (
    "<p>Attachment patterns can change. Through repeated, safe experiences with a partner, "
    "the nervous system slowly learns that closeness is not a threat.</p>"
)
CLEAN_ZH = (
    "<p>依恋模式并不是一成不变的。通过 EMDR、IFS 和 CBT 等方法，"
    "再加上 fMRI 研究的支持，人们可以在安全的关系中逐步改变（而不是一夜之间）。</p>"
)
DISTINCT_STEPS = [
    {"actions": ["Write down three moments when you felt close.", "Share one with your partner."]},
    {"actions": ["Practise a five-minute breathing exercise.", "Notice where tension sits."]},
    {"actions": []},
    {"actions": ["Plan a weekly check-in conversation.", "Agree on a signal for time-outs."]},
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def sample():
    if not SAMPLE.exists():
        pytest.skip(f"Sample export not available at {SAMPLE}; it lives outside the repository.")
    return SAMPLE.read_text(encoding="utf-8")


def sample_steps(text):
    """The "- " action lines under each "### Step" heading's "Specific Actions"."""
    steps = []
    for chunk in text.split("### Step ")[1:]:
        lines = chunk.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("**Specific Actions"))
        actions = itertools.takewhile(lambda line: line.startswith("- "), lines[start + 1 :])
        steps.append({"title": lines[0], "actions": [line[2:] for line in actions]})
    return steps


def sample_case_paragraphs(text):
    section = text.split("### Example One")[1].split("\n### ")[0]
    return [p.strip() for p in section.split("\n\n") if p.strip()][1:]


def sample_summary(text):
    return [line for line in text.splitlines() if line.strip()][2]


def as_items(values):
    return [{"type": "item", "value": v, "id": f"id-{i}"} for i, v in enumerate(values)]


# --- The real export ------------------------------------------------------------------


def test_sample_steps_repeat_step_one(sample):
    steps = sample_steps(sample)
    assert len(steps) == 6

    warnings = repeated_action_steps(steps, "body[3].steps")

    # Steps 3 to 6 reword step 1's first action: they repeat step 3, not step 1.
    assert [(w.code, w.path) for w in warnings] == [
        (CODE_REPEATED_ACTIONS, "body[3].steps[1].actions"),
        (CODE_REPEATED_ACTIONS, "body[3].steps[3].actions"),
    ]
    assert "step 2 repeats the action list of step 1." in warnings[0].message
    assert "steps 4, 5 and 6 repeat the action list of step 3." in warnings[1].message


def test_sample_steps_in_item_format_give_the_same_warning(sample):
    steps = [{**step, "actions": as_items(step["actions"])} for step in sample_steps(sample)]
    body = [{"type": "pathway", "value": {"steps": as_items(steps)}, "id": "p"}]

    repeated = [w for w in check_guide({}, body, "en") if w.code == CODE_REPEATED_ACTIONS]

    assert [w.path for w in repeated] == ["body[0].steps[1].actions", "body[0].steps[3].actions"]
    assert "Block 1 (Pathway)" in repeated[0].message


def test_sample_case_example_is_truncated(sample):
    *complete, last = sample_case_paragraphs(sample)
    assert last.endswith("linking")
    assert looks_truncated(last)
    assert not looks_truncated(complete[0])


def test_sample_summary_ends_in_ellipsis(sample):
    summary = sample_summary(sample)
    assert ends_with_ellipsis(summary)

    warnings = check_guide({"title": "Attachment and the brain", "summary": summary}, [], "en")

    assert [(w.code, w.path) for w in warnings] == [(CODE_ELLIPSIS, "summary")]
    assert warnings[0].message.startswith("Summary ")


def test_sample_contains_chinese_interface_labels(sample):
    labels = interface_labels_in(sample, "en")
    assert "常见问题" in labels
    assert "可以直接复制的话" in labels


# --- Individual checks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She stayed.", False),
        ("<p>“Are you still there?”</p>  ", False),
        ("她留下来了。）", False),
        ("the moment was etched into her brain, linking", True),
        ("<p>Her heart raced and</p>", True),
        ("", False),
    ],
)
def test_looks_truncated(text, expected):
    assert looks_truncated(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("A deepening key a…", True), ("<p>It goes on...”</p>", True), ("It ends.", False)],
)
def test_ends_with_ellipsis(text, expected):
    assert ends_with_ellipsis(text) is expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Anxious 依恋 shows up in the body.", "en", True),
        (CLEAN_EN, "en", False),
        ("依恋很重要。This is a full English sentence here.", "zh-hans", True),
        ("EMDR 疗法可以帮助处理创伤记忆。", "zh-hans", False),
        (CLEAN_ZH, "zh-hans", False),
        ("参见 Mary Main's Adult Attachment Interview 与 van der Kolk 的研究。", "zh-hans", False),
        ("详见 https://example.com/attachment-and-the-brain-article 。", "zh-hans", False),
    ],
)
def test_wrong_script(text, language, expected):
    assert wrong_script(text, language) is expected


def test_interface_labels_zh_finds_english_labels():
    text = "<p>Key Insights</p><p>依恋可以改变。Take the relationship test</p>"
    assert interface_labels_in(text, "zh-hans") == ["Take the relationship test", "Key Insights"]
    assert interface_labels_in(CLEAN_ZH, "zh-hans") == []
    assert interface_labels_in(CLEAN_EN, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依恋,焦虑", True),
        ("为什么?", True),
        ("依恋(attachment)理论", True),
        ("依恋，焦虑。", False),
        ("会议在10:30开始，平均得分是3.5分。", False),
        ("Latin only, fine: yes (really)!", False),
        ("访问 https://example.com/?a=1 了解更多。", False),
    ],
)
def test_has_mixed_punctuation(text, expected):
    assert has_mixed_punctuation(text) is expected


def test_distinct_action_lists_are_quiet():
    assert repeated_action_steps(DISTINCT_STEPS, "body[0].steps") == []


def test_similar_wording_in_different_steps_is_not_a_repeat():
    steps = [
        {"actions": ["Practise: spot the flood once a day."]},
        {"actions": ["Practise: name the pause once a day."]},
        {"actions": ["Practise: ask for the pause once a day."]},
    ]
    assert repeated_action_steps(steps, "body[0].steps") == []


def test_a_list_that_shares_some_actions_is_not_a_repeat():
    steps = [
        {"actions": ["Notice the urge to text.", "Wait ten minutes."]},
        {"actions": ["Notice the urge to text.", "Write the message in a note instead."]},
    ]
    assert repeated_action_steps(steps, "steps") == []


def test_single_repeat_uses_singular_message():
    steps = [
        {"actions": ["Breathe slowly for five minutes.", "Name the feeling out loud."]},
        {"actions": ["breathe  slowly for five minutes!", "Name the feeling, out loud"]},
    ]
    [warning] = repeated_action_steps(steps, "steps")
    assert warning.path == "steps[1].actions"
    assert "step 2 repeats the action list of step 1" in warning.message


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (CLEAN_EN, "en"),
        (CLEAN_ZH, "zh-hans"),
        ("会议在10:30开始，平均得分是3.5分。", "zh-hans"),
    ],
)
def test_check_text_is_quiet_on_clean_prose(text, language):
    assert check_text(text, language, "summary", prose=True) == []


def test_check_text_skips_truncation_when_not_prose():
    assert check_text("Specific Actions", "en", "title", prose=False) == []
    codes = [w.code for w in check_text("Specific Actions", "en", "summary", prose=True)]
    assert codes == [CODE_TRUNCATED]


def test_leaked_label_is_not_also_reported_as_wrong_script():
    warnings = check_text("<p>It helps.</p><p>常见问题</p>", "en", "body[2].body", prose=False)
    assert [w.code for w in warnings] == [CODE_INTERFACE_LABEL]
    assert "常见问题" in warnings[0].message


# --- check_guide ----------------------------------------------------------------------


def test_check_guide_codes_and_paths_for_both_list_formats():
    body = [
        {"type": "faq_snippet", "value": {"faq": 7}, "id": "a"},
        {
            "type": "case_example",
            "value": {"title": "Zhou Ting", "process": "<p>Her body reacted, linking</p>"},
            "id": "b",
        },
        {
            "type": "pathway",
            "value": {
                "heading": "Steps",
                "steps": as_items(
                    [
                        {"title": "One", "actions": ["Record daily triggers.", "Breathe."]},
                        {
                            "title": "Two",
                            "day_from": 4,
                            "actions": ["record daily triggers", "Breathe!"],
                        },
                    ]
                ),
            },
            "id": "c",
        },
        {
            "type": "key_insights",
            "value": {"insights": as_items(["改变是可能的,但需要时间。"]), "closing": ""},
            "id": "d",
        },
        {"type": "mechanisms", "value": {"items": [{"name": "修复", "description": "Repair…"}]}},
        {"type": "custom", "value": {"note": "这是中文。", "count": 3}, "id": "e"},  # no such block
    ]

    warnings = check_guide({"title": "核心概念", "summary": "Fine."}, body, "en")

    assert sorted((w.path, w.code) for w in warnings) == sorted(
        [
            ("title", CODE_INTERFACE_LABEL),
            ("body[1].process", CODE_TRUNCATED),
            ("body[2].steps[1].actions", CODE_REPEATED_ACTIONS),
            ("body[3].insights[0]", CODE_WRONG_SCRIPT),
            ("body[4].items[0].name", CODE_WRONG_SCRIPT),
            ("body[4].items[0].description", CODE_ELLIPSIS),
        ]
    )
    messages = {w.path: w.message for w in warnings}
    assert messages["body[1].process"].startswith("Block 2 (Case example) · Process ")
    assert messages["body[3].insights[0]"].startswith("Block 4 (Key insights) · Insight 1 ")


def test_check_guide_chinese_body():
    body = [
        {"type": "faq", "value": {"question": "为什么?", "answer": "<p>因为安全感很重要。</p>"}},
        {
            "type": "copy_phrase",
            "value": {"phrase": "I need you to stay with me now.", "situation": ""},
        },
    ]

    warnings = check_guide({"subtitle": "Key Insights"}, body, "zh-hans")

    assert sorted((w.path, w.code) for w in warnings) == [
        ("body[0].question", CODE_MIXED_PUNCTUATION),
        ("body[1].phrase", CODE_WRONG_SCRIPT),
        ("subtitle", CODE_INTERFACE_LABEL),
    ]


def test_check_guide_is_quiet_on_clean_body():
    body = [
        {"type": "section", "value": {"heading": "Why it matters", "body": CLEAN_EN}, "id": "a"},
        {"type": "pathway", "value": {"steps": as_items(DISTINCT_STEPS)}, "id": "b"},
        {"type": "pathway", "value": {"steps": DISTINCT_STEPS}, "id": "c"},
        {
            "type": "references",
            "value": {"items": [{"author": "Main, M.", "year": 1985, "url": "https://x.org"}]},
            "id": "d",
        },
        {"type": "faq_snippet", "value": {"faq": 3}, "id": "e"},
    ]
    fields = {"title": "Attachment and the brain", "summary": "Patterns can change."}
    assert check_guide(fields, body, "en") == []

    zh_body = [{"type": "section", "value": {"heading": "为什么重要", "body": CLEAN_ZH}}]
    assert check_guide({"summary": "依恋模式可以改变。"}, zh_body, "zh-hans") == []
