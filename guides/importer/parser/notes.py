"""The notes: what the parser skipped or guessed, in line order, and in every language.

A note is translated (Django's `gettext`) in the language active while parsing; the page history
keeps each note in every interface language, so the file is parsed again once per language.
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from cms.i18n.every_language import in_every_language
from guides.importer.parser.errors import line_prefixed
from guides.importer.parser.layout import Para
from guides.importer.parser.text import excerpt


class Notes:
    """The notes of one parse."""

    def __init__(self):
        self._found: list[tuple[int, str]] = []  # (line or 0, message)

    def add(self, line: int | None, message: str) -> None:
        """Record a translated message; the line, when known, is put in front of it."""
        self._found.append((line or 0, line_prefixed(line, message) if line else message))

    def skipped(self, para: Para, where: str = "") -> None:
        """Note skipped text; `where` is an already translated phrase such as "after the
        references"."""
        text = excerpt(para.text)
        if where:
            # Translators: %(where)s is a phrase like "before the first section".
            message = _("skipped unrecognised text %(where)s '%(text)s'") % {
                "where": where,
                "text": text,
            }
        else:
            message = _("skipped unrecognised text '%(text)s'") % {"text": text}
        self.add(para.line, message)

    def in_line_order(self) -> list[str]:
        """The messages, by line; those about no line first, each line's in the order found."""
        return [text for _line, text in sorted(self._found, key=lambda note: note[0])]


def notes_in_every_language(notes: list[str], parse_notes: Callable[[], list[str]]) -> list[dict]:
    """`notes` in every interface language: [{language code: note}], one per note. `parse_notes`
    parses the file again and returns its notes, in the language active when it is called."""
    if not notes:
        return []
    # Parsing is deterministic: the notes come out in the same order in every language.
    by_language = in_every_language(parse_notes)
    return [
        {code: found[index] for code, found in by_language.items()} for index in range(len(notes))
    ]
