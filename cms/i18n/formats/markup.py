"""Rich text in exchange files: what HTML a translation may hold, and HTML as inline codes.

XLIFF carries rich text as text and inline codes that CAT tools protect. Each code stands for one
tag of the English, numbered in reading order: the file never holds the HTML of a tag, only its
code id, and the import maps every id back to the English's tag exactly (a link keeps its href,
or its linktype and id). A translation can therefore format and link only where its English
does; a code the English does not have is refused.
"""

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from cms.streams import BLOCK_KEY

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


# ---------------------------------------------------------------------------------------------
# Inline codes


class MarkupError(Exception):
    """Inline codes that do not stand for the English's tags; the message says why."""


@dataclass(frozen=True)
class Code:
    """One tag of the English: `start` and `end` are its HTML exactly as the English writes
    them; `end` is empty for a tag that stands alone (<br/>)."""

    id: str
    tag: str
    start: str
    end: str
    signature: tuple  # the tag and its attributes, random block keys aside


@dataclass(frozen=True)
class Open:
    id: str


@dataclass(frozen=True)
class Close:
    id: str


@dataclass(frozen=True)
class Alone:
    id: str


@dataclass(frozen=True)
class Inline:
    """Rich text as a file carries it: text and the codes (Open, Close, Alone) between."""

    tokens: tuple

    @property
    def text(self):
        return "".join(token for token in self.tokens if isinstance(token, str))

    def html(self, codes):
        """The HTML this stands for, each code replaced by the tag of `codes` with its id."""
        parts = []
        for token in self.tokens:
            if isinstance(token, str):
                parts.append(escape(token, quote=False))
                continue
            code = codes.get(token.id)
            if code is None:
                raise MarkupError(
                    _(
                        "It has an inline code (id %(code)s) that its English does not have: a "
                        "translation may format and link only where its English does."
                    )
                    % {"code": token.id}
                )
            if isinstance(token, Alone) == bool(code.end):
                raise MarkupError(
                    _(
                        "Its inline code %(code)s does not match the English: one code marks "
                        "text in one and stands alone in the other."
                    )
                    % {"code": token.id}
                )
            parts.append(code.end if isinstance(token, Close) else code.start)
        return "".join(parts)


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []

    def handle_starttag(self, tag, attrs):
        alone = tag in HTML_VOID_TAGS
        self.tokens.append(("alone" if alone else "start", tag, attrs, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("alone", tag, attrs, self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag, None, None))

    def handle_data(self, data):
        self.tokens.append(("text", data, None, None))

    def handle_comment(self, data):
        self.tokens.append(("other", data, None, None))

    def handle_decl(self, decl):
        self.tokens.append(("other", decl, None, None))

    def handle_pi(self, data):
        self.tokens.append(("other", data, None, None))

    def unknown_decl(self, data):
        self.tokens.append(("other", data, None, None))


def _tokens(html):
    parser = _Tokens()
    parser.feed(html or "")
    parser.close()
    return parser.tokens


def _signature(kind, tag, attrs):
    return (kind, tag, tuple((name, value) for name, value in attrs if name != BLOCK_KEY_ATTRIBUTE))


def english_codes(html):
    """{id: Code} for every tag of `html`, numbered "1", "2"… in reading order; None when
    `html` holds what inline codes cannot carry (a comment, a tag never closed)."""
    codes, open_tags = {}, []
    for kind, tag, attrs, raw in _tokens(html):
        if kind == "text":
            continue
        if kind in ("start", "alone"):
            code_id = str(len(codes) + 1)
            end = f"</{tag}>" if kind == "start" else ""
            codes[code_id] = Code(code_id, tag, raw, end, _signature(kind, tag, attrs))
            if kind == "start":
                open_tags.append(tag)
        elif kind == "end" and open_tags and open_tags[-1] == tag:
            open_tags.pop()
        else:
            return None
    return None if open_tags else codes


def encode(html, codes):
    """`html` as Inline content using the English's `codes` (each tag takes the next unused
    code of the same tag and attributes), or None when that cannot reproduce `html` (random
    block keys aside): a tag the English does not have, an entity written unusually."""
    unused = {}
    for code in codes.values():
        unused.setdefault(code.signature, []).append(code.id)
    tokens, open_tags = [], []
    for kind, tag, attrs, _raw in _tokens(html):
        if kind == "text":
            if tokens and isinstance(tokens[-1], str):
                tokens[-1] += tag
            else:
                tokens.append(tag)
        elif kind in ("start", "alone"):
            ids = unused.get(_signature(kind, tag, attrs))
            if not ids:
                return None
            code_id = ids.pop(0)
            tokens.append(Open(code_id) if kind == "start" else Alone(code_id))
            if kind == "start":
                open_tags.append((tag, code_id))
        elif kind == "end" and open_tags and open_tags[-1][0] == tag:
            tokens.append(Close(open_tags.pop()[1]))
        else:
            return None
    if open_tags:
        return None
    inline = Inline(tuple(tokens))
    if BLOCK_KEY.sub("", inline.html(codes)) != BLOCK_KEY.sub("", html or ""):
        return None
    return inline


def encode_pair(source, target):
    """(codes, source, target): the English's codes and both texts as Inline over them; None
    when the rich text cannot travel as inline codes that read back as the same HTML."""
    codes = english_codes(source)
    if codes is None:
        return None
    coded = [encode(text, codes) for text in (source, target)]
    return None if None in coded else (codes, *coded)


# ---------------------------------------------------------------------------------------------
# What a translation may hold


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
