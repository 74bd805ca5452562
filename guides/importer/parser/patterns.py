"""The regular expressions the parser recognises the export's layout with, by section.

Every pattern runs in time linear in its text: whitespace runs are taken possessively ("*+"), a
lazy group never ends in whitespace that the next item rescans, and a pattern used with `search`
or `finditer` can only start where the text before it has ended (a lookbehind), so no position is
read again from every start. `tests/guides/test_import_hardening.py` counts the steps.
"""

import re
import unicodedata

# What ends a sentence (and the quotes or brackets that may close it), and what an ellipsis is,
# are defined once, by the content checks that judge the imported text.
from guides.content_checks import CLOSING_QUOTES as _SENTENCE_CLOSERS
from guides.content_checks import ELLIPSES
from guides.content_checks import SENTENCE_END as _SENTENCE_MARKS

CJK = r"\u3400-\u9fff"
_CN_DIGITS = "零一二两三四五六七八九十"
EN_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
).split()

# --- header and layout ------------------------------------------------------------------------

TITLE = re.compile(
    r"^(?:#{1,6}\s*+)?(?P<series>\S(?:.*?\S)?)\s*+[-–—－]\s*+(?P<number>\d++)\s*+[:：]\s*+"
    r"(?P<title>\S.*)$"
)
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
ITALIC_LINE = re.compile(r"^\*(?!\*)(.+?)(?<!\*)\*$")
REFERENCES_LEAD = re.compile(r"^\*(?:this article|the article|本文)", re.IGNORECASE)

