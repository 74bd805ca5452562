"""What changed in an English text since it was translated, for people: words struck and added,
in the changed sentences only."""

import difflib
import re
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

WORD = re.compile(r"\s+|[^\s]+")
# A sentence: up to its closing punctuation (and closing quotes), or the rest of the text.
SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+[\"'”’)）」』]*)?\s*|[.!?。！？]+\s*")
OMITTED = '<span class="diff-omitted">…</span>'


def word_diff(before, after):
    """Text before and after, word by word, as HTML with <del> and <ins>."""
    old, new = WORD.findall(before or ""), WORD.findall(after or "")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
        if tag == "equal":
            parts.append(escape("".join(old[i1:i2])))
    return mark_safe("".join(parts))  # noqa: S308  (every piece is escaped above)


def plain(html):
    """Rich or plain text as words: tags out, entities read, white space as single spaces."""
    return " ".join(unescape(strip_tags(html or "")).split())


def sentences(text):
    return [sentence.strip() for sentence in SENTENCE.findall(plain(text)) if sentence.strip()]


def change_diff(before, after):
    """The sentences of `after` that differ from `before`, each as a word diff; an ellipsis
    stands for each run of unchanged sentences between them."""
    old, new = sentences(before), sentences(after)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            parts.append(OMITTED)
        else:
            parts.append(word_diff(" ".join(old[i1:i2]), " ".join(new[j1:j2])))
    return mark_safe(" ".join(parts))  # noqa: S308  (word_diff escapes; OMITTED is ours)
