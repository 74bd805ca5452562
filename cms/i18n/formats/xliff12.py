"""XLIFF 1.2, strict (OmegaT, memoQ, Trados, Okapi): one trans-unit per unit.

States: a missing unit's target is empty and "new"; an outdated one holds its Chinese as
"needs-review-translation", with the English it was translated from as an <alt-trans> of the
previous version; a current one is "translated" and approved. A target that comes back in a
"needs-…" state needs review.

Rich units (datatype="html") carry their HTML as inline codes: <g> around text (ctype bold,
italic, link, or x-html-<tag>) and <x/> for a tag alone (ctype lb, or x-html-<tag>); the ids
stand for the English's tags (markup.py). A unit whose HTML inline codes would not read back
exactly travels as text, with restype="x-escaped-html".

Each unit's id is also its location (a context group), which translate-toolkit's xliff2po turns
into a PO reference (`#:`); reading prefers a unit id in a location, as po2xliff numbers the
units it writes and keeps a PO entry's unit id only there.
"""

from django.utils.translation import gettext as _
from lxml import etree

from cms.i18n.formats.markup import Alone, Close, Open, encode_pair
from cms.i18n.formats.units import (
    GENERATOR,
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

NAMESPACES = ("urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:1.1")
XLIFF_NS = NAMESPACES[0]
XLIFF_LANGUAGE = "zh-Hans"
ESCAPED_HTML = "x-escaped-html"
GETTEXT_HEADER = "x-gettext-domain-header"  # the PO header, in files po2xliff writes
STRUCTURAL = frozenset(
    {"xliff", "file", "header", "body", "group", "trans-unit", "alt-trans", "context-group"}
)
PAIRED_CTYPES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "a": "link"}


_add = element_adder(XLIFF_NS)


def _paired(parent, code):
    ctype = PAIRED_CTYPES.get(code.tag, f"x-html-{code.tag}")
    return _add(parent, "g", {"id": code.id, "ctype": ctype})


def _alone(parent, code):
    ctype = "lb" if code.tag == "br" else f"x-html-{code.tag}"
    return _add(parent, "x", {"id": code.id, "ctype": ctype})


def _trans_unit(body, unit):
    element = _add(body, "trans-unit", {"id": unit.unit_id})
    element.set(XML_SPACE, "preserve")
    coded = encode_pair(unit.source, unit.target) if unit.rich else None
    codes, source, target = coded or (None, unit.source, unit.target)
    if unit.rich:
        element.set("datatype", "html")
        if coded is None:
            element.set("restype", ESCAPED_HTML)
    write_inline(_add(element, "source"), source, codes, _paired, _alone)
    target_element = write_inline(_add(element, "target"), target, codes, _paired, _alone)
    if not unit.target:
        target_element.set("state", "new")
    elif unit.outdated:
        target_element.set("state", "needs-review-translation")
        element.set("approved", "no")
    else:
        target_element.set("state", "translated")
        element.set("approved", "yes")
    group = _add(element, "context-group", {"purpose": "location"})
    _add(group, "context", {"context-type": "sourcefile"}, unit.unit_id)
    if unit.context:
        _add(element, "note", {"from": "developer"}, unit.context)
    if unit.outdated and unit.previous:
        _previous_version(element, unit, coded)


def _previous_version(element, unit, coded):
    """The English the Chinese was translated from, beside the Chinese, as an alternative."""
    alternative = _add(
        element, "alt-trans", {"origin": "previous", "alttranstype": "previous-version"}
    )
    previous = encode_pair(unit.source, unit.previous) if coded else None
    if previous is not None:
        codes, _source, target = coded
        previous = previous[2]
        alternative.set("datatype", "html")
    else:
        codes, previous, target = None, unit.previous, unit.target
        if unit.rich:
            alternative.set("restype", ESCAPED_HTML)
    write_inline(_add(alternative, "source"), previous, codes, _paired, _alone)
    write_inline(_add(alternative, "target"), target, codes, _paired, _alone)


def export_xliff(units, *, title):
    check_unique(units)
    root = etree.Element(qualified("xliff", XLIFF_NS), nsmap={None: XLIFF_NS})
    root.set("version", "1.2")
    file = _add(
        root,
        "file",
        {
            "original": one_line(title),
            "source-language": SOURCE_LANGUAGE,
            "target-language": XLIFF_LANGUAGE,
            "datatype": "plaintext",
        },
    )
    header = _add(file, "header")
    _add(header, "tool", {"tool-id": "relationship-guides-cms", "tool-name": GENERATOR})
    body = _add(file, "body")
    write_units(units, lambda _number, unit: _trans_unit(body, unit))
    return to_bytes(root, STRUCTURAL)


# ---------------------------------------------------------------------------------------------
# Import


def read_xliff12(root, ns):
    files = root.findall(qualified("file", ns))
    if not files:
        raise ExchangeFormatError(_("The XLIFF file has no <file> element."))
    languages = {normalise_language(file.get("target-language") or "") for file in files}
    if "" in languages:
        raise ExchangeFormatError(
            _("The XLIFF file does not declare its target language (target-language on <file>).")
        )
    if len(languages) > 1:
        raise ExchangeFormatError(
            _("The XLIFF file mixes target languages: %(languages)s.")
            % {"languages": ", ".join(sorted(languages))}
        )
    units = []
    seen = {}
    for file in files:
        for element in file.iter(qualified("trans-unit", ns)):
            if element.get("restype") == GETTEXT_HEADER or element.get("translate") == "no":
                continue
            units.append(_read_unit(element, ns, len(units) + 1, seen))
    return languages.pop(), units


def _unit_id(element, ns):
    """The unit id a location context gives (a PO reference, as po2xliff keeps the unit id of
    a PO entry), else the trans-unit's id."""
    references = [
        context
        for group in element.findall(qualified("context-group", ns))
        if "location" in (group.get("purpose") or "").split()
        for context in group.findall(qualified("context", ns))
    ]
    if len(references) == 1 and references[0].get("context-type") == "sourcefile":
        return (references[0].text or "").strip() or element.get("id")
    return element.get("id")


def _code(child):
    name = localname(child)
    if name == "g":
        return [Open(child.get("id"))], [Close(child.get("id"))], True
    if name == "x":
        return [Alone(child.get("id"))], [], False
    return _marker(child)


def _marker(child):
    """Segment and term markers that CAT tools add carry no markup of their own."""
    return ([], [], True) if localname(child) == "mrk" else None


def _read_unit(element, ns, number, seen):
    unit_id = _unit_id(element, ns)
    location = claim_unit_id(unit_id, number, seen)
    unit = (number, unit_id)
    source_element = element.find(qualified("source", ns))
    if source_element is None:
        raise ExchangeFormatError(
            _("The unit %(unit)s (unit %(number)s) has no <source>.")
            % {"unit": unit_id, "number": number}
        )
    target_element = element.find(qualified("target", ns))
    if target_element is None:
        target_element = etree.Element(qualified("target", ns))
    coded = element.get("datatype") == "html" and element.get("restype") != ESCAPED_HTML
    source, target = (
        read_inline(part, ns, unit, _code if coded else _marker)
        for part in (source_element, target_element)
    )
    return ImportedUnit(
        unit_id=unit_id,
        location=location,
        source=source if coded else source.text,
        target=target if coded else target.text,
        needs_review=(target_element.get("state") or "").startswith("needs-"),
    )
