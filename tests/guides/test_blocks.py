"""Block validation: accepted and rejected values, with the message an editor sees. No database."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from guides import blocks


def step(day_from, day_to, actions=("Notice the first sign of worry.",), title="Step"):
    return {
        "title": title,
        "focus": "Noticing",
        "day_from": day_from,
        "day_to": day_to,
        "prerequisites": "",
        "actions": list(actions),
        "safety_note": "",
    }


def clean(block, raw):
    return block.clean(block.to_python(raw))


def error_messages(error):
    """Every message in a (nested) block validation error, flattened."""
    found = []
    for child in (getattr(error, "block_errors", None) or {}).values():
        found.extend(error_messages(child))
    for child in getattr(error, "non_block_errors", None) or []:
        found.append(str(child))
    if not found and hasattr(error, "messages"):
        found.extend(error.messages)
    return found


class TestStepBlock:
    def test_accepts_a_valid_step(self):
        value = clean(blocks.StepBlock(), step(1, 3))
        assert value["day_from"] == 1 and value["day_to"] == 3

    def test_rejects_backwards_day_range_naming_the_field(self):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.StepBlock(), step(10, 3))
        assert "day_to" in caught.value.block_errors
        assert error_messages(caught.value) == ["“To day” (3) must not be before “From day” (10)."]

    def test_rejects_a_step_without_actions(self):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.StepBlock(), step(1, 3, actions=[]))
        assert "actions" in caught.value.block_errors

    def test_message_reads_in_chinese(self):
        with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
            clean(blocks.StepBlock(), step(10, 3))
        assert error_messages(caught.value) == ["“结束日”（3）不能早于“开始日”（10）。"]


class TestPathwayBlock:
    def pathway(self, *steps):
        return {"heading": "Pathway", "intro": "", "steps": list(steps)}

    def test_accepts_ascending_ranges(self):
        value = clean(blocks.PathwayBlock(), self.pathway(step(1, 3), step(4, 10), step(11, 17)))
        assert [s["day_from"] for s in value["steps"]] == [1, 4, 11]

    def test_accepts_a_single_day_step(self):
        assert clean(blocks.PathwayBlock(), self.pathway(step(1, 1), step(2, 2)))

    @pytest.mark.parametrize(
        "ranges",
        [((1, 5), (5, 9)), ((1, 5), (3, 9)), ((4, 10), (1, 3))],
        ids=["touching", "overlapping", "descending"],
    )
    def test_rejects_overlap_or_descent(self, ranges):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.PathwayBlock(), self.pathway(*(step(a, b) for a, b in ranges)))
        steps_error = caught.value.block_errors["steps"]
        assert list(steps_error.block_errors) == [1]
        (message,) = error_messages(caught.value)
        assert message.startswith("Step 2 starts on day")
        assert "overlaps step 1" in message

    def test_rejects_empty_pathway(self):
        with pytest.raises(ValidationError):
            clean(blocks.PathwayBlock(), self.pathway())


class TestPersonaBlock:
    def test_accepts_plausible_age(self):
        assert clean(blocks.PersonaBlock(), {"name": "Mei", "age": 31, "role": ""})["age"] == 31

    @pytest.mark.parametrize("age", [3, 140])
    def test_rejects_implausible_age(self, age):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.PersonaBlock(), {"name": "Mei", "age": age, "role": ""})
        assert "age" in caught.value.block_errors

    def test_requires_a_name(self):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.PersonaBlock(), {"name": "", "age": 30, "role": ""})
        assert "name" in caught.value.block_errors


class TestOtherBlocks:
    def test_reference_url_must_be_valid(self):
        block = blocks.ReferenceBlock()
        good = {"author": "Bowlby, J.", "year": 1969, "work": "Attachment", "url": "https://a.org"}
        assert clean(block, good)["year"] == 1969
        with pytest.raises(ValidationError) as caught:
            clean(block, {**good, "url": "not a url"})
        assert "url" in caught.value.block_errors

    def test_faq_requires_question_and_answer(self):
        block = blocks.FAQBlock()
        assert clean(block, {"question": "Why?", "answer": "<p>Because.</p>"})
        with pytest.raises(ValidationError) as caught:
            clean(block, {"question": "", "answer": ""})
        assert set(caught.value.block_errors) == {"question", "answer"}

    def test_copy_phrase_requires_the_phrase(self):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.CopyPhraseBlock(), {"phrase": "", "situation": "After a fight"})
        assert "phrase" in caught.value.block_errors

    def test_case_example_requires_title_and_pattern(self):
        with pytest.raises(ValidationError) as caught:
            clean(blocks.CaseExampleBlock(), {"title": "", "presenting_pattern": ""})
        assert {"title", "presenting_pattern"} <= set(caught.value.block_errors)

    def test_every_body_block_has_icon_label_and_help_text(self):
        body = blocks.GuideBodyBlock()
        assert len(body.child_blocks) == 12
        for name, child in body.child_blocks.items():
            assert child.meta.icon, name
            assert child.meta.label, name
            assert child.meta.help_text, name
