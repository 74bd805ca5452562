"""Translation exchange files: units of English content to and from PO and XLIFF 1.2 bytes.

Pure conversion and shape checking: no database, no models. The caller decides which units to
export and what to do with the units a translator sends back; it must also run
`validate_markup` on every imported target before storing it (`parse` converts, it does not
judge the HTML a translator wrote).

PO (Poedit): one entry per unit, msgctxt = unit id, msgid = English, msgstr = Chinese, the
human context as an extracted comment (`#.`), rich units flagged `rich-text`. Fuzzy entries
count as untranslated.

XLIFF 1.2 (OmegaT, memoQ): one trans-unit per unit. Rich units (`datatype="html"`) carry their
HTML as inline codes that CAT tools protect: paired tags become `<g ctype="…">` (bold, italic,
link, or `x-html-<tag>`), `<br/>` becomes `<x ctype="lb"/>`, and HTML attributes are kept as
`xhtml:<name>` attributes on the code. HTML in the CMS's own serialisation (text escaped
`&amp; &lt; &gt;`, attribute values double-quoted, `<br/>`) comes back byte for byte; a unit whose
HTML would not, comes out with `restype="x-escaped-html"` and its HTML as text instead, so that
what is exported is always exactly what is read back.
"""

import codecs
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import PurePath

import polib
from django.utils.translation import gettext as _
from lxml import etree

FORMATS = ("po", "xliff")
TARGET_LANGUAGE = "zh-hans"
PO_LANGUAGE = "zh_Hans"
XLIFF_LANGUAGE = "zh-Hans"
SOURCE_LANGUAGE = "en"
GENERATOR = "Relationship Guides CMS"
RICH_FLAG = "rich-text"

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
ESCAPED_HTML = "x-escaped-html"

ALLOWED_TAGS = frozenset(
    {"p", "b", "i", "strong", "em", "a", "ul", "ol", "li", "h3", "h4", "blockquote", "br"}
)
UNSAFE_TAGS = frozenset({"script", "style", "iframe", "img", "object", "embed"})
LINK_ATTRIBUTES = frozenset({"href", "linktype", "id"})
# Wagtail's editor stores a random `data-block-key` on every block it writes.
BLOCK_KEY_ATTRIBUTE = "data-block-key"
BLOCK_KEY_TAGS = frozenset({"p", "h3", "h4", "li", "blockquote"})
TAG_NAME = re.compile(r"[a-z][a-z0-9]*")
UNSAFE_URL = re.compile(r"^(javascript|data|vbscript):")
HTML_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
TAG_CTYPES = {"b": "bold", "i": "italic", "a": "link"}
CTYPE_TAGS = {ctype: tag for tag, ctype in TAG_CTYPES.items()}
LINE_BREAK_CTYPE = "lb"
HTML_CTYPE = re.compile(r"x-html-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")
STRUCTURAL = frozenset({"xliff", "file", "header", "body", "group", "trans-unit"})


@dataclass(frozen=True)
class ExportUnit:
    unit_id: str
    context: str
    source: str
    target: str
    rich: bool


@dataclass(frozen=True)
class ImportedUnit:
    unit_id: str
    source: str
    target: str
    rich: bool
    location: str


class ExchangeFormatError(Exception):
    """The file cannot be read as a translation file; message says why (and where, if known)."""


# ---------------------------------------------------------------------------------------------
# Export


def _check_unique(units):
    seen = set()
    for unit in units:
        if unit.unit_id in seen:
            raise ValueError(f"Unit id {unit.unit_id!r} is exported twice.")
        seen.add(unit.unit_id)


def _one_line(text):
    return " ".join(str(text).split())


def export_po(units: list[ExportUnit], *, title: str) -> bytes:
    _check_unique(units)
    po = polib.POFile(encoding="utf-8")
    po.metadata = {
        "Project-Id-Version": _one_line(title),
        "Language": PO_LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
        "X-Generator": GENERATOR,
    }
    for unit in units:
        po.append(
            polib.POEntry(
                msgctxt=unit.unit_id,
                msgid=unit.source,
                msgstr=unit.target,
                comment=unit.context,
                flags=[RICH_FLAG] if unit.rich else [],
            )
        )
    return str(po).encode("utf-8")


def _q(name, ns=XLIFF_NS):
    return f"{{{ns}}}{name}" if ns else name


class _NotEncodable(Exception):
    """This HTML cannot be written as inline codes that read back to the same string."""


