"""Parse a plain-text wiki article export (English or Simplified Chinese) into guide content.

The export is a line layout, not strict Markdown:

    Relationship Communication Wiki              <- wiki name (optional)
    Series Name-122: Title                       <- heading ("系列-122：标题" in Chinese)
    One-line summary
    Take the relationship test / its text line   <- quiz box
    Subtitle line
    I. Problem Scenario … (sections, "### " subsections, "**bold**" labels, "- " lists)
    ---  /  *italic references line*
    Explore your own … / text / Start the test   <- closing call to action

`decode_source` turns the uploaded bytes into text; `parse_article` turns the text into a
`ParsedArticle` whose `body` uses the value schema of `guides.blocks.GuideBodyBlock`. Problems
that make the file unusable raise `ArticleError` with the line; anything skipped or guessed is
reported in `ParsedArticle.notes`, and section labels in the other language also in
`ParsedArticle.label_faults`. Messages are translated (Django's `gettext`, in the active
language at parse time); no database.

Text is never left with a cut word: a summary cut off with "…" keeps its whole sentences
(`whole_sentences`), and the excerpts quoted in notes are cut between words.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cms.i18n.every_language import in_every_language

# What ends a sentence (and the quotes or brackets that may close it), and what an ellipsis is,
# are defined once, by the content checks that judge the imported text.
from guides.content_checks import CLOSING_QUOTES as _SENTENCE_CLOSERS
from guides.content_checks import ELLIPSES, ends_with_ellipsis
from guides.content_checks import SENTENCE_END as _SENTENCE_MARKS

LANGUAGES = ("en", "zh-hans")


class ArticleError(Exception):
    """A problem in a source file, with the 1-based line it is on (None if not about a line)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.source = ""  # file name, set by decode_source when the caller gives one

    def __str__(self) -> str:
        if self.line is not None:
            return _line_prefixed(self.line, self.message)
        return self.message


def _line_prefixed(line: int, message: str) -> str:
    # Translators: a message about one line of an imported file, e.g. "line 3: the text is …".
    return _("line %(line)s: %(message)s") % {"line": line, "message": message}


@dataclass
class ParsedArticle:
    language: str
    series_name: str
    number: int
    title: str
    summary: str
    subtitle: str
    quiz: dict | None
    closing_cta: dict | None
    body: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The same notes in every interface language: [{language code: note}], for the page history.
    notes_in_every_language: list[dict] = field(default_factory=list)
    # (line, label) of each section label written in the other language of the article.
    label_faults: list[tuple[int, str]] = field(default_factory=list)


# --- decoding -------------------------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13} | {127})
_BINARY_CONTROL_RATIO = 0.30


def decode_source(data: bytes, source: str = "") -> str:
    """Decode an uploaded export: UTF-8 (BOM allowed and stripped), line endings made "\\n"."""
    try:
        return _decode(data)
    except ArticleError as error:
        error.source = source
        raise