# "I. ", "IV. ", "Four: ", "Part 3: ", "一、", "第四部分：", "（一）" before a section label.
SECTION_NUMBER = re.compile(
    r"^(?:(?:(?:part|section|chapter)\s+)?(?:[ivxlc]+|\d+|"
    + "|".join(EN_NUMBER_WORDS)
    + r")\s*+[.:：、)）]\s*+"
    + rf"|第?[{_CN_DIGITS}百\d]++\s*+(?:部分|章|节)?\s*+[、.．:：]\s*+"
    + rf"|[(（][{_CN_DIGITS}\d]++[)）]\s*+)",
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
SECTION_PATTERNS = [
    (kind, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for kind, pattern in _SECTION_LABELS
]

# --- core concepts ----------------------------------------------------------------------------

SUBSECTION_NUMBER = re.compile(
    r"^(?:\d++(?:\.\d++)*+\.?\s++|[(（][一二三四五六七八九十\d]++[)）]\s*+)"
)
MECHANISM = re.compile(
    rf"^\*\*\s*+(?:mechanism\s++(?:\d++|[a-z]++)|机制\s*+[{_CN_DIGITS}\d]++)\s*+[:：.]"
    r"\s*(?P<name>.+?)(?:(?<!\s)\s++)?\*\*\s*+[.。:：]?\s*+(?P<text>.*)$",
    re.IGNORECASE,
)

# --- practical guidelines ---------------------------------------------------------------------

STEP = re.compile(
    r"^(?:(?:step|stage|phase)\s+(?P<en>\d+|" + "|".join(EN_NUMBER_WORDS) + r")\s*[:：.\-–—]"
    rf"|第\s*+(?P<zh>[\d{_CN_DIGITS}]++)\s*+(?:步|阶段)\s*+[:：、.]?)\s*(?P<title>.+)$",
    re.IGNORECASE,
)
# The last brackets, when the text ends with them; `inner` keeps its spaces.
TRAILING_PARENS = re.compile(r"[(（](?P<inner>[^()（）]*+)[)）]\s*+$")
_DASH = r"(?:-|–|—|~|～|to|至|到)"
DAY_RANGE = [
    re.compile(
        rf"^(?:(?:recommended|suggested)\s++)?days?\s*+(?P<a>\d++)\s*+{_DASH}\s*+(?:day\s*+)?"
        r"(?P<b>\d++)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:(?:recommended|suggested)\s++)?day\s*+(?P<a>\d++)$", re.IGNORECASE),
    re.compile(rf"^(?:建议)?\s*+第?\s*+(?P<a>\d++)\s*+天?\s*+{_DASH}\s*+第?\s*+(?P<b>\d++)\s*+天$"),
    re.compile(r"^(?:建议)?\s*+第\s*+(?P<a>\d++)\s*+天$"),
]
ACTIONS_LABEL = re.compile(
    r"^\*{0,2}\s*+(?:specific\s++actions|actions|具体行动|行动)\s*+[:：]?\s*+\*{0,2}\s*+[:：]?$",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^[-*•·]\s+(?P<text>.+)$")
SAFETY = re.compile(
    r"^\*{0,2}(?:(?:safety(?:\s++note)?|note)\b|注意|安全提示)(?:\s*+\*{0,2}\s*+[:：]\s*+\*{0,2}\s*+)?",
    re.IGNORECASE,
)

# --- case examples and summary ----------------------------------------------------------------

EXAMPLE_HEADING = re.compile(
    r"^(?:(?:case\s+)?(?:example|study)|case)\s+(?:\d+|"
    + "|".join(EN_NUMBER_WORDS)
    + rf")\s*+[:：.]\s*(?P<title>.+)$|^案例\s*+[{_CN_DIGITS}\d]++\s*+[:：、.]\s*(?P<zh>.+)$",
    re.IGNORECASE,
)
APPROACH = re.compile(
    r"^\*{0,2}(?:approach|方法)\s*+\*{0,2}\s*+[:：]\s*+\*{0,2}\s*+", re.IGNORECASE
)

INSIGHTS_LABEL = re.compile(
    r"^\*{0,2}\s*+(?:key\s++insights?|key\s++takeaways|核心洞见|关键洞见)\s*+[:：]?\s*+\*{0,2}\s*+[:：]?$",
    re.IGNORECASE,
)
NUMBERED = re.compile(r"^(?:\d++\s*+[.、)）]|[-*•]\s)\s*(?P<text>.+)$")

# --- names: personas, case people, spotlight subjects -----------------------------------------

# Common Chinese surnames: a Chinese name is only guessed when it starts with one.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋"
)
_ZH_NAME = rf"[{CJK}]+?(?:·[{CJK}]+?)+|[{_SURNAMES}][{CJK}]{{1,2}}?"
_EN_NAME_WORD = r"[A-Z][a-z’'\-]+"
# Capitalised words that a name never starts with.
NOT_NAMES = set(
    "A An And As At After Although Before Both But During Each Every For From He Her His How I If "
    "In It Its Many Most My On One Our Over She Since Some That The Their These They This Those "
    "Today Two We What When Where While Why With You Your".split()
)

EN_PERSONA = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?P<name>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}})"
    r"(?:\s+is|,)\s+an?\s+(?P<age>\d{1,3})[-\s]year[-\s]old\s+(?P<role>.+?)"
    r"(?=(?<!\s)\s++(?:who|that|which|with|whose|and|living|working|from|in|at)\b"
    r"|[,.;:!?—–(\"“]|$)"
)
_ZH_AGE = rf"(?P<age>\d{{1,3}}|[{_CN_DIGITS}]{{1,4}})"
ZH_PERSONA = [
    # 刘敏是一位35岁的咨询师 / 一名 / 一个
    re.compile(
        rf"(?:^|(?<=[。！？]))(?P<name>[{CJK}·]{{2,6}}?)是(?:一位|一名|一个)"
        rf"{_ZH_AGE}岁的(?P<role>[^，,。；;、“”\"]+)"
    ),
    # 何嘉今年三十三岁，是一名急诊科护士 / 刘敏，35岁，咨询师
    re.compile(
        rf"(?:^|(?<=[。！？]))(?P<name>[{CJK}·]{{2,6}}?)[，,]?\s*(?:今年)?{_ZH_AGE}岁[，,]\s*"
        r"(?:是)?(?:一位|一名|一个)?(?P<role>[^，,。；;、“”\"]+)"
    ),
]
# A quotation ends at its closing mark; one never closed ends at the next opening mark.
QUOTATION = re.compile(r"“([^“”]++)”|\"([^\"]++)\"|「([^「」]++)」")

