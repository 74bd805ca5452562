"""The top of the article: wiki name, title line (series, number, title), summary, quiz box,
subtitle; and the summary made whole when the export cut it off with an ellipsis."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from guides.content_checks import ends_with_ellipsis
from guides.importer.parser.draft import Draft
from guides.importer.parser.errors import ArticleError
from guides.importer.parser.layout import Para, heading_text, section_label, tokenize
from guides.importer.parser.limits import GUIDE_NUMBERS, in_range
from guides.importer.parser.patterns import TITLE
from guides.importer.parser.text import (
    before_trailing_ellipsis,
    clean,
    completed_sentence,
    excerpt,
    has_cjk,
    whole_sentences,
)

_WIKI_NAMES = {"relationship communication wiki", "关系沟通百科"}
_QUIZ_HEADINGS = {"take the relationship test", "参加关系测试"}


@dataclass
class Header:
    series_name: str
    number: int
    title: str
    summary: str = ""
    summary_line: int | None = None
    subtitle: str = ""
    quiz: dict | None = None
    body_line: int | None = None  # the first line after the header


def parse_header(draft: Draft, filled: list[tuple[int, str]]) -> Header:
    """The title, one of the first five non-empty lines (`filled`: [(line, text)]), and the
    summary, quiz box and subtitle after it."""
    index = _title_index(filled)
    _note_lines_before_title(draft, filled[:index])
    line, text = filled[index]
    header = _title(draft, line, text)
    rest = filled[index + 1 :]
    _read_boxes(draft, header, line, rest)
    header.body_line = rest[0][0] if rest else None
    return header


def _title_index(filled: list[tuple[int, str]]) -> int:
    index = next(
        (i for i, (_line, text) in enumerate(filled[:5]) if TITLE.match(text)),
        None,
    )
    if index is not None:
        return index
    if not filled:
        expected = 1
    elif _looks_like_wiki_name(filled[0][1]):
        expected = filled[1][0] if len(filled) > 1 else 1
    else:
        expected = filled[0][0]
    raise ArticleError(
        _("no recognisable title: expected a line like 'Series Name-122: Title'"),
        expected,
    )


def _note_lines_before_title(draft: Draft, before: list[tuple[int, str]]) -> None:
    for position, (line, text) in enumerate(before):
        if position == 0 and _looks_like_wiki_name(text):
            continue
        if position == 0:
            draft.notes.add(line, _("took '%(text)s' as the wiki name") % {"text": excerpt(text)})
        else:
            draft.notes.add(
                line,
                _("skipped unrecognised text before the title '%(text)s'")
                % {"text": excerpt(text)},
            )


def _title(draft: Draft, line: int, text: str) -> Header:
    match = TITLE.match(text)
    title = match.group("title").strip()
    if draft.language == "en" and has_cjk(title):
        draft.notes.add(line, _("the title is in Chinese but the article was imported as English"))
    if draft.language == "zh-hans" and not has_cjk(title):
        draft.notes.add(
            line, _("the title has no Chinese text but the article was imported as Chinese")
        )
    number = in_range(match.group("number"), GUIDE_NUMBERS, _("the guide number"), line)
    return Header(series_name=match.group("series").strip(), number=number, title=title)


def _read_boxes(draft: Draft, header: Header, title_line: int, rest: list[tuple[int, str]]) -> None:
    """The summary, quiz box and subtitle, in this order, each optional; taken off `rest`."""

    def take(accept) -> tuple[int, str] | None:
        if rest and accept(rest[0][1]):
            return rest.pop(0)
        return None

    summary = take(lambda text: _is_plain_top_line(text) and not _is_quiz_heading(text))
    if summary:
        header.summary_line, header.summary = summary
    else:
        draft.notes.add(title_line, _("no summary line after the title"))
    quiz = take(_is_quiz_heading)
    if quiz:
        quiz_text = take(_is_plain_top_line)
        header.quiz = {"heading": quiz[1], "text": quiz_text[1] if quiz_text else ""}
    else:
        draft.notes.add(None, _("no quiz box ('Take the relationship test') after the summary"))
    subtitle = take(_is_plain_top_line)
    if subtitle:
        header.subtitle = subtitle[1]


def _looks_like_wiki_name(text: str) -> bool:
    return text.casefold() in _WIKI_NAMES or text.endswith(("Wiki", "wiki", "百科"))


def _is_quiz_heading(text: str) -> bool:
    return text.casefold() in _QUIZ_HEADINGS or bool(
        re.match(r"^(?:take the .*test|参加.*测试)$", text, re.IGNORECASE)
    )


def _is_plain_top_line(text: str) -> bool:
    """A top line that is neither a section label nor a heading."""
    para = Para(0, [text])
    return section_label(para) is None and heading_text(para) is None


# --- a summary cut off with an ellipsis -------------------------------------------------------


def finish_summary(draft: Draft, header: Header) -> None:
    """Make a summary cut off with an ellipsis one to write (a guide's may not end in one)."""
    if header.summary_line is None or not ends_with_ellipsis(header.summary):
        return
    later = tokenize(draft.lines, header.summary_line + 1, len(draft.lines) + 1)
    header.summary = _whole_summary(draft, header.summary_line, header.summary, later)


def _whole_summary(draft: Draft, line: int, summary: str, later: list[Para]) -> str:
    """The summary to write, noted once with what was done: its whole sentences; else its only
    sentence completed from the article, where the export has it in full; else its words as
    written, flagged."""
    kept = whole_sentences(summary)
    if kept:
        left_out = summary.strip()[len(kept) :].strip()
        if before_trailing_ellipsis(left_out):
            message = _(
                "the summary is cut off with an ellipsis (…) in the middle of a sentence; "
                "kept it up to its last full sentence and left out '%(left_out)s'"
            ) % {"left_out": excerpt(left_out)}
        else:
            message = _(
                "the summary ends in an ellipsis (…) after its last full sentence; "
                "left out the ellipsis"
            )
        draft.notes.add(line, message)
        return kept
    cut = before_trailing_ellipsis(summary)
    found = completed_sentence(cut, [(para.line, clean(para.text)) for para in later])
    if found:
        source_line, sentence = found
        draft.notes.add(
            line,
            _(
                "the summary is cut off with an ellipsis (…) in the middle of its only "
                "sentence; completed that sentence from line %(line)s, where the export has "
                "it in full"
            )
            % {"line": source_line},
        )
        return sentence
    draft.notes.add(
        line,
        _(
            "the summary is cut off with an ellipsis (…) and has no full sentence to keep; "
            "kept its words as written without the ellipsis, which a summary may not end "
            "in: finish the sentence in the admin"
        ),
    )
    return cut
