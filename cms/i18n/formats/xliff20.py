"""XLIFF 2.0 (core): one <unit> per unit, named by its unit id, with one <segment>.

States: a missing unit's segment is "initial" with no target; an outdated one is "initial" with
its Chinese as the target and the English it was translated from in a note; a current one is
"translated". A segment that comes back "initial" with a target needs review; "translated",
"reviewed" and "final" are translations.

Rich units (type="cms:html") carry their HTML as inline codes: <pc> around text and <ph/> for a
tag alone, whose ids stand for the English's tags (markup.py). A unit whose HTML inline codes
would not read back exactly travels as text. Unit ids must be XML name tokens in XLIFF 2.0, so a
unit's id is its position and its name the unit id.
"""

from django.utils.translation import gettext as _
from lxml import etree

from cms.i18n.formats.markup import Alone, Close, Inline, Open, encode_pair
from cms.i18n.formats.units import (
    SOURCE_LANGUAGE,
    ExchangeFormatError,
    ImportedUnit,
    check_unique,
    normalise_language,
    one_line,
)
from cms.i18n.formats.xliff import (
    XML_SPACE,
    claim_unit_id,
    element_adder,
    localname,
    qualified,
    read_inline,
    to_bytes,
    write_inline,
    write_units,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF_LANGUAGE = "zh-Hans"
HTML_UNIT = "cms:html"
STRUCTURAL = frozenset({"xliff", "file", "group", "unit", "notes", "segment", "ignorable"})
# How XLIFF 2.0 names formatting: (type, subType).
PAIRED_TYPES = {
    "b": ("fmt", "xlf:b"),
    "strong": ("fmt", "xlf:b"),
    "i": ("fmt", "xlf:i"),
    "em": ("fmt", "xlf:i"),
    "a": ("link", None),
}
INITIAL = "initial"


_add = element_adder(XLIFF_NS)


def _typed(parent, name, code, kind):
    element = _add(parent, name, {"id": code.id, "type": kind[0]})
    if kind[1]:
        element.set("subType", kind[1])
    return element


def _paired(parent, code):
    return _typed(parent, "pc", code, PAIRED_TYPES.get(code.tag, ("other", None)))


def _alone(parent, code):
    return _typed(parent, "ph", code, ("fmt", "xlf:lb") if code.tag == "br" else ("other", None))


def _unit(file, number, unit):
    element = _add(file, "unit", {"id": f"u{number}", "name": unit.unit_id})
    element.set(XML_SPACE, "preserve")
    coded = encode_pair(unit.source, unit.target) if unit.rich else None
    codes, source, target = coded or (None, unit.source, unit.target)
    if coded:
        element.set("type", HTML_UNIT)
    notes = [("context", unit.context)] if unit.context else []
    if unit.outdated and unit.previous:
        notes.append(("previous-source", unit.previous))
    if notes:
        group = _add(element, "notes")
        for category, text in notes:
            _add(group, "note", {"category": category}, text)
    segment = _add(element, "segment")
    segment.set("state", INITIAL if not unit.target or unit.outdated else "translated")
    write_inline(_add(segment, "source"), source, codes, _paired, _alone)
    if unit.target:
        write_inline(_add(segment, "target"), target, codes, _paired, _alone)


def export_xliff2(units, *, title):
    check_unique(units)
    root = etree.Element(qualified("xliff", XLIFF_NS), nsmap={None: XLIFF_NS})
    root.set("version", "2.0")
    root.set("srcLang", SOURCE_LANGUAGE)
    root.set("trgLang", XLIFF_LANGUAGE)
    file = _add(root, "file", {"id": "f1", "original": one_line(title)})
    write_units(units, lambda number, unit: _unit(file, number, unit))
    return to_bytes(root, STRUCTURAL)


# ---------------------------------------------------------------------------------------------
# Import


def read_xliff20(root):
    language = normalise_language(root.get("trgLang") or "")
    if not language:
        raise ExchangeFormatError(
            _("The XLIFF file does not declare its target language (trgLang on <xliff>).")
        )
    files = root.findall(qualified("file", XLIFF_NS))
    if not files:
        raise ExchangeFormatError(_("The XLIFF file has no <file> element."))
    units = []
    seen = {}
    for file in files:
        for element in file.iter(qualified("unit", XLIFF_NS)):
            if element.get("translate") != "no":
                units.append(_read_unit(element, len(units) + 1, seen))
    return language, units


def _marker(child):
    """Annotations carry no markup of their own; <cp/> is a character XML cannot hold."""
    name = localname(child)
    if name == "mrk":
        return [], [], True
    if name in ("sm", "em"):
        return [], [], False
    if name == "cp":
        try:
            return [chr(int(child.get("hex") or "", 16))], [], False
        except ValueError:
            return None
    return None


def _code(child):
    # A code a tool copied (copyOf) stands for the same tag as the code it copies.
    code_id = child.get("copyOf") or child.get("id")
    name = localname(child)
    if name == "pc":
        return [Open(code_id)], [Close(code_id)], True
    if name == "ph":
        return [Alone(code_id)], [], False
    if name == "sc":
        return [Open(code_id)], [], False
    if name == "ec":
        return [Close(child.get("startRef") or code_id)], [], False
    return _marker(child)


def _read_unit(element, number, seen):
    unit_id = element.get("name") or element.get("id")
    location = claim_unit_id(unit_id, number, seen)
    unit = (number, unit_id)
    coded = element.get("type") == HTML_UNIT
    classify = _code if coded else _marker
    sources, targets, needs_review = [], [], False
    # A tool may split a unit into several segments, with ignorable text between them.
    for part in element:
        if localname(part) not in ("segment", "ignorable"):
            continue
        source = part.find(qualified("source", XLIFF_NS))
        if source is None:
            raise ExchangeFormatError(
                _("The unit %(unit)s (unit %(number)s) has no <source>.")
                % {"unit": unit_id, "number": number}
            )
        target = part.find(qualified("target", XLIFF_NS))
        if localname(part) == "segment":
            needs_review |= (part.get("state") or INITIAL) == INITIAL
        elif target is None:
            target = source  # ignorable text stays as it is
        sources.append(read_inline(source, XLIFF_NS, unit, classify))
        if target is not None:
            targets.append(read_inline(target, XLIFF_NS, unit, classify))
    if not sources:
        raise ExchangeFormatError(
            _("The unit %(unit)s (unit %(number)s) has no <source>.")
            % {"unit": unit_id, "number": number}
        )
    source, target = (
        Inline(tuple(token for part in parts for token in part.tokens))
        for parts in (sources, targets)
    )
    return ImportedUnit(
        unit_id=unit_id,
        location=location,
        source=source if coded else source.text,
        target=target if coded else target.text,
        needs_review=needs_review,
    )