EN_CASE_PERSON = re.compile(
    rf"^(?P<name>{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}}"
    rf"(?:\s+and\s+{_EN_NAME_WORD}(?:\s+{_EN_NAME_WORD}){{0,2}})?)"
    r"(?=\s+(?:often|always|usually|never|had|has|have|was|were|is|are|would|could|kept|felt|"
    r"came|began|found|grew|met|lived|worked|[a-z]+ed)\b)"
)
ZH_CASE_PERSON = re.compile(rf"^(?P<name>[{_SURNAMES}][{CJK}]{{1,2}}?)(?=[有在是总每和])")

EN_POSSESSIVE = re.compile(
    r"^(?P<name>(?:[A-Z][\w.’'\-]*|van|von|de|der|da|di|du|le|la)"
    r"(?:\s+(?:[A-Z][\w.’'\-]*|van|von|de|der|da|di|du|le|la|and|&)){0,4})['’]s\s+(?P<rest>.+)$"
)
ZH_POSSESSIVE = re.compile(rf"^(?P<name>{_ZH_NAME})的(?P<rest>.+)$")
THEORY_WORDS = re.compile(r"\b(?:theory|theories|model|framework|hypothesis)\b|理论|模型", re.I)
STUDY_WORDS = re.compile(r"\b(?:study|studies|experiment|trial)\b|实验", re.I)

# --- references -------------------------------------------------------------------------------

# "topic (names)": a topic starts at the beginning or after a bracket, and keeps its spaces.
REFERENCE_GROUP = re.compile(
    r"(?:^|(?<=[()（）]))(?P<topic>[^()（）]*+)[(（](?P<names>[^()（）]*+)[)）]"
)
REFERENCE_LEAD_IN = re.compile(
    r"^(?:(?:this|the)\s+article\s+)?(?:integrates|draws\s+(?:on|from)|builds\s+on|is\s+based\s+on"
    r"|combines|summari[sz]es)\s+(?:(?:findings|research|insights|ideas|work)\s+)?(?:from\s+|on\s+)?"
    r"|^本文(?:整合|综合|参考|借鉴|结合)了?(?:来自)?",
    re.IGNORECASE,
)
REFERENCE_JOINER = re.compile(r"^(?:and|or|as\s+well\s+as|plus|以及|及|和|与)\s*", re.I)
REFERENCE_PREPOSITION = re.compile(r"^(?:on|from)\s+", re.IGNORECASE)
NAME_SEPARATOR = re.compile(r"(?:(?<!\s)\s++)?(?:[,，、;；&]|\band\b|和|与)\s*+")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)[a-z]?\b")

# --- sentences and words ----------------------------------------------------------------------

SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘'(])|[。！？][”’」』）)]*(?=\S)")
ENDS_SENTENCE = re.compile(r"[.!?。！？…:：;；\"”’'）)\]」』»]$")

# A letter or digit of a script written with spaces, or an apostrophe or hyphen inside a word.
WORD_CHAR = re.compile(rf"[^\W{CJK}_]|['’\-]")

_ELLIPSIS_CHARS = re.escape("".join(sorted(set("".join(ELLIPSES)))))
_WIDE_MARKS = "".join(c for c in _SENTENCE_MARKS if unicodedata.east_asian_width(c) in "WF")
# The end of a full sentence: a mark that is not part of an ellipsis, with any closing quotes or
# brackets, then a space or the end of the text; a Chinese mark needs no space after it.
_MARKS, _CLOSERS_RE = re.escape(_SENTENCE_MARKS), re.escape(_SENTENCE_CLOSERS)
WHOLE_SENTENCE_END = re.compile(
    rf"(?<![{_ELLIPSIS_CHARS}])"
    rf"(?:[{_WIDE_MARKS}][{_CLOSERS_RE}]*(?![{_MARKS}])|[{_MARKS}][{_CLOSERS_RE}]*(?=\s|$))"
)
# A full stop after one of these ends an abbreviation or an initial, not a sentence.
ABBREVIATION = re.compile(r"(?:^|[^\w.])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|cf|e\.g|i\.e)$")