def _decode(data: bytes) -> str:
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    if not data.strip():
        raise ArticleError(_("the file is empty"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 is full of NUL bytes; say what it is rather than calling it binary.
        raise ArticleError(_("the text is UTF-16, not UTF-8: save the export as UTF-8"))
    controls = sum(1 for byte in data if byte in _CONTROL_BYTES)
    if b"\x00" in data or controls > len(data) * _BINARY_CONTROL_RATIO:
        raise ArticleError(_("the file is binary, not a text export"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        # The line goes in front of the message ("line 3: …"), so the message names the column.
        raise ArticleError(
            _("the text is not UTF-8 (invalid byte %(byte)s at column %(column)s)")
            % {"byte": f"0x{data[error.start]:02x}", "column": column},
            line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- patterns ---------------------------------------------------------------------------------

_CJK = r"\u3400-\u9fff"
_CN_DIGITS = "零一二两三四五六七八九十"
_EN_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
).split()

_WIKI_NAMES = {"relationship communication wiki", "关系沟通百科"}
_QUIZ_HEADINGS = {"take the relationship test", "参加关系测试"}
_BUTTON_LABELS = {"start the test", "take the test", "开始测试"}

_TITLE = re.compile(
    r"^(?:#{1,6}\s*)?(?P<series>\S.*?)\s*[-–—－]\s*(?P<number>\d+)\s*[:：]\s*(?P<title>\S.*)$"
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_ITALIC_LINE = re.compile(r"^\*(?!\*)(.+?)(?<!\*)\*$")
_REFERENCES_LEAD = re.compile(r"^\*(?:this article|the article|本文)", re.IGNORECASE)

# "I. ", "IV. ", "Four: ", "Part 3: ", "一、", "第四部分：", "（一）" before a section label.
_SECTION_NUMBER = re.compile(
    r"^(?:(?:(?:part|section|chapter)\s+)?(?:[ivxlc]+|\d+|"
    + "|".join(_EN_NUMBER_WORDS)
    + r")\s*[.:：、)）]\s*"
    + rf"|第?[{_CN_DIGITS}百\d]+\s*(?:部分|章|节)?\s*[、.．:：]\s*"
    + rf"|[(（][{_CN_DIGITS}\d]+[)）]\s*)",
    re.IGNORECASE,
)
# Section labels, matched on their text (numbering stripped), never on their position or count.
_SECTION_LABELS = [
    ("scenario", r"problem\s+scenarios?|问题场景|问题情境"),
    ("concepts", r"core\s+concepts?|key\s+concepts|核心概念"),
    ("pathway", r"(?:practical\s+guide(?:lines|s)?|实践指南)(?:\s*[:：].*)?"),
    ("cases", r"(?:case\s+examples?|case\s+studies|案例示例|案例分析|案例)(?:\s*[:：].*)?"),
    ("summary", r"summary|conclusion|总结|小结"),
    ("copy", r"phrases\s+you\s+can\s+copy(?:\s+directly)?|copy-?ready\s+phrases|可以?直接复制的话"),
    ("faq", r"frequently\s+asked\s+questions|faqs?|常见问题(?:解答)?"),
    (
        "spotlight",
        r"(?:theory\s+|researcher\s+|research\s+|study\s+)?spotlight|研究者?聚焦|理论聚焦",
    ),
]
_SECTION_PATTERNS = [
    (kind, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for kind, pattern in _SECTION_LABELS
]
_MAX_LABEL_LENGTH = 80

_SUBSECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+|[(（][一二三四五六七八九十\d]+[)）]\s*)")
_MECHANISM = re.compile(
    rf"^\*\*\s*(?:mechanism\s+(?:\d+|[a-z]+)|机制\s*[{_CN_DIGITS}\d]+)\s*[:：.]\s*(?P<name>.+?)"
    r"\s*\*\*\s*[.。:：]?\s*(?P<text>.*)$",
    re.IGNORECASE,
)

_STEP = re.compile(
    r"^(?:(?:step|stage|phase)\s+(?P<en>\d+|" + "|".join(_EN_NUMBER_WORDS) + r")\s*[:：.\-–—]"
    rf"|第\s*(?P<zh>[\d{_CN_DIGITS}]+)\s*(?:步|阶段)\s*[:：、.]?)\s*(?P<title>.+)$",
    re.IGNORECASE,
)
_TRAILING_PARENS = re.compile(r"\s*[(（]\s*(?P<inner>[^()（）]*?)\s*[)）]\s*$")
_DASH = r"(?:-|–|—|~|～|to|至|到)"
_DAY_RANGE = [
    re.compile(
        rf"^(?:(?:recommended|suggested)\s+)?days?\s*(?P<a>\d+)\s*{_DASH}\s*(?:day\s*)?(?P<b>\d+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:(?:recommended|suggested)\s+)?day\s*(?P<a>\d+)$", re.IGNORECASE),
    re.compile(rf"^(?:建议)?\s*第?\s*(?P<a>\d+)\s*天?\s*{_DASH}\s*第?\s*(?P<b>\d+)\s*天$"),
    re.compile(r"^(?:建议)?\s*第\s*(?P<a>\d+)\s*天$"),
]
_ACTIONS_LABEL = re.compile(
    r"^\*{0,2}\s*(?:specific\s+actions|actions|具体行动|行动)\s*[:：]?\s*\*{0,2}\s*[:：]?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-*•·]\s+)(?P<text>.+)$")
_SAFETY = re.compile(
    r"^\*{0,2}(?:(?:safety(?:\s+note)?|note)\b|注意|安全提示)(?:\s*\*{0,2}\s*[:：]\s*\*{0,2}\s*)?",
    re.IGNORECASE,
)

_EXAMPLE_HEADING = re.compile(
    r"^(?:(?:case\s+)?(?:example|study)|case)\s+(?:\d+|"
    + "|".join(_EN_NUMBER_WORDS)
    + rf")\s*[:：.]\s*(?P<title>.+)$|^案例\s*[{_CN_DIGITS}\d]+\s*[:：、.]\s*(?P<zh>.+)$",
    re.IGNORECASE,
)
_APPROACH = re.compile(r"^\*{0,2}(?:approach|方法)\s*\*{0,2}\s*[:：]\s*\*{0,2}\s*", re.IGNORECASE)

_INSIGHTS_LABEL = re.compile(
    r"^\*{0,2}\s*(?:key\s+insights?|key\s+takeaways|核心洞见|关键洞见)\s*[:：]?\s*\*{0,2}\s*[:：]?$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(?:\d+\s*[.、)）]|[-*•]\s)\s*(?P<text>.+)$")

# Common Chinese surnames: a Chinese name is only guessed when it starts with one.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋"
)
_ZH_NAME = rf"[{_CJK}]+?(?:·[{_CJK}]+?)+|[{_SURNAMES}][{_CJK}]{{1,2}}?"
_EN_NAME_WORD = r"[A-Z][a-z’'\-]+"
_NOT_NAMES = set(
    "A An And As At After Although Before Both But During Each Every For From He Her His How I If "
    "In It Its Many Most My On One Our Over She Since Some That The Their These They This Those "
    "Today Two We What When Where While Why With You Your".split()
)

_EN_PERSONA = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?P<name>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}})"
    r"(?:\s+is|,)\s+an?\s+(?P<age>\d{1,3})[-\s]year[-\s]old\s+(?P<role>.+?)"
    r"(?=\s+(?:who|that|which|with|whose|and|living|working|from|in|at)\b|[,.;:!?—–(\"“]|$)"
)
_ZH_AGE = rf"(?P<age>\d{{1,3}}|[{_CN_DIGITS}]{{1,4}})"
_ZH_PERSONA = [
    # 刘敏是一位35岁的咨询师 / 一名 / 一个
    re.compile(
        rf"(?:^|(?<=[。！？]))(?P<name>[{_CJK}·]{{2,6}}?)是(?:一位|一名|一个)"
        rf"{_ZH_AGE}岁的(?P<role>[^，,。；;、“”\"]+)"
    ),
    # 何嘉今年三十三岁，是一名急诊科护士 / 刘敏，35岁，咨询师
    re.compile(
        rf"(?:^|(?<=[。！？]))(?P<name>[{_CJK}·]{{2,6}}?)[，,]?\s*(?:今年)?{_ZH_AGE}岁[，,]\s*"
        r"(?:是)?(?:一位|一名|一个)?(?P<role>[^，,。；;、“”\"]+)"
    ),
]
_QUOTATION = re.compile(r"“([^”]+)”|\"([^\"]+)\"|「([^」]+)」")