class _CodeIds:
    """Inline code ids: the target reuses the id of the source code with the same tag."""

    def __init__(self, known=None, first=1):
        self.known = {signature: list(ids) for signature, ids in (known or {}).items()}
        self.assigned = {}
        self.next = first

    def take(self, signature):
        reusable = self.known.get(signature)
        if reusable:
            return reusable.pop(0)
        code_id = str(self.next)
        self.next += 1
        self.assigned.setdefault(signature, []).append(code_id)
        return code_id

    def for_target(self):
        return _CodeIds(self.assigned, self.next)


class _HtmlTokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("startend", tag, attrs))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, None))

    def handle_data(self, data):
        self.tokens.append(("text", data, None))

    def handle_comment(self, data):
        self.tokens.append(("other", data, None))

    def handle_decl(self, decl):
        self.tokens.append(("other", decl, None))

    def handle_pi(self, data):
        self.tokens.append(("other", data, None))

    def unknown_decl(self, data):
        self.tokens.append(("other", data, None))


def _html_tokens(html):
    tokens = _HtmlTokens()
    tokens.feed(html)
    tokens.close()
    return tokens.tokens


def _append_text(parent, text):
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _set_html_attributes(code, attrs):
    for name, value in attrs:
        if value is None:
            raise _NotEncodable
        try:
            code.set(_q(name, XHTML_NS), value)
        except ValueError as error:  # not an XML name
            raise _NotEncodable from error


def _coded(name, html, ids):
    """`<source>`/`<target>` holding `html` as text and inline codes."""
    element = etree.Element(_q(name))
    stack = [(element, None)]
    for kind, value, attrs in _html_tokens(html):
        parent = stack[-1][0]
        tag = value
        if kind == "text":
            _append_text(parent, value)
        elif kind in ("start", "startend") and tag in HTML_VOID_TAGS:
            ctype = LINE_BREAK_CTYPE if tag == "br" else f"x-html-{tag}"
            code_id = ids.take((tag, tuple(attrs)))
            code = etree.SubElement(parent, _q("x"), {"id": code_id, "ctype": ctype})
            _set_html_attributes(code, attrs)
        elif kind == "start" and HTML_CTYPE.fullmatch(f"x-html-{tag}"):
            ctype = TAG_CTYPES.get(tag, f"x-html-{tag}")
            code_id = ids.take((tag, tuple(attrs)))
            code = etree.SubElement(parent, _q("g"), {"id": code_id, "ctype": ctype})
            _set_html_attributes(code, attrs)
            stack.append((code, tag))
        elif kind == "end" and len(stack) > 1 and stack[-1][1] == tag:
            stack.pop()
        else:
            raise _NotEncodable
    if len(stack) > 1:
        raise _NotEncodable
    return element


def _coded_pair(source, target):
    """Source and target as inline codes, or None if either would not read back exactly."""
    ids = _CodeIds()
    try:
        coded_source = _coded("source", source, ids)
        coded_target = _coded("target", target, ids.for_target())
    except _NotEncodable:
        return None
    for html, element in ((source, coded_source), (target, coded_target)):
        if _inline_html(element, XLIFF_NS, strict=False, unit=None) != html:
            return None
    return coded_source, coded_target


def _text_element(name, text):
    element = etree.Element(_q(name))
    element.text = text
    return element


def _xliff_unit(unit):
    element = etree.Element(_q("trans-unit"), {"id": unit.unit_id})
    element.set(XML_SPACE, "preserve")
    coded = None
    if unit.rich:
        element.set("datatype", "html")
        coded = _coded_pair(unit.source, unit.target)
        if coded is None:
            element.set("restype", ESCAPED_HTML)
    source, target = coded or (
        _text_element("source", unit.source),
        _text_element("target", unit.target),
    )
    if unit.target:
        # No state on an empty target: a tool that fills it in without updating the state
        # would otherwise send back a translation marked "needs-translation".
        target.set("state", "translated")
    element.append(source)
    element.append(target)
    if unit.context:
        etree.SubElement(element, _q("note")).text = unit.context
    return element


