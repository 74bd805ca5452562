"""What an exchange file holds: the units going out, the units coming back, and their errors."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cms.i18n.formats.markup import Inline, MarkupError, english_codes

TARGET_LANGUAGE = "zh-hans"
SOURCE_LANGUAGE = "en"
GENERATOR = "Relationship Guides CMS"


@dataclass(frozen=True)
class ExportUnit:
    """One segment going out: its English, its Chinese ("" when missing) and its state.

    `outdated`: the Chinese was written for an older English, `previous` (empty when that is
    not remembered); the file asks for it to be reviewed.
    """

    unit_id: str
    context: str
    source: str
    target: str
    rich: bool
    outdated: bool = False
    previous: str = ""


@dataclass(frozen=True)
class ImportedUnit:
    """One unit coming back. `source` and `target` are text (HTML for rich text), or `Inline`
    content when an XLIFF file carries rich text as inline codes: call `html()` for HTML.

    `needs_review`: still fuzzy (PO) or still marked as needing translation or review (XLIFF),
    so it is not a finished translation of the English.
    """

    unit_id: str
    location: str
    source: str | Inline
    target: str | Inline
    needs_review: bool = False

    @property
    def blank(self):
        """Whether the unit has no Chinese words at all."""
        target = self.target.text if isinstance(self.target, Inline) else self.target
        return not target.strip()

    def html(self, english):
        """(English, Chinese) as HTML, inline codes standing for the tags of `english` (the
        CMS's English for this unit). The English is None when the file's codes are not those
        of `english`: it changed since the export. Raises MarkupError for a Chinese code that
        the English does not have."""
        if not isinstance(self.source, Inline):
            return self.source, self.target
        codes = english_codes(english)
        try:
            same = codes is not None and self.source.html(codes) == english
        except MarkupError:
            same = False
        if not same:
            return None, ""
        return english, self.target.html(codes)


class ExchangeFormatError(Exception):
    """The file cannot be read as a translation file; message says why (and where, if known)."""


def check_unique(units):
    seen = set()
    for unit in units:
        if unit.unit_id in seen:
            raise ValueError(f"Unit id {unit.unit_id!r} is exported twice.")
        seen.add(unit.unit_id)


def one_line(text):
    return " ".join(str(text).split())


def normalise_language(code):
    return re.split(r"[.@]", code.strip())[0].replace("_", "-").lower()


def duplicate(unit_id, first, second):
    return ExchangeFormatError(
        _("The unit %(unit)s appears twice (%(first)s and %(second)s).")
        % {"unit": unit_id, "first": first, "second": second}
    )