_EN_CASE_PERSON = re.compile(
    rf"^(?P<name>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}}"
    rf"(?:\s+and\s+{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}})?)"
    r"(?=\s+(?:often|always|usually|never|had|has|have|was|were|is|are|would|could|kept|felt|"
    r"came|began|found|grew|met|lived|worked|[a-z]+ed)\b)"
)
_ZH_CASE_PERSON = re.compile(rf"^(?P<name>[{_SURNAMES}][{_CJK}]{{1,2}}?)(?=[有在是总每和])")

_EN_POSSESSIVE = re.compile(
    r"^(?P<name>(?:[A-Z][\w.’'\-]*|van|von|de|der|da|di|du|le|la)"
    r"(?:\s+(?:[A-Z][\w.’'\-]*|van|von|de|der|da|di|du|le|la|and|&)){0,4})['’]s\s+(?P<rest>.+)$"
)
_ZH_POSSESSIVE = re.compile(rf"^(?P<name>{_ZH_NAME})的(?P<rest>.+)$")
_THEORY_WORDS = re.compile(r"\b(?:theory|theories|model|framework|hypothesis)\b|理论|模型", re.I)
_STUDY_WORDS = re.compile(r"\b(?:study|studies|experiment|trial)\b|实验", re.I)

_REFERENCE_GROUP = re.compile(r"(?P<topic>[^()（）]*?)\s*[(（](?P<names>[^()（）]*)[)）]")
_REFERENCE_LEAD_IN = re.compile(
    r"^(?:(?:this|the)\s+article\s+)?(?:integrates|draws\s+(?:on|from)|builds\s+on|is\s+based\s+on"
    r"|combines|summari[sz]es)\s+(?:(?:findings|research|insights|ideas|work)\s+)?(?:from\s+|on\s+)?"
    r"|^本文(?:整合|综合|参考|借鉴|结合)了?(?:来自)?",
    re.IGNORECASE,
)
_REFERENCE_JOINER = re.compile(r"^(?:and|or|as\s+well\s+as|plus|以及|及|和|与)\s*", re.I)
_REFERENCE_PREPOSITION = re.compile(r"^(?:on|from)\s+", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:[,，、;；&]|\band\b|和|与)\s*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)[a-z]?\b")

_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘'(])|[。！？][”’」』）)]*(?=\S)")
_ENDS_SENTENCE = re.compile(r"[.!?。！？…:：;；\"”’'）)\]」』»]$")
_CUT_OFF_MIN_LENGTH = 40
# A cut-off summary is completed from the article only when this much of it matches.
_COMPLETE_MIN_LENGTH = 20
_LONG_PHRASE = 300
_QUOTE_PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’", "「": "」", "『": "』"}


# --- small helpers ----------------------------------------------------------------------------


@dataclass
class _Para:
    """Consecutive non-empty lines; headings and rules are always paragraphs of their own."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        joined = self.lines[0]
        for line in self.lines[1:]:
            cjk_join = re.match(rf"[{_CJK}]", line) and re.search(rf"[{_CJK}，。]$", joined)
            joined += line if cjk_join else " " + line
        return joined


@dataclass
class _Section:
    kind: str  # one of the _SECTION_LABELS kinds, or "rule" for the part after "---"
    label: str  # the label as written, without its numbering
    line: int
    paras: list[_Para] = field(default_factory=list)


def _clean(text: str) -> str:
    """Drop markdown bold markers, keep everything else."""
    return re.sub(r"\*\*(.*?)\*\*", r"\1", text).replace("**", "").strip()


def _html(texts: list[str]) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts if text)


def _excerpt(text: str, length: int = 60) -> str:
    """`text` on one line; if longer than `length`, cut between words and marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = _word_boundary(text, length - 1, backwards=True)
    return text[:cut].rstrip(" ,，、;；:：") + "…"


def _tail(text: str, length: int = 30) -> str:
    """The last words of `text` on one line, about `length` characters, never starting mid-word."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[_word_boundary(text, len(text) - length, backwards=False) :].lstrip()


# A letter or digit of a script written with spaces, or an apostrophe or hyphen inside a word.
_WORD_CHAR = re.compile(rf"[^\W{_CJK}_]|['’\-]")


def _word_boundary(text: str, at: int, backwards: bool) -> int:
    """The nearest place at or before (or after) `at` that is not inside a word; `at` itself when
    the whole stretch is one word. Chinese characters are words of their own."""
    step = -1 if backwards else 1
    index = at
    while (
        0 < index < len(text)
        and _WORD_CHAR.match(text[index - 1])
        and _WORD_CHAR.match(text[index])
    ):
        index += step
    return index if 0 < index < len(text) else at


# --- whole sentences --------------------------------------------------------------------------

_ELLIPSIS_CHARS = re.escape("".join(sorted(set("".join(ELLIPSES)))))
_WIDE_MARKS = "".join(c for c in _SENTENCE_MARKS if unicodedata.east_asian_width(c) in "WF")
# The end of a full sentence: a mark that is not part of an ellipsis, with any closing quotes or
# brackets, then a space or the end of the text; a Chinese mark needs no space after it.
_MARKS, _CLOSERS_RE = re.escape(_SENTENCE_MARKS), re.escape(_SENTENCE_CLOSERS)
_SENTENCE_END = re.compile(
    rf"(?<![{_ELLIPSIS_CHARS}])"
    rf"(?:[{_WIDE_MARKS}][{_CLOSERS_RE}]*(?![{_MARKS}])|[{_MARKS}][{_CLOSERS_RE}]*(?=\s|$))"
)
# A full stop after one of these ends an abbreviation or an initial, not a sentence.
_ABBREVIATION = re.compile(r"(?:^|[^\w.])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|cf|e\.g|i\.e)$")


def _sentence_ends(text: str) -> list[int]:
    """Where each full sentence of `text` ends (after its mark and closing quotes)."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text, 0, match.start()):
            continue
        ends.append(match.end())
    return ends


