"""The wiki-export parser's text helpers: whole sentences of a cut-off summary, excerpts in
notes cut between words."""

import re

import pytest

from guides.content_checks import ends_with_ellipsis, looks_truncated
from guides.importer.parser import parse_article, whole_sentences
from tests.guides.test_import_parser import FOOTER, HEADER


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
