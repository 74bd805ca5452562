"""PO (Poedit, Weblate, translate-toolkit): one entry per unit.

msgctxt and a `#:` reference hold the unit id (the reference survives translate-toolkit's
po2xliff and xliff2po, which drop msgctxt); msgid is the English, msgstr the Chinese, the
context for people an extracted comment (`#.`); rich units are flagged `rich-text`. An outdated
unit is `fuzzy` with the English it was translated from as its previous msgid (`#| msgid`); a
missing one has an empty msgstr. A unit still fuzzy when it comes back needs review.
"""

import re
from datetime import UTC, datetime

import polib
from django.utils.translation import gettext as _

from cms.i18n.formats.units import (
    GENERATOR,
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ImportedUnit,
    check_unique,
    duplicate,
    normalise_language,
    one_line,
)

PO_LANGUAGE = "zh_Hans"
LANGUAGE_TEAM = "zh-hans Translators"
RICH_FLAG = "rich-text"
FUZZY_FLAG = "fuzzy"


def _line_breaks_like(source, target):
    """`target` beginning and ending with a line break where `source` does, as `msgfmt -c`
    requires of a translation."""
    if not target:
        return target
    if source.startswith("\n") != target.startswith("\n"):
        target = "\n" + target if source.startswith("\n") else target.lstrip("\n")
    if source.endswith("\n") != target.endswith("\n"):
        target = target + "\n" if source.endswith("\n") else target.rstrip("\n")
    return target


def metadata(title):
    """The PO header. The last translator is left for the translator's tool to fill in."""
    return {
        "Project-Id-Version": one_line(title),
        "PO-Revision-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "",
        "Language-Team": LANGUAGE_TEAM,
        "Language": PO_LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
        "X-Generator": GENERATOR,
    }


def export_po(units, *, title):
    check_unique(units)
    po = polib.POFile(encoding="utf-8")
    po.header = f"{GENERATOR}: {one_line(title)}, for translation into Simplified Chinese."
    po.metadata = metadata(title)
    for unit in units:
        flags = [FUZZY_FLAG] if unit.outdated else []
        po.append(
            polib.POEntry(
                msgctxt=unit.unit_id,
                msgid=unit.source,
                msgstr=_line_breaks_like(unit.source, unit.target),
                comment=unit.context,
                occurrences=[(unit.unit_id, "")],
                flags=[*flags, RICH_FLAG] if unit.rich else flags,
                previous_msgid=unit.previous if unit.outdated and unit.previous else None,
            )
        )
    return str(po).encode("utf-8")


class _PoText(str):
    """PO text split into lines at "\\n" only.

    polib splits file contents with str.splitlines(), which also breaks at U+2028, U+0085 and
    other characters that are ordinary content inside a PO string.
    """

    def splitlines(self, keepends=False):
        return self.split("\n")


def _unit_id(entry):
    """msgctxt, or else the entry's one reference (what xliff2po leaves of a unit id)."""
    if entry.msgctxt:
        return entry.msgctxt
    if len(entry.occurrences) == 1:
        path, line = entry.occurrences[0]
        return f"{path}:{line}" if line else path
    return None


def read_po(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a raw CR is never content in PO
    if "\n" not in text:
        # polib reads a one-line string that names an existing file from disk.
        text += "\n"
    try:
        po = polib.pofile(_PoText(text), encoding="utf-8")
    except (OSError, ValueError) as error:
        line = re.search(r"line (\d+)", str(error))
        if line:
            message = _("The PO file has a syntax error at line %(line)s.") % {
                "line": line.group(1)
            }
        else:
            message = _("The file cannot be read as a PO file.")
        raise ExchangeFormatError(message) from error
    # A file that names no language is taken to be in the one language the CMS imports:
    # translate-toolkit's xliff2po, for one, leaves the Language header out.
    language = next(
        (value for key, value in po.metadata.items() if key.strip().lower() == "language"), ""
    )
    units = []
    seen = {}
    for entry in po:
        if entry.obsolete:
            continue
        location = f"line {max(entry.linenum or 1, 1)}"
        unit_id = _unit_id(entry)
        if not unit_id:
            raise ExchangeFormatError(
                _(
                    "The entry at %(location)s has no msgctxt (nor a single #: reference), so "
                    "it cannot be matched to a unit."
                )
                % {"location": location}
            )
        if unit_id in seen:
            raise duplicate(unit_id, seen[unit_id], location)
        seen[unit_id] = location
        units.append(
            ImportedUnit(
                unit_id=unit_id,
                location=location,
                source=entry.msgid,
                target=entry.msgstr,
                needs_review=FUZZY_FLAG in entry.flags,
            )
        )
    return normalise_language(language) or TARGET_LANGUAGE, units