def _before_trailing_ellipsis(text: str) -> str:
    """`text` without the ellipsis it ends in (and the spaces or closing quotes after it)."""
    text = text.rstrip()
    while text:
        bare = text.rstrip(_SENTENCE_CLOSERS + " \t\n\xa0")
        mark = next((mark for mark in ELLIPSES if bare.endswith(mark)), None)
        if mark is None:
            break
        text = bare[: -len(mark)].rstrip()
    return text


def whole_sentences(text: str) -> str:
    """`text` up to the end of its last full sentence (a sentence ends in . ! ? 。！？ and any
    closing quotes or brackets), leaving out a trailing ellipsis and the words cut off before
    it; "" when there is no full sentence."""
    text = _before_trailing_ellipsis(text)
    ends = _sentence_ends(text)
    return text[: ends[-1]].strip() if ends else ""


def _completed_sentence(cut: str, paragraphs: list[tuple[int, str]]) -> tuple[int, str] | None:
    """A sentence of the article that starts with the cut-off text `cut` (a verbatim match, at the
    start of a paragraph or of a sentence), to the end of that sentence: (its line, sentence)."""
    cut = " ".join(cut.split())
    if len(cut) < _COMPLETE_MIN_LENGTH:
        return None
    for line, paragraph in paragraphs:
        text = " ".join(paragraph.split())
        start = text.find(cut)
        while start != -1:
            before = text[:start].rstrip()
            if not before or len(before) in _sentence_ends(before):
                end = next((e for e in _sentence_ends(text[start:]) if e >= len(cut)), None)
                if end is not None:
                    return line, text[start : start + end]
            start = text.find(cut, start + 1)
    return None


def _has_cjk(text: str) -> bool:
    return re.search(rf"[{_CJK}]", text) is not None


def _heading_text(para: _Para) -> str | None:
    """The text of a "### …" paragraph, or None."""
    if len(para.lines) != 1:
        return None
    match = _MD_HEADING.match(para.lines[0])
    return match.group(2).strip() if match else None


def _cn_number(text: str) -> int | None:
    """'3' -> 3, '三十三' -> 33, '十' -> 10, '两' -> 2 (up to 99)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" in text:
        tens, _ten, ones = text.partition("十")
        if (tens and tens not in digits) or (ones and ones not in digits):
            return None
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    return digits.get(text) if len(text) == 1 else None


def _word_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    lowered = text.lower()
    if lowered in _EN_NUMBER_WORDS:
        return _EN_NUMBER_WORDS.index(lowered) + 1
    return _cn_number(text)


def _split_first_sentence(text: str) -> tuple[str, str]:
    match = _SENTENCE_BREAK.search(text)
    if not match or match.end() >= len(text):
        return text, ""
    return text[: match.end()].strip(), text[match.end() :].strip()


def _strip_quotes(text: str) -> str:
    text = text.strip().rstrip(",，").strip()
    if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


def _find_persona(text: str) -> dict | None:
    match = _EN_PERSONA.search(text)
    if match and match.group("name").split()[0] not in _NOT_NAMES:
        return {
            "name": match.group("name"),
            "age": int(match.group("age")),
            "role": match.group("role").strip(),
        }
    for pattern in _ZH_PERSONA:
        match = pattern.search(text)
        if match:
            return {
                "name": match.group("name"),
                "age": _cn_number(match.group("age")),
                "role": match.group("role").strip(),
            }
    return None


# --- the parser -------------------------------------------------------------------------------


def parse_article(text: str, language: str) -> ParsedArticle:
    """Parse a decoded export. Raises ValueError for an unknown language, ArticleError for a
    file that cannot become a guide."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    article = _ArticleParser(lines, language).parse()
    if article.notes:  # parsing is deterministic: the notes come out in the same order
        by_language = in_every_language(lambda: _ArticleParser(lines, language).parse().notes)
        article.notes_in_every_language = [
            {code: notes[index] for code, notes in by_language.items()}
            for index in range(len(article.notes))
        ]
    return article