def _indent(element, level=0):
    """Indent the file's structure only: whitespace inside <source>/<target> is content."""
    if etree.QName(element).localname not in STRUCTURAL or not len(element):
        return
    padding = "\n" + "  " * (level + 1)
    element.text = padding
    for child in element:
        child.tail = padding
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def export_xliff(units: list[ExportUnit], *, title: str) -> bytes:
    _check_unique(units)
    root = etree.Element(_q("xliff"), nsmap={None: XLIFF_NS, "xhtml": XHTML_NS})
    root.set("version", "1.2")
    file = etree.SubElement(
        root,
        _q("file"),
        {
            "original": _one_line(title),
            "source-language": SOURCE_LANGUAGE,
            "target-language": XLIFF_LANGUAGE,
            "datatype": "plaintext",
        },
    )
    header = etree.SubElement(file, _q("header"))
    etree.SubElement(
        header, _q("tool"), {"tool-id": "relationship-guides-cms", "tool-name": GENERATOR}
    )
    body = etree.SubElement(file, _q("body"))
    for unit in units:
        try:
            body.append(_xliff_unit(unit))
        except ValueError as error:  # lxml refuses characters XML 1.0 cannot hold
            raise ValueError(
                f"Unit {unit.unit_id!r} cannot be written as XLIFF: {error}"
            ) from error
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


# ---------------------------------------------------------------------------------------------
# Import


def _normalise_language(code):
    return re.split(r"[.@]", code.strip())[0].replace("_", "-").lower()


