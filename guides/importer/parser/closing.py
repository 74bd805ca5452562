"""The bottom of the article: the closing call to action ("Explore your own …" / text / button)."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft

_BUTTON_LABELS = {"start the test", "take the test", "开始测试"}


def parse_closing_cta(draft: Draft, filled: list[tuple[int, str]]) -> tuple[dict | None, int]:
    """The last three non-empty lines (`filled`: [(line, text)]) when the last is a button label:
    (the call to action, its first line, where the body ends); else (None, the line after the
    last)."""
    if len(filled) >= 4 and filled[-1][1].casefold() in _BUTTON_LABELS:
        (line, heading), (_text_line, text), (_button_line, button) = filled[-3:]
        return {"heading": heading, "text": text, "button_label": button}, line
    draft.notes.add(
        None, _("no closing call to action (the file does not end with 'Start the test')")
    )
    return None, len(draft.lines) + 1