class _ArticleParser:
    def __init__(self, lines: list[str], language: str):
        self.lines = lines
        self.language = language
        self.notes: list[tuple[int, str]] = []  # (line or 0, sentence), sorted by line at the end
        self.label_faults: list[tuple[int, str]] = []  # (line, label in the other language)
        self.body: list[dict] = []

    def note(self, line: int | None, message: str) -> None:
        """Record a translated message; the line, when known, is put in front of it."""
        self.notes.append((line or 0, _line_prefixed(line, message) if line else message))

    def skipped(self, para: _Para, where: str = "") -> None:
        """Note skipped text; `where` is an already translated phrase such as "after the
        references"."""
        text = _excerpt(para.text)
        if where:
            # Translators: %(where)s is a phrase like "before the first section".
            message = _("skipped unrecognised text %(where)s '%(text)s'") % {
                "where": where,
                "text": text,
            }
        else:
            message = _("skipped unrecognised text '%(text)s'") % {"text": text}
        self.note(para.line, message)

    def add(self, kind: str, value: dict, line: int) -> None:
        self.body.append({"type": kind, "value": value, "line": line})

    def check_complete(self, para: _Para) -> None:
        """Flag prose that stops mid-sentence: exports sometimes cut paragraphs off."""
        text = _clean(para.text)
        if len(text) >= _CUT_OFF_MIN_LENGTH and not _ENDS_SENTENCE.search(text):
            self.note(
                para.line,
                _(
                    "the paragraph ends mid-sentence ('…%(end)s'): it may be cut off in the "
                    "export; kept as written"
                )
                % {"end": _tail(text)},
            )

    def prose(self, paras: list[_Para]) -> list[str]:
        for para in paras:
            self.check_complete(para)
        return [_clean(para.text) for para in paras]

    # -- top and bottom of the file --

    def parse(self) -> ParsedArticle:
        filled = [(i + 1, line.strip()) for i, line in enumerate(self.lines) if line.strip()]
        closing_cta, body_end = self.parse_closing_cta(filled)
        header = self.parse_header(filled)
        body_start = header.pop("next_line")
        summary_line = header.pop("summary_line")
        if body_start is not None and body_start < body_end:
            self.parse_body(body_start, body_end)
        if summary_line is not None and ends_with_ellipsis(header["summary"]):
            later = self.tokenize(summary_line + 1, len(self.lines) + 1)
            header["summary"] = self.whole_summary(summary_line, header["summary"], later)
        return ParsedArticle(
            language=self.language,
            closing_cta=closing_cta,
            body=self.body,
            notes=[text for _line, text in sorted(self.notes, key=lambda note: note[0])],
            label_faults=list(self.label_faults),
            **header,
        )

    def parse_closing_cta(self, filled: list[tuple[int, str]]) -> tuple[dict | None, int]:
        """The last three non-empty lines, when the last is a button label."""
        if len(filled) >= 4 and filled[-1][1].casefold() in _BUTTON_LABELS:
            (line, heading), (_text_line, text), (_button_line, button) = filled[-3:]
            return {"heading": heading, "text": text, "button_label": button}, line
        self.note(
            None, _("no closing call to action (the file does not end with 'Start the test')")
        )
        return None, len(self.lines) + 1

    def parse_header(self, filled: list[tuple[int, str]]) -> dict:
        first_lines = filled[:5]
        index = next(
            (i for i, (_line, text) in enumerate(first_lines) if _TITLE.match(text)),
            None,
        )
        if index is None:
            if not filled:
                expected = 1
            elif self.looks_like_wiki_name(filled[0][1]):
                expected = filled[1][0] if len(filled) > 1 else 1
            else:
                expected = filled[0][0]
            raise ArticleError(
                _("no recognisable title: expected a line like 'Series Name-122: Title'"),
                expected,
            )
        for position, (line, text) in enumerate(filled[:index]):
            if position == 0 and self.looks_like_wiki_name(text):
                continue
            if position == 0:
                self.note(line, _("took '%(text)s' as the wiki name") % {"text": _excerpt(text)})
            else:
                self.note(
                    line,
                    _("skipped unrecognised text before the title '%(text)s'")
                    % {"text": _excerpt(text)},
                )

        line, text = filled[index]
        match = _TITLE.match(text)
        title = match.group("title").strip()
        if self.language == "en" and _has_cjk(title):
            self.note(line, _("the title is in Chinese but the article was imported as English"))
        if self.language == "zh-hans" and not _has_cjk(title):
            self.note(
                line, _("the title has no Chinese text but the article was imported as Chinese")
            )
        header = {
            "series_name": match.group("series").strip(),
            "number": int(match.group("number")),
            "title": title,
            "summary": "",
            "summary_line": None,
            "subtitle": "",
            "quiz": None,
        }
        rest = filled[index + 1 :]

        def take(accept) -> tuple[int, str] | None:
            if rest and accept(rest[0][1]):
                return rest.pop(0)
            return None

        is_quiz = self.is_quiz_heading
        plain = self.is_plain_top_line
        summary = take(lambda text: plain(text) and not is_quiz(text))
        if summary:
            header["summary_line"], header["summary"] = summary
        else:
            self.note(line, _("no summary line after the title"))
        quiz = take(is_quiz)
        if quiz:
            quiz_text = take(plain)
            header["quiz"] = {"heading": quiz[1], "text": quiz_text[1] if quiz_text else ""}
        else:
            self.note(None, _("no quiz box ('Take the relationship test') after the summary"))
        subtitle = take(plain)
        if subtitle:
            header["subtitle"] = subtitle[1]
        header["next_line"] = rest[0][0] if rest else None
        return header

    def whole_summary(self, line: int, summary: str, later: list[_Para]) -> str:
        """The summary to write for one cut off with an ellipsis (a guide's may not end in one),
        noted once with what was done: its whole sentences; else its only sentence completed from
        the article, where the export has it in full; else its words as written, flagged."""
        kept = whole_sentences(summary)
        if kept:
            left_out = summary.strip()[len(kept) :].strip()
            if _before_trailing_ellipsis(left_out):
                message = _(
                    "the summary is cut off with an ellipsis (…) in the middle of a sentence; "
                    "kept it up to its last full sentence and left out '%(left_out)s'"
                ) % {"left_out": _excerpt(left_out)}
            else:
                message = _(
                    "the summary ends in an ellipsis (…) after its last full sentence; "
                    "left out the ellipsis"
                )
            self.note(line, message)
            return kept
        cut = _before_trailing_ellipsis(summary)
        found = _completed_sentence(cut, [(para.line, _clean(para.text)) for para in later])
        if found:
            source_line, sentence = found
            self.note(
                line,
                _(
                    "the summary is cut off with an ellipsis (…) in the middle of its only "
                    "sentence; completed that sentence from line %(line)s, where the export has "
                    "it in full"
                )
                % {"line": source_line},
            )
            return sentence
        self.note(
            line,
            _(
                "the summary is cut off with an ellipsis (…) and has no full sentence to keep; "
                "kept its words as written without the ellipsis, which a summary may not end "
                "in: finish the sentence in the admin"
            ),
        )
        return cut

    def looks_like_wiki_name(self, text: str) -> bool:
        return text.casefold() in _WIKI_NAMES or text.endswith(("Wiki", "wiki", "百科"))

    def is_quiz_heading(self, text: str) -> bool:
        return text.casefold() in _QUIZ_HEADINGS or bool(
            re.match(r"^(?:take the .*test|参加.*测试)$", text, re.IGNORECASE)
        )

    def is_plain_top_line(self, text: str) -> bool:
        """A top line that is neither a section label nor a heading."""
        para = _Para(0, [text])
        return self.section_label(para) is None and _heading_text(para) is None

    # -- sections --

    def section_label(self, para: _Para) -> tuple[str, str] | None:
        if len(para.lines) != 1:
            return None
        text = para.lines[0]
        heading = _MD_HEADING.match(text)
        if heading:
            if len(heading.group(1)) > 2:  # "### …" is a subsection, never a section
                return None
            text = heading.group(2).strip()
        label = _clean(_SECTION_NUMBER.sub("", text, count=1)).strip()
        if not label or len(label) > _MAX_LABEL_LENGTH:
            return None
        for kind, pattern in _SECTION_PATTERNS:
            if pattern.match(label):
                return kind, label
        return None

    def parse_body(self, start_line: int, end_line: int) -> None:
        sections: list[_Section] = []
        preamble: list[_Para] = []
        for para in self.tokenize(start_line, end_line):
            found = self.section_label(para)
            if found:
                kind, label = found
                if self.language == "en" and _has_cjk(label):
                    self.label_faults.append((para.line, label))
                    self.note(
                        para.line,
                        _("the section label '%(label)s' is Chinese in an English article")
                        % {"label": label},
                    )
                if self.language == "zh-hans" and not _has_cjk(label):
                    self.label_faults.append((para.line, label))
                    self.note(
                        para.line,
                        _("the section label '%(label)s' is English in a Chinese article")
                        % {"label": label},
                    )
                sections.append(_Section(kind, label, para.line))
            elif _RULE.match(para.lines[0]) and len(para.lines) == 1:
                sections.append(_Section("rule", "", para.line))
            elif _REFERENCES_LEAD.match(para.text) and not (
                sections and sections[-1].kind == "rule"
            ):
                sections.append(_Section("rule", "", para.line, [para]))
            elif sections:
                sections[-1].paras.append(para)
            else:
                preamble.append(para)
        for para in preamble:
            self.skipped(para, _("before the first section"))
        for section in sections:
            getattr(self, f"parse_{section.kind}")(section)

    def tokenize(self, start_line: int, end_line: int) -> list[_Para]:
        paras: list[_Para] = []
        current: _Para | None = None
        for number in range(start_line, end_line):
            text = self.lines[number - 1].strip()
            if not text:
                current = None
            elif _MD_HEADING.match(text) or _RULE.match(text):
                paras.append(_Para(number, [text]))
                current = None
            elif current is None:
                current = _Para(number, [text])
                paras.append(current)
            else:
                current.lines.append(text)
        return paras

    def subsections(self, section: _Section) -> tuple[list[_Para], list[tuple[_Para, str, list]]]:
        """Split a section at "### " headings: (paragraphs before the first, [(heading para,
        heading text, paragraphs)])."""
        lead: list[_Para] = []
        subs: list[tuple[_Para, str, list]] = []
        for para in section.paras:
            heading = _heading_text(para)
            if heading is not None:
                subs.append((para, _clean(heading), []))
            elif subs:
                subs[-1][2].append(para)
            else:
                lead.append(para)
        return lead, subs

    def lead_as_section(self, section: _Section, lead: list[_Para]) -> None:
        """Paragraphs that open a section before its first subsection: kept as a section block."""
        if lead:
            self.note(
                lead[0].line,
                _("kept the text that opens '%(label)s' as a section") % {"label": section.label},
            )
            self.add(
                "section", {"heading": section.label, "body": _html(self.prose(lead))}, lead[0].line
            )

    # -- I. Problem scenario --

    def parse_scenario(self, section: _Section) -> None:
        paras = []
        for para in section.paras:
            if _heading_text(para) is not None:
                self.note(
                    para.line,
                    _("kept the heading '%(heading)s' as scenario text")
                    % {"heading": _heading_text(para)},
                )
            paras.append(para)
        persona = {"name": "", "age": None, "role": ""}
        quote = ""
        for para in paras:
            found = _find_persona(_clean(para.text))
            if found:
                persona = found
                quotes = [next(g for g in m.groups() if g) for m in _QUOTATION.finditer(para.text)]
                quote = " ".join(q.strip() for q in quotes)
                if persona["age"] is not None and not 12 <= persona["age"] <= 100:
                    self.note(
                        para.line,
                        _("the persona's age %(age)s is outside 12-100") % {"age": persona["age"]},
                    )
                break
        else:
            self.note(
                section.line, _("no persona sentence (like 'X is a 35-year-old …') in the scenario")
            )
        value = {
            "heading": section.label,
            "narrative": _html(self.prose(paras)),
            "persona": persona,
            "quote": quote,
        }
        self.add("scenario", value, section.line)

    # -- II. Core concepts --

    def parse_concepts(self, section: _Section) -> None:
        lead, subs = self.subsections(section)
        self.lead_as_section(section, lead)
        for heading_para, heading, paras in subs:
            heading = _SUBSECTION_NUMBER.sub("", heading, count=1).strip()
            items, intro = [], []
            for para in paras:
                match = _MECHANISM.match(para.text)
                if match:
                    self.check_complete(para)
                    name = match.group("name").strip().rstrip(".。:：").strip()
                    items.append({"name": name, "description": _clean(match.group("text"))})
                else:
                    intro.append(para)
            if items:
                value = {
                    "heading": heading,
                    "intro": "\n\n".join(self.prose(intro)),
                    "items": items,
                }
                self.add("mechanisms", value, heading_para.line)
            else:
                value = {"heading": heading, "body": _html(self.prose(paras))}
                self.add("section", value, heading_para.line)

    # -- III. Practical guidelines --

    def parse_pathway(self, section: _Section) -> None:
        lead, subs = self.subsections(section)
        steps = []
        for heading_para, heading, paras in subs:
            match = _STEP.match(heading)
            if not match:
                self.note(
                    heading_para.line,
                    _("skipped a heading that is not a step '%(heading)s'") % {"heading": heading},
                )
                # Translators: completes "skipped unrecognised text %(where)s '…'".
                under = _("under '%(heading)s'") % {"heading": _excerpt(heading, 40)}
                for para in paras:
                    self.skipped(para, under)
                continue
            number = _word_number(match.group("en") or match.group("zh")) or len(steps) + 1
            steps.append(self.parse_step(heading_para.line, number, match.group("title"), paras))
        if not steps:
            self.note(
                section.line,
                _("'%(label)s' has no steps; kept its text as a section")
                % {"label": section.label},
            )
            self.add(
                "section", {"heading": section.label, "body": _html(self.prose(lead))}, section.line
            )
            return
        for previous, step in zip(steps, steps[1:], strict=False):
            if (
                None not in (previous["day_to"], step["day_from"])
                and step["day_from"] <= previous["day_to"]
            ):
                self.note(
                    section.line,
                    _(
                        "step '%(title)s' starts on day %(day)s, which overlaps the step before "
                        "it (days %(start)s-%(end)s)"
                    )
                    % {
                        "title": step["title"],
                        "day": step["day_from"],
                        "start": previous["day_from"],
                        "end": previous["day_to"],
                    },
                )
        intro = "\n\n".join(self.prose(lead))
        self.add(
            "pathway", {"heading": section.label, "intro": intro, "steps": steps}, section.line
        )

    def parse_step(self, line: int, number: int, title: str, paras: list[_Para]) -> dict:
        title = _clean(title)
        day_from = day_to = None
        parens = _TRAILING_PARENS.search(title)
        if parens:
            for pattern in _DAY_RANGE:
                days = pattern.match(parens.group("inner"))
                if days:
                    day_from = int(days.group("a"))
                    day_to = int(days.groupdict().get("b") or day_from)
                    title = title[: parens.start()].strip()
                    break
        if day_from is None:
            self.note(
                line,
                _("step %(step)s '%(title)s' has no recommended day range")
                % {"step": number, "title": title},
            )
        elif day_from > day_to:
            raise ArticleError(
                _("step %(step)s '%(title)s': day range %(start)s-%(end)s runs backwards")
                % {"step": number, "title": title, "start": day_from, "end": day_to},
                line,
            )

        before: list[_Para] = []
        actions: list[str] = []
        after: list[_Para] = []
        in_list = False
        for para in paras:
            lines = list(para.lines)
            if not actions and _ACTIONS_LABEL.match(lines[0]):
                in_list = True
                lines = lines[1:]
                if not lines:
                    continue
            if (in_list or not actions) and _LIST_ITEM.match(lines[0]) and not after:
                if not in_list:
                    self.note(
                        para.line,
                        _("step %(step)s: took a list without 'Specific Actions' as its actions")
                        % {"step": number},
                    )
                in_list = True
                for text in lines:
                    item = _LIST_ITEM.match(text)
                    if item:
                        actions.append(_clean(item.group("text")))
                    elif actions:  # a wrapped line continues the action above it
                        actions[-1] = f"{actions[-1]} {_clean(text)}"
                continue
            if actions:
                after.append(para)
            else:
                before.append(para)

        if not actions:
            raise ArticleError(
                _(
                    "step %(step)s '%(title)s' has no actions: expected '- ' lines after "
                    "'**Specific Actions**:'"
                )
                % {"step": number, "title": title},
                line,
            )
        texts = self.prose(before)
        focus, prerequisites = _split_first_sentence(texts[0]) if texts else ("", "")
        prerequisites = "\n\n".join(filter(None, [prerequisites, *texts[1:]]))
        if not focus:
            self.note(
                line,
                _("step %(step)s '%(title)s' has no description to take its focus from")
                % {"step": number, "title": title},
            )
        safety = []
        for para in after:
            if _SAFETY.match(para.text):
                safety.append(_SAFETY.sub("", _clean(para.text), count=1).strip())
            else:
                self.skipped(para, _("after the actions of step %(step)s") % {"step": number})
        return {
            "title": title,
            "focus": focus,
            "day_from": day_from,
            "day_to": day_to,
            "prerequisites": prerequisites,
            "actions": actions,
            "safety_note": "\n\n".join(safety),
        }

    # -- IV. Case examples and spotlights --

    def parse_cases(self, section: _Section) -> None:
        lead, subs = self.subsections(section)
        self.lead_as_section(section, lead)
        for heading_para, heading, paras in subs:
            match = _EXAMPLE_HEADING.match(heading)
            if match:
                title = (match.group("title") or match.group("zh")).strip()
                self.add(
                    "case_example", self.case_value(title, paras, heading_para), heading_para.line
                )
            else:
                self.add("spotlight", self.spotlight_value(heading, paras), heading_para.line)

    def parse_spotlight(self, section: _Section) -> None:
        lead, subs = self.subsections(section)
        if lead:
            self.add("spotlight", self.spotlight_value(section.label, lead), section.line)
        for heading_para, heading, paras in subs:
            self.add("spotlight", self.spotlight_value(heading, paras), heading_para.line)

    def case_value(self, title: str, paras: list[_Para], heading_para: _Para) -> dict:
        approach = []
        rest = []
        for para in paras:
            if _APPROACH.match(para.text):
                approach.append(_APPROACH.sub("", _clean(para.text), count=1))
            else:
                rest.append(para)
        texts = self.prose(rest)
        if not texts:
            self.note(
                heading_para.line,
                _("the case example '%(title)s' has no text") % {"title": title},
            )
        person = ""
        if texts:
            english = _EN_CASE_PERSON.match(texts[0])
            if english and english.group("name").split()[0] not in _NOT_NAMES:
                person = english.group("name")
            chinese = _ZH_CASE_PERSON.match(texts[0])
            if not person and chinese:
                person = chinese.group("name")
        middle = texts[1:-1] if len(texts) >= 3 else texts[1:]
        return {
            "title": title,
            "person": person,
            "presenting_pattern": texts[0] if texts else "",
            "approach": "\n\n".join(approach),
            "process": "\n\n".join(middle),
            "outcome": texts[-1] if len(texts) >= 3 else "",
        }

    def spotlight_value(self, heading: str, paras: list[_Para]) -> dict:
        subject, rest = "", heading
        for pattern in (_EN_POSSESSIVE, _ZH_POSSESSIVE):
            match = pattern.match(heading)
            if match and match.group("name").split()[0] not in _NOT_NAMES:
                subject, rest = match.group("name"), match.group("rest")
                break
        if _THEORY_WORDS.search(rest):
            kind = "theory"
        elif _STUDY_WORDS.search(rest):
            kind = "study"
        else:
            kind = "researcher" if subject else "theory"
        return {
            "kind": kind,
            "title": heading,
            "subject": subject,
            "body": _html(self.prose(paras)),
        }

    # -- Summary, references --

    def parse_summary(self, section: _Section) -> None:
        intro: list[_Para] = []
        closing: list[_Para] = []
        insights: list[str] = []
        phase = "intro"
        for para in section.paras:
            lines = list(para.lines)
            if phase == "intro" and _INSIGHTS_LABEL.match(lines[0]):
                phase = "list"
                lines = lines[1:]
                if not lines:
                    continue
            if phase != "closing" and _NUMBERED.match(lines[0]):
                phase = "list"
                for text in lines:
                    item = _NUMBERED.match(text)
                    if item:
                        insights.append(_clean(item.group("text")))
                    else:
                        insights[-1] = f"{insights[-1]} {_clean(text)}"
                continue
            if insights:
                phase = "closing"
                closing.append(para)
            else:
                intro.append(para)
        if not insights:
            self.note(
                section.line,
                _("'%(label)s' has no numbered key insights; kept it as a section")
                % {"label": section.label},
            )
            self.add(
                "section",
                {"heading": section.label, "body": _html(self.prose(intro))},
                section.line,
            )
            return
        value = {
            "heading": section.label,
            "intro": "\n\n".join(self.prose(intro)),
            "insights": insights,
            "closing": "\n\n".join(self.prose(closing)),
        }
        self.add("key_insights", value, section.line)

    def parse_rule(self, section: _Section) -> None:
        """What follows "---": the italic references line."""
        found = False
        for para in section.paras:
            italic = _ITALIC_LINE.match(para.text)
            if italic and not found:
                found = True
                value = self.references_value(italic.group(1).strip(), para.line)
                self.add("references", value, para.line)
            else:
                self.skipped(para, _("after the references"))

    def references_value(self, text: str, line: int) -> dict:
        items = []
        position = 0
        for index, group in enumerate(_REFERENCE_GROUP.finditer(text)):
            position = group.end()
            topic = group.group("topic").strip(" ,，、;；")
            if index == 0:
                topic = _REFERENCE_LEAD_IN.sub("", topic, count=1)
            topic = _REFERENCE_PREPOSITION.sub(
                "", _REFERENCE_JOINER.sub("", topic, count=1), count=1
            )
            for piece in _NAME_SEPARATOR.split(group.group("names")):
                piece = piece.strip()
                year = _YEAR.search(piece)
                if year and _YEAR.fullmatch(piece):  # "Main, 1985": the year belongs to Main
                    if items and items[-1]["year"] is None:
                        items[-1]["year"] = int(year.group(1))
                    continue
                author = _YEAR.sub("", piece).strip(" ,，") if year else piece
                if author:
                    items.append(
                        {
                            "author": author,
                            "year": int(year.group(1)) if year else None,
                            "work": topic.strip(),
                            "url": "",
                        }
                    )
        trailing = _REFERENCE_JOINER.sub("", text[position:].strip(" ,，、;；.。"), count=1).strip()
        if items and trailing:
            self.note(
                line,
                _("left a reference without an author out of the list: '%(text)s'")
                % {"text": _excerpt(trailing)},
            )
        if not items:
            self.note(
                line,
                _("found no 'topic (Author)' groups in the references; kept the line as one item"),
            )
            items = [{"author": "", "year": None, "work": text, "url": ""}]
        return {"heading": "", "items": items}

    # -- copy-ready phrases, FAQs --

    def parse_copy(self, section: _Section) -> None:
        paras = list(section.paras)
        while paras:
            para = paras.pop(0)
            text = _clean(para.text)
            is_situation = (
                len(para.lines) == 1 and len(text) <= 200 and not _ENDS_SENTENCE.search(text)
            )
            if is_situation and paras:
                situation, phrase_para = text, paras.pop(0)
            else:
                situation, phrase_para = "", para
                self.note(para.line, _("a copy phrase has no situation line before it"))
            phrase = _strip_quotes(_clean(phrase_para.text))
            if _find_persona(phrase) or len(phrase) > _LONG_PHRASE:
                self.note(
                    phrase_para.line,
                    _(
                        "the copy phrase reads like narrative rather than words to say "
                        "('%(phrase)s'); check it"
                    )
                    % {"phrase": _excerpt(phrase, 40)},
                )
            self.add("copy_phrase", {"phrase": phrase, "situation": situation}, para.line)

    def parse_faq(self, section: _Section) -> None:
        faqs: list[tuple[_Para, list[_Para]]] = []
        for para in section.paras:
            text = _clean(para.text)
            if len(para.lines) == 1 and text.endswith(("?", "？")) and len(text) <= 300:
                faqs.append((para, []))
            elif faqs:
                faqs[-1][1].append(para)
            else:
                self.skipped(para, _("before the first question"))
        for question, answer in faqs:
            if not answer:
                self.note(
                    question.line,
                    _("the question '%(question)s' has no answer")
                    % {"question": _excerpt(question.text)},
                )
            value = {"question": _clean(question.text), "answer": _html(self.prose(answer))}
            self.add("faq", value, question.line)
