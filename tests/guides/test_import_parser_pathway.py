"""The wiki-export parser: the practical guidelines, steps, day ranges, actions and safety notes."""

import pytest

from guides.importer.parser import ArticleError, parse_article
from tests.guides.test_import_parser import FOOTER, HEADER, line_of, only, steps


def step_text(number, title, days, actions=("- Write one thing down.",), heading_prefix="Step"):
    return (
        f"### {heading_prefix} {number}: {title} ({days})\n\n"
        "This step is about noticing. You need a notebook.\n\n"
        "**Specific Actions**:\n" + "\n".join(actions) + "\n\n"
    )


def pathway_article(*step_texts, label="III. Practical Guidelines: Step-by-Step Pathway"):
    return HEADER + f"{label}\n\n" + "".join(step_texts) + FOOTER


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


class TestStepErrors:
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
