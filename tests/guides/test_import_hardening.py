"""`import_guide` on hostile input: every pattern runs in linear time, and an export too large or
with a number out of range fails alone, with its file and line, while the rest of the batch
imports.

Linear time is asserted without a clock: `Steps` matches a pattern the way `re` does (trying each
start, backtracking), counting every character test and continuation tried. Doubling the text of
a linear pattern doubles its steps; the old quadratic patterns, kept below as references, take
four times as many.
"""

import re
from io import StringIO
from pathlib import Path
from re import _constants as sre
from re import _parser

import pytest
from django.core.management import CommandError, call_command

from guides.importer.parser import ArticleError, parse_article, patterns
from guides.importer.parser.limits import MAX_FILE_BYTES, MAX_LINE_CHARS
from guides.models import GuidePage

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "exports"
MINIMAL = (FIXTURES / "en-minimal-301.txt").read_text(encoding="utf-8")

_SINGLE = {sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def _is_word(char):
    return char.isalnum() or char == "_"


_CATEGORIES = {  # category: (test, negated)
    sre.CATEGORY_DIGIT: (str.isdecimal, False),
    sre.CATEGORY_NOT_DIGIT: (str.isdecimal, True),
    sre.CATEGORY_SPACE: (str.isspace, False),
    sre.CATEGORY_NOT_SPACE: (str.isspace, True),
    sre.CATEGORY_WORD: (_is_word, False),
    sre.CATEGORY_NOT_WORD: (_is_word, True),
}


class Steps:
    """The steps a backtracking matcher takes for `pattern` on a text."""

    def __init__(self, pattern: re.Pattern):
        self.tree = list(_parser.parse(pattern.pattern, pattern.flags))
        self.fold = bool(pattern.flags & re.IGNORECASE)

    def count(self, text: str, *, search: bool) -> int:
        """Steps for `match`, or with `search` for every match `finditer` finds."""
        self.text, self.steps = (text.lower() if self.fold else text), 0
        pos = 0
        while pos <= len(text):
            end = next(self._seq(self.tree, 0, pos), None)
            if not search:
                break
            pos = end if end is not None and end > pos else pos + 1
        return self.steps

    def _seq(self, items, index, pos):
        if index == len(items):
            yield pos
            return
        self.steps += 1
        for end in self._item(*items[index], pos):
            yield from self._seq(items, index + 1, end)

    def _item(self, op, av, pos):
        if op is sre.SUBPATTERN:
            yield from self._seq(list(av[-1]), 0, pos)
        elif op is sre.BRANCH:
            for alternative in av[1]:
                yield from self._seq(list(alternative), 0, pos)
        elif op in _REPEATS:
            yield from self._repeat(op, *av, pos)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, sub = av
            start = pos if direction == 1 else pos - sub.getwidth()[0]
            ends = self._seq(list(sub), 0, start) if start >= 0 else iter(())
            if any(direction == 1 or end == pos for end in ends) == (op is sre.ASSERT):
                yield pos
        elif op is sre.AT:
            if self._at(av, pos):
                yield pos
        elif pos < len(self.text) and self._char(op, av, self.text[pos]):
            yield pos + 1

    def _repeat(self, op, low, high, sub, pos):
        sub = list(sub)
        if len(sub) == 1 and sub[0][0] in _SINGLE:  # re's REPEAT_ONE: one character a time
            end = pos
            while end - pos < high and end < len(self.text) and self._char(*sub[0], self.text[end]):
                self.steps += 1
                end += 1
                if op is sre.MIN_REPEAT and end - pos > low:
                    yield end - 1
            if end - pos >= low:
                yield end
                if op is sre.MAX_REPEAT:
                    yield from range(end - 1, pos + low - 1, -1)
            return
        ends = self._more(op, low, high, sub, 0, pos)
        yield from ([next(ends)] if op is sre.POSSESSIVE_REPEAT else ends)

    def _more(self, op, low, high, sub, count, pos):
        if op is sre.MIN_REPEAT and count >= low:
            yield pos
        if count < high:
            for end in self._seq(sub, 0, pos):
                if end != pos:
                    yield from self._more(op, low, high, sub, count + 1, end)
        if op is not sre.MIN_REPEAT and count >= low:
            yield pos

    def _char(self, op, av, char):
        if op is sre.IN:
            negate = av[0][0] is sre.NEGATE
            return any(self._char(*item, char) for item in av[negate:]) != negate
        if op is sre.RANGE:
            return av[0] <= ord(char) <= av[1]
        if op is sre.CATEGORY:
            test, negated = _CATEGORIES[av]
            return test(char) != negated
        if op is sre.ANY:
            return char != "\n"
        literal = chr(av).lower() if self.fold else chr(av)
        return (char == literal) == (op is sre.LITERAL)

    def _at(self, where, pos):
        text = self.text
        if where is sre.AT_BEGINNING:
            return pos == 0
        if where is sre.AT_END:
            return pos == len(text) or (pos == len(text) - 1 and text[-1] == "\n")
        before = pos > 0 and _is_word(text[pos - 1])
        after = pos < len(text) and _is_word(text[pos])
        return (before != after) == (where is sre.AT_BOUNDARY)


def growth(pattern, make, *, search, n=300):
    """How many times the steps grow when the text doubles."""
    steps = Steps(pattern)
    return steps.count(make(2 * n), search=search) / steps.count(make(n), search=search)


# (pattern, hostile text of size about n, found with search/finditer rather than match)
HOSTILE = {
    "references without a closing bracket": (
        patterns.REFERENCE_GROUP,
        lambda n: "Topic " + "x" * n + " (Main",
        True,
    ),
    "references of opening brackets": (patterns.REFERENCE_GROUP, lambda n: "(" * n, True),
    "names in a long space": (patterns.NAME_SEPARATOR, lambda n: "Main" + " " * n + "x", True),
    "unclosed quotation marks": (patterns.QUOTATION, lambda n: "“" * n, True),
    "unclosed quotations": (patterns.QUOTATION, lambda n: "“a" * (n // 2), True),
    "a title with a long space": (patterns.TITLE, lambda n: "Series" + " " * n + "x", False),
    "a title of dashes": (patterns.TITLE, lambda n: "Series" + "-1 " * (n // 3), False),
    "an actions label with a long space": (
        patterns.ACTIONS_LABEL,
        lambda n: "**Actions" + " " * n + "x",
        False,
    ),
    "an insights label with a long space": (
        patterns.INSIGHTS_LABEL,
        lambda n: "Key insights" + " " * n + "x",
        False,
    ),
    "a section number with a long space": (
        patterns.SECTION_NUMBER,
        lambda n: "第1" + " " * n + "x",
        False,
    ),
    "a day range with a long space": (patterns.DAY_RANGE[2], lambda n: "1" + " " * n + "x", False),
    "unclosed trailing brackets": (patterns.TRAILING_PARENS, lambda n: "(" + " " * n + "x", True),
    "a mechanism name with a long space": (
        patterns.MECHANISM,
        lambda n: "**Mechanism 1: Name" + " " * n + "x",
        False,
    ),
    "a persona role with a long space": (
        patterns.EN_PERSONA,
        lambda n: "Ana is a 35-year-old nurse" + " " * n + "x",
        True,
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_every_pattern_takes_linear_steps_on_hostile_text(name):
    pattern, make, search = HOSTILE[name]
    assert growth(pattern, make, search=search) < 2.3


# The patterns before issue #22, kept only to show that the step count catches them.
OLD = {
    "references": re.compile(r"(?P<topic>[^()（）]*?)\s*[(（](?P<names>[^()（）]*)[)）]"),
    "quotations": re.compile(r"“([^”]+)”|\"([^\"]+)\"|「([^」]+)」"),
    "title": re.compile(
        r"^(?:#{1,6}\s*)?(?P<series>\S.*?)\s*[-–—－]\s*(?P<number>\d+)\s*[:：]\s*(?P<title>\S.*)$"
    ),
}


@pytest.mark.parametrize(
    ("old", "hostile"),
    [
        ("references", "references without a closing bracket"),
        ("quotations", "unclosed quotation marks"),
        ("title", "a title with a long space"),
    ],
)
def test_the_step_count_catches_the_old_quadratic_patterns(old, hostile):
    _pattern, make, search = HOSTILE[hostile]
    assert growth(OLD[old], make, search=search, n=150) > 3.5


# --- size limits and numbers, through the command -------------------------------------------


def run(*paths):
    out = StringIO()
    try:
        call_command("import_guide", *map(str, paths), "--locale", "en", stdout=out, stderr=out)
    except CommandError as error:
        return 1, out.getvalue() + str(error)
    return 0, out.getvalue()


def with_line(pattern: str, replacement: str) -> tuple[str, int]:
    """The minimal export with the first line starting with `pattern` replaced, and its number."""
    lines = MINIMAL.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(pattern))
    lines[index] = replacement
    return "\n".join(lines), index + 1


def assert_fails_alone(tmp_path, text, expected):
    """`text` as a_bad.txt fails with `expected`, and b_good.txt after it still imports."""
    bad = tmp_path / "a_bad.txt"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "b_good.txt").write_text(
        (FIXTURES / "en-conflict-207.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out = run(tmp_path)
    assert code == 1
    assert f"{bad}: {expected}" in " ".join(out.split()), out
    assert "Traceback" not in out
    assert not GuidePage.objects.filter(number=301).exists()
    assert GuidePage.objects.filter(number=207).exists(), "the next file still imports"
    assert "1 of 2 file(s) failed" in out


def test_a_megabyte_references_line_is_refused_with_its_file_and_line(demo_site, tmp_path):
    references = "*This article draws on " + "topic (Main) " * 77_000 + "*"
    text, line = with_line("*This article", references)
    assert len(references) > 1_000_000 and len(text.encode()) < MAX_FILE_BYTES
    assert_fails_alone(
        tmp_path,
        text,
        f"line {line}: the line has {len(references)} characters, more than the "
        f"{MAX_LINE_CHARS} a line may have",
    )


def test_a_line_of_a_hundred_thousand_quotation_marks_is_refused(demo_site, tmp_path):
    text, line = with_line("Amara is", "Amara is a 27-year-old pharmacist. " + "“" * 100_000)
    assert_fails_alone(tmp_path, text, f"line {line}: the line has 100035 characters")


def test_a_hundred_thousand_quotation_marks_over_many_lines_import(demo_site, tmp_path):
    marks = "\n".join(["“" * 5_000] * 20)
    text, _line = with_line("Amara is", f"Amara is a 27-year-old pharmacist.\n{marks}")
    source = tmp_path / "quotes.txt"
    source.write_text(text, encoding="utf-8")
    code, out = run(source)
    assert code == 0, out
    scenario = GuidePage.objects.get(number=301).get_latest_revision_as_object().body_en[0]
    assert scenario.value["persona"]["name"] == "Amara"


def test_a_file_over_the_size_limit_is_refused(demo_site, tmp_path):
    lines = "\n".join(["Words and more words."] * (MAX_FILE_BYTES // 20))
    assert_fails_alone(
        tmp_path, f"{MINIMAL}\n{lines}", "the file is larger than 2 MB, the most an export may be"
    )


@pytest.mark.parametrize(
    ("start", "replacement", "expected"),
    [
        (
            "Everyday Communication-301",
            "Everyday Communication-99999999999999999999999: The Two-Minute Check-In",
            "the guide number 99999999999999999999999 is out of range: it must be from 1 to 99999",
        ),
        (
            "Everyday Communication-301",
            "Everyday Communication-0: The Two-Minute Check-In",
            "the guide number 0 is out of range",
        ),
        (
            "### Step 2",
            "### Step 123456789012345678901234567890: Deepen (Recommended Days 4-14)",
            "the step number 123456789012345678901234… is out of range: it must be from 0 to 99",
        ),
        (
            "### Step 2",
            "### Step 2: Deepen (Recommended Days 4-99999999999999999999)",
            "the day 99999999999999999999 is out of range: it must be from 1 to 3650",
        ),
        (
            "### Step 2",
            "### Step 2: Deepen (Recommended Days 0-14)",
            "the day 0 is out of range",
        ),
    ],
)
def test_a_number_out_of_range_fails_that_file_only(
    demo_site, tmp_path, start, replacement, expected
):
    text, line = with_line(start, replacement)
    assert_fails_alone(tmp_path, text, f"line {line}: {expected}")


def test_a_long_line_is_refused_before_it_is_parsed():
    with pytest.raises(ArticleError) as refused:
        parse_article("x" * (MAX_LINE_CHARS + 1), "en")
    assert refused.value.line == 1
