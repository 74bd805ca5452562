"""Helpers on text: cleaning, HTML, excerpts cut between words, sentences, numbers in words.

Text is never left with a cut word: a summary cut off with "…" keeps its whole sentences
(`whole_sentences`), and the excerpts quoted in notes are cut between words.
"""

import html
import re

from guides.content_checks import CLOSING_QUOTES, ELLIPSES
from guides.importer.parser.patterns import (
    ABBREVIATION,
    CJK,
    EN_NUMBER_WORDS,
    SENTENCE_BREAK,
    WHOLE_SENTENCE_END,
    WORD_CHAR,
)

# ABBREVIATION ends where a full stop is: it is looked for in this many characters before it.
_ABBREVIATION_REACH = 8
# A cut-off summary is completed from the article only when this much of it matches.
_COMPLETE_MIN_LENGTH = 20
_QUOTE_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’", "「": "」", "『": "』"}


def clean(text: str) -> str:
    """Drop markdown bold markers, keep everything else."""
    return re.sub(r"\*\*(.*?)\*\*", r"\1", text).replace("**", "").strip()


def paragraphs_html(texts: list[str]) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts if text)


def has_cjk(text: str) -> bool:
    return re.search(rf"[{CJK}]", text) is not None


def strip_quotes(text: str) -> str:
    text = text.strip().rstrip(",，").strip()
    if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


# --- excerpts in notes ------------------------------------------------------------------------


def excerpt(text: str, length: int = 60) -> str:
    """`text` on one line; if longer than `length`, cut between words and marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = _word_boundary(text, length - 1, backwards=True)
    return text[:cut].rstrip(" ,，、;；:：") + "…"


def tail(text: str, length: int = 30) -> str:
    """The last words of `text` on one line, about `length` characters, never starting mid-word."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[_word_boundary(text, len(text) - length, backwards=False) :].lstrip()


def _word_boundary(text: str, at: int, backwards: bool) -> int:
    """The nearest place at or before (or after) `at` that is not inside a word; `at` itself when
    the whole stretch is one word. Chinese characters are words of their own."""
    step = -1 if backwards else 1
    index = at
    while (
        0 < index < len(text) and WORD_CHAR.match(text[index - 1]) and WORD_CHAR.match(text[index])
    ):
        index += step
    return index if 0 < index < len(text) else at


# --- sentences --------------------------------------------------------------------------------


def split_first_sentence(text: str) -> tuple[str, str]:
    match = SENTENCE_BREAK.search(text)
    if not match or match.end() >= len(text):
        return text, ""
    return text[: match.end()].strip(), text[match.end() :].strip()


def _sentence_ends(text: str) -> list[int]:
    """Where each full sentence of `text` ends (after its mark and closing quotes)."""
    ends = []
    for match in WHOLE_SENTENCE_END.finditer(text):
        start = match.start()
        if match.group().startswith(".") and ABBREVIATION.search(
            text, max(0, start - _ABBREVIATION_REACH), start
        ):
            continue
        ends.append(match.end())
    return ends


def before_trailing_ellipsis(text: str) -> str:
    """`text` without the ellipsis it ends in (and the spaces or closing quotes after it)."""
    text = text.rstrip()
    while text:
        bare = text.rstrip(CLOSING_QUOTES + " \t\n\xa0")
        mark = next((mark for mark in ELLIPSES if bare.endswith(mark)), None)
        if mark is None:
            break
        text = bare[: -len(mark)].rstrip()
    return text


def whole_sentences(text: str) -> str:
    """`text` up to the end of its last full sentence (a sentence ends in . ! ? 。！？ and any
    closing quotes or brackets), leaving out a trailing ellipsis and the words cut off before
    it; "" when there is no full sentence."""
    text = before_trailing_ellipsis(text)
    ends = _sentence_ends(text)
    return text[: ends[-1]].strip() if ends else ""


def completed_sentence(cut: str, paragraphs: list[tuple[int, str]]) -> tuple[int, str] | None:
    """A sentence of the article that starts with the cut-off text `cut` (a verbatim match, at the
    start of a paragraph or of a sentence), to the end of that sentence: (its line, sentence)."""
    cut = " ".join(cut.split())
    if len(cut) < _COMPLETE_MIN_LENGTH:
        return None
    for line, paragraph in paragraphs:
        text = " ".join(paragraph.split())
        start = text.find(cut)
        while start != -1:
            before = text[:start].rstrip()
            if not before or len(before) in _sentence_ends(before):
                end = next((e for e in _sentence_ends(text[start:]) if e >= len(cut)), None)
                if end is not None:
                    return line, text[start : start + end]
            start = text.find(cut, start + 1)
    return None


# --- numbers written in words -----------------------------------------------------------------


def cn_number(text: str) -> int | None:
    """'3' -> 3, '三十三' -> 33, '十' -> 10, '两' -> 2 (up to 99)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" in text:
        tens, _ten, ones = text.partition("十")
        if (tens and tens not in digits) or (ones and ones not in digits):
            return None
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    return digits.get(text) if len(text) == 1 else None


def word_number(text: str) -> int | None:
    """'3' -> 3, 'three' -> 3, '三' -> 3."""
    if text.isdigit():
        return int(text)
    lowered = text.lower()
    if lowered in EN_NUMBER_WORDS:
        return EN_NUMBER_WORDS.index(lowered) + 1
    return cn_number(text)
