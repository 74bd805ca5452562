"""The wiki-export parser: the header (title, summary, quiz box, subtitle), a summary cut off
with an ellipsis, missing boxes and files that have no title."""

import pytest
from django.utils import translation

from guides.content_checks import looks_truncated
from guides.importer.parser import ArticleError, parse_article
from tests.guides.test_import_parser import FOOTER, HEADER, line_of, summary_notes


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


def summary_article(summary, body=""):
    """A small article whose summary (line 5) is `summary`; `body` goes in its FAQ."""
    text = HEADER.replace("A short summary of the test article.", summary)
    if body:
        text += f"FAQ\n\nWhat is this about?\n\n{body}\n"
    return text + FOOTER


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
