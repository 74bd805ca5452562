"""The references: the italic line after "---", "topic (Author, Author year)" groups as items."""

import re

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Section
from guides.importer.parser.patterns import (
    ITALIC_LINE,
    NAME_SEPARATOR,
    REFERENCE_GROUP,
    REFERENCE_JOINER,
    REFERENCE_LEAD_IN,
    REFERENCE_PREPOSITION,
    YEAR,
)
from guides.importer.parser.text import excerpt


def parse_references(draft: Draft, section: Section) -> None:
    """What follows "---": the italic references line."""
    found = False
    for para in section.paras:
        italic = ITALIC_LINE.match(para.text)
        if italic and not found:
            found = True
            value = _references_value(draft, italic.group(1).strip(), para.line)
            draft.add("references", value, para.line)
        else:
            draft.notes.skipped(para, _("after the references"))


def _references_value(draft: Draft, text: str, line: int) -> dict:
    items, trailing = _reference_items(text)
    if items and trailing:
        draft.notes.add(
            line,
            _("left a reference without an author out of the list: '%(text)s'")
            % {"text": excerpt(trailing)},
        )
    if not items:
        draft.notes.add(
            line,
            _("found no 'topic (Author)' groups in the references; kept the line as one item"),
        )
        items = [{"author": "", "year": None, "work": text, "url": ""}]
    return {"heading": "", "items": items}


def _reference_items(text: str) -> tuple[list[dict], str]:
    """(an item per author of each "topic (names)" group, the text after the last group)."""
    items: list[dict] = []
    position = 0
    for index, group in enumerate(REFERENCE_GROUP.finditer(text)):
        position = group.end()
        topic = group.group("topic").rstrip().strip(" ,，、;；")
        if index == 0:
            topic = REFERENCE_LEAD_IN.sub("", topic, count=1)
        topic = REFERENCE_PREPOSITION.sub("", REFERENCE_JOINER.sub("", topic, count=1), count=1)
        _add_authors(items, group, topic)
    trailing = REFERENCE_JOINER.sub("", text[position:].strip(" ,，、;；.。"), count=1).strip()
    return items, trailing


def _add_authors(items: list[dict], group: re.Match, topic: str) -> None:
    for piece in NAME_SEPARATOR.split(group.group("names")):
        piece = piece.strip()
        year = YEAR.search(piece)
        if year and YEAR.fullmatch(piece):  # "Main, 1985": the year belongs to Main
            if items and items[-1]["year"] is None:
                items[-1]["year"] = int(year.group(1))
            continue
        author = YEAR.sub("", piece).strip(" ,，") if year else piece
        if author:
            items.append(
                {
                    "author": author,
                    "year": int(year.group(1)) if year else None,
                    "work": topic.strip(),
                    "url": "",
                }
            )
