"""What XLIFF 1.2 and 2.0 share: reading XML safely, writing and reading inline content."""

from django.utils.translation import gettext as _
from lxml import etree

from cms.i18n.formats.markup import Close, Inline, Open
from cms.i18n.formats.units import ExchangeFormatError, duplicate

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def qualified(name, ns):
    return f"{{{ns}}}{name}" if ns else name


def localname(element):
    return etree.QName(element).localname


def element_adder(ns):
    """`add(parent, name, attributes=None, text=None)`: a child element in namespace `ns`."""

    def add(parent, name, attributes=None, text=None):
        element = etree.SubElement(parent, qualified(name, ns), attributes or {})
        if text is not None:
            element.text = text
        return element

    return add


def write_units(units, write):
    """`write(number, unit)` for each unit, numbered from 1, naming the unit whose text XML
    1.0 cannot hold (lxml refuses it)."""
    for number, unit in enumerate(units, start=1):
        try:
            write(number, unit)
        except ValueError as error:
            raise ValueError(
                f"Unit {unit.unit_id!r} cannot be written as XLIFF: {error}"
            ) from error


def claim_unit_id(unit_id, number, seen):
    """The location of the `number`th unit read, once its id is known to be there and new."""
    location = f"unit {number}"
    if not unit_id:
        raise ExchangeFormatError(_("Unit %(number)s has no id.") % {"number": number})
    if unit_id in seen:
        raise duplicate(unit_id, seen[unit_id], location)
    seen[unit_id] = location
    return location


def read_xml(data):
    """The root element of `data`, read with no DTD, entities or network."""
    parser = etree.XMLParser(
        encoding="utf-8",
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ExchangeFormatError(
            _("The XLIFF file is not well-formed XML (line %(line)s): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error
    if root.getroottree().docinfo.doctype:
        raise ExchangeFormatError(_("XLIFF files with a DOCTYPE declaration are not accepted."))
    return root


def to_bytes(root, structural):
    """The document, its structure indented; whitespace inside text elements is content."""

    def indent(element, level):
        if localname(element) not in structural or not len(element):
            return
        padding = "\n" + "  " * (level + 1)
        element.text = padding
        for child in element:
            child.tail = padding
            indent(child, level + 1)
        element[-1].tail = "\n" + "  " * level

    indent(root, 0)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def append_text(parent, text):
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def write_inline(element, content, codes, paired, alone):
    """Fill `element` with `content` (text, or Inline): `paired(parent, code)` adds the element
    for a code around text, `alone(parent, code)` the element for a code standing alone."""
    if not isinstance(content, Inline):
        element.text = content
        return element
    stack = [element]
    for token in content.tokens:
        if isinstance(token, str):
            append_text(stack[-1], token)
        elif isinstance(token, Open):
            stack.append(paired(stack[-1], codes[token.id]))
        elif isinstance(token, Close):
            stack.pop()
        else:
            alone(stack[-1], codes[token.id])
    return element


def describe(element):
    name = localname(element)
    for attribute in ("ctype", "type"):
        if element.get(attribute):
            return f'<{name} {attribute}="{element.get(attribute)}">'
    return f"<{name}>"


def unknown_element(unit, element):
    number, unit_id = unit
    return ExchangeFormatError(
        _(
            "The unit %(unit)s (unit %(number)s) contains an inline element that cannot be "
            "turned into HTML: %(element)s."
        )
        % {"unit": unit_id, "number": number, "element": describe(element)}
    )


def read_inline(element, ns, unit, classify):
    """`element`'s content as Inline. `classify(child)` says what an inline element is:
    (tokens before its content, tokens after, whether its content is read), or None when it
    is not allowed here."""
    tokens = []

    def walk(node):
        tokens.append(node.text or "")
        for child in node:
            found = classify(child) if etree.QName(child).namespace == (ns or None) else None
            if found is None:
                raise unknown_element(unit, child)
            before, after, descend = found
            tokens.extend(before)
            if descend:
                walk(child)
            tokens.extend(after)
            tokens.append(child.tail or "")

    walk(element)
    merged = []
    for token in tokens:
        if isinstance(token, str) and merged and isinstance(merged[-1], str):
            merged[-1] += token
        elif token != "":
            merged.append(token)
    return Inline(tuple(merged))