def parse(data: bytes, filename: str) -> tuple[str, list[ImportedUnit]]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        raise ExchangeFormatError(_("The file is empty."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ExchangeFormatError(
            _(
                "The file is not UTF-8 text (invalid byte at position %(position)s). "
                "Save it as UTF-8 and try again."
            )
            % {"position": error.start}
        ) from error
    suffix = PurePath(filename or "").suffix.lower()
    start = text.lstrip()
    if suffix == ".po":
        return _parse_po(text)
    if suffix in (".xlf", ".xliff"):
        return _parse_xliff(data)
    if start.startswith(("<?xml", "<xliff")):
        return _parse_xliff(data)
    if re.search(r"^\s*(msgid|msgctxt)\s", text, re.MULTILINE):
        return _parse_po(text)
    raise ExchangeFormatError(
        _("%(filename)s is neither a PO file nor an XLIFF file.")
        % {"filename": PurePath(filename or "").name or _("The file")}
    )


class _PoText(str):
    """PO text split into lines at "\\n" only.

    polib splits file contents with str.splitlines(), which also breaks at U+2028, U+0085 and
    other characters that are ordinary content inside a PO string.
    """

    def splitlines(self, keepends=False):
        return self.split("\n")


def _duplicate(unit_id, first, second):
    return ExchangeFormatError(
        _("The unit %(unit)s appears twice (%(first)s and %(second)s).")
        % {"unit": unit_id, "first": first, "second": second}
    )


def _parse_po(text):
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
    language = next(
        (value for key, value in po.metadata.items() if key.strip().lower() == "language"), ""
    )
    if not language.strip():
        raise ExchangeFormatError(
            _("The PO file does not declare its language (the Language header is missing).")
        )
    units = []
    seen = {}
    for entry in po:
        if entry.obsolete:
            continue
        location = f"line {max(entry.linenum or 1, 1)}"
        if not entry.msgctxt:
            raise ExchangeFormatError(
                _("The entry at %(location)s has no msgctxt, so it cannot be matched to a unit.")
                % {"location": location}
            )
        if entry.msgctxt in seen:
            raise _duplicate(entry.msgctxt, seen[entry.msgctxt], location)
        seen[entry.msgctxt] = location
        units.append(
            ImportedUnit(
                unit_id=entry.msgctxt,
                source=entry.msgid,
                target="" if "fuzzy" in entry.flags else entry.msgstr,
                rich=RICH_FLAG in entry.flags,
                location=location,
            )
        )
    return _normalise_language(language), units


def _xml_parser():
    return etree.XMLParser(
        encoding="utf-8",
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _describe(element):
    name = etree.QName(element).localname
    ctype = element.get("ctype")
    return f'<{name} ctype="{ctype}">' if ctype else f"<{name}>"


def _unknown_element(unit, element):
    number, unit_id = unit
    return ExchangeFormatError(
        _(
            "The unit %(unit)s (unit %(number)s) contains an inline element that cannot be "
            "turned into HTML: %(element)s."
        )
        % {"unit": unit_id, "number": number, "element": _describe(element)}
    )


def _html_tag(element, ns, strict):
    """The HTML tag an inline code stands for, or None if it is not one we write."""
    if etree.QName(element).namespace != (ns or None):
        return None
    name = etree.QName(element).localname
    ctype = element.get("ctype") or ""
    match = HTML_CTYPE.fullmatch(ctype)
    if name == "g":
        tag = CTYPE_TAGS.get(ctype) or (match and match.group(1))
        if not tag or tag in HTML_VOID_TAGS:
            return None
    elif name == "x":
        tag = "br" if ctype == LINE_BREAK_CTYPE else (match and match.group(1))
        if not tag or tag not in HTML_VOID_TAGS:
            return None
    else:
        return None
    if strict and tag not in ALLOWED_TAGS:
        return None
    return tag


def _html_attributes(element):
    return "".join(
        f' {etree.QName(name).localname}="{escape(value)}"'
        for name, value in element.attrib.items()
        if etree.QName(name).namespace == XHTML_NS
    )


def _inline_html(element, ns, *, strict, unit):
    """HTML for the content of a <source>/<target>/<g> written with inline codes."""
    parts = [escape(element.text or "", quote=False)]
    for child in element:
        if etree.QName(child) == etree.QName(_q("mrk", ns)):
            # Segment and term markers that CAT tools add carry no markup of their own.
            parts.append(_inline_html(child, ns, strict=strict, unit=unit))
        else:
            tag = _html_tag(child, ns, strict)
            if tag is None:
                raise _unknown_element(unit, child)
            attributes = _html_attributes(child)
            if tag in HTML_VOID_TAGS:
                parts.append(f"<{tag}{attributes}/>")
            else:
                inner = _inline_html(child, ns, strict=strict, unit=unit)
                parts.append(f"<{tag}{attributes}>{inner}</{tag}>")
        parts.append(escape(child.tail or "", quote=False))
    return "".join(parts)


def _inline_text(element, ns, unit):
    """The text of a <source>/<target> that holds no inline codes."""
    parts = [element.text or ""]
    for child in element:
        if etree.QName(child) != etree.QName(_q("mrk", ns)):
            raise _unknown_element(unit, child)
        parts.append(_inline_text(child, ns, unit))
        parts.append(child.tail or "")
    return "".join(parts)


def _xml_root(data):
    try:
        root = etree.fromstring(data, _xml_parser())  # hardened parser: no DTD, entities or network
    except etree.XMLSyntaxError as error:
        raise ExchangeFormatError(
            _("The XLIFF file is not well-formed XML (line %(line)s): %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error
    if root.getroottree().docinfo.doctype:
        raise ExchangeFormatError(_("XLIFF files with a DOCTYPE declaration are not accepted."))
    return root


def _parse_xliff(data):
    root = _xml_root(data)
    name = etree.QName(root)
    if name.localname != "xliff":
        raise ExchangeFormatError(
            _("This is not an XLIFF file: its root element is <%(element)s>.")
            % {"element": name.localname}
        )
    ns = name.namespace or ""
    version = root.get("version") or ""
    if ns not in ("", XLIFF_NS) or version != "1.2":
        raise ExchangeFormatError(
            _("Only XLIFF 1.2 files can be imported; this file is version %(version)s.")
            % {"version": version or ns or "?"}
        )
    files = root.findall(_q("file", ns))
    if not files:
        raise ExchangeFormatError(_("The XLIFF file has no <file> element."))
    languages = {_normalise_language(file.get("target-language") or "") for file in files}
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
    number = 0
    for file in files:
        for element in file.iter(_q("trans-unit", ns)):
            number += 1
            units.append(_xliff_imported_unit(element, ns, number, seen))
    return languages.pop(), units


def _xliff_imported_unit(element, ns, number, seen):
    location = f"unit {number}"
    unit_id = element.get("id")
    if not unit_id:
        raise ExchangeFormatError(_("Unit %(number)s has no id.") % {"number": number})
    if unit_id in seen:
        raise _duplicate(unit_id, seen[unit_id], location)
    seen[unit_id] = location
    rich = element.get("datatype") == "html"
    coded = rich and element.get("restype") != ESCAPED_HTML
    unit = (number, unit_id)
    source_element = element.find(_q("source", ns))
    if source_element is None:
        raise ExchangeFormatError(
            _("The unit %(unit)s (unit %(number)s) has no <source>.")
            % {"unit": unit_id, "number": number}
        )
    target_element = element.find(_q("target", ns))

    def text(part, strict):
        if coded:
            return _inline_html(part, ns, strict=strict, unit=unit)
        return _inline_text(part, ns, unit)

    source = text(source_element, strict=False)
    target = ""
    if (
        target_element is not None
        and target_element.get("state") != "needs-translation"
        and "".join(target_element.itertext()).strip()
    ):
        target = text(target_element, strict=True)
    return ImportedUnit(unit_id, source, target, rich, location)


# ---------------------------------------------------------------------------------------------
# Markup


def _unsafe_url(value):
    compact = "".join(character for character in value or "" if character > " ").lower()
    return bool(UNSAFE_URL.match(compact))


class _MarkupCheck(HTMLParser):
    def __init__(self, rich):
        # Text stays as written, so an escaped "&lt;b&gt;" is text, not a malformed tag.
        # (Attribute values are unescaped either way.)
        super().__init__(convert_charrefs=False)
        self.rich = rich
        self.problem = None
        self.open = []

    def fail(self, message):
        if self.problem is None:
            self.problem = message

    def plain_text_tag(self, tag_text):
        self.fail(
            _("Plain text cannot contain HTML tags, but it contains %(tag)s.") % {"tag": tag_text}
        )

    def allowed_tag(self, tag):
        if not TAG_NAME.fullmatch(tag):
            self.fail(_("The text contains a malformed tag."))
            return False
        if tag in UNSAFE_TAGS:
            self.fail(_("The tag <%(tag)s> is unsafe and not allowed.") % {"tag": tag})
            return False
        if tag not in ALLOWED_TAGS:
            self.fail(_("The tag <%(tag)s> is not allowed.") % {"tag": tag})
            return False
        return True

    def check_attribute(self, tag, name, value):
        if name.startswith("on"):
            self.fail(
                _("The attribute %(attribute)s on <%(tag)s> is an event handler and is unsafe.")
                % {"attribute": name, "tag": tag}
            )
        elif tag == "a" and name in LINK_ATTRIBUTES:
            if name == "href" and _unsafe_url(value):
                self.fail(
                    _(
                        "The link %(href)s is unsafe: javascript:, data: and vbscript: are not "
                        "allowed."
                    )
                    % {"href": value}
                )
        elif not (name == BLOCK_KEY_ATTRIBUTE and tag in BLOCK_KEY_TAGS):
            self.fail(
                _("The attribute %(attribute)s is not allowed on <%(tag)s>.")
                % {"attribute": name, "tag": tag}
            )

    def start(self, tag, attrs, self_closing):
        if not self.rich:
            self.plain_text_tag(self.get_starttag_text())
            return
        if not self.allowed_tag(tag):
            return
        for name, value in attrs:
            self.check_attribute(tag, name, value)
        if tag in HTML_VOID_TAGS:
            return
        if self_closing:
            self.fail(_("<%(tag)s/> is not allowed; write <%(tag)s>…</%(tag)s>.") % {"tag": tag})
        self.open.append(tag)

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, self_closing=True)

    def handle_endtag(self, tag):
        if not self.rich:
            self.plain_text_tag(f"</{tag}>")
        elif not self.allowed_tag(tag):
            return
        elif tag in HTML_VOID_TAGS:
            self.fail(_("</%(tag)s> is not a valid closing tag.") % {"tag": tag})
        elif not self.open:
            self.fail(_("</%(tag)s> closes a tag that was never opened.") % {"tag": tag})
        elif self.open[-1] != tag:
            self.fail(
                _("<%(open)s> must be closed before </%(tag)s>.")
                % {"open": self.open[-1], "tag": tag}
            )
            if tag in self.open:
                del self.open[self.open.index(tag) :]
        else:
            self.open.pop()

    def handle_data(self, data):
        if self.rich and re.search(r"<[A-Za-z/!?]", data):
            self.fail(_("The text contains a malformed tag."))

    def other_markup(self):
        if self.rich:
            self.fail(_("Comments and declarations are not allowed in rich text."))
        else:
            self.plain_text_tag(_("an HTML comment or declaration"))

    def handle_comment(self, data):
        self.other_markup()

    def handle_decl(self, decl):
        self.other_markup()

    def handle_pi(self, data):
        self.other_markup()

    def unknown_decl(self, data):
        self.other_markup()


def validate_markup(text: str, rich: bool) -> str | None:
    check = _MarkupCheck(rich)
    check.feed(text or "")
    check.close()
    if check.open:
        check.fail(_("<%(tag)s> is never closed.") % {"tag": check.open[-1]})
    return check.problem
