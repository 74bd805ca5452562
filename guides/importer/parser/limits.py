"""How big an export may be, and the range of each number read from it.

A file or line over its limit, or a number out of its range, makes the file unusable: the
`ArticleError` names the line, and the file is refused before anything is written.
"""

from django.utils.translation import gettext as _

from guides.importer.parser.errors import ArticleError

# A real export is about 20 KB, its longest line under 1,000 characters.
MAX_FILE_BYTES = 2_000_000
MAX_LINE_CHARS = 10_000

GUIDE_NUMBERS = (1, 99_999)
STEP_NUMBERS = (0, 99)
DAYS = (1, 3_650)


def check_file_size(data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise ArticleError(
            _("the file is larger than %(limit)s MB, the most an export may be")
            % {"limit": MAX_FILE_BYTES // 1_000_000}
        )


def check_line_lengths(lines: list[str]) -> None:
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ArticleError(
                _("the line has %(length)s characters, more than the %(limit)s a line may have")
                % {"length": len(line), "limit": MAX_LINE_CHARS},
                number,
            )


def in_range(digits: str, bounds: tuple[int, int], what: str, line: int) -> int:
    """`digits` as a number, or ArticleError on `line` when it is outside `bounds`; `what` is
    the translated name of the number, e.g. "the guide number"."""
    low, high = bounds
    # A number longer than the highest is out of range without being converted.
    if len(digits.lstrip("0")) <= len(str(high)) and low <= int(digits) <= high:
        return int(digits)
    shown = digits if len(digits) <= 24 else f"{digits[:24]}…"
    raise ArticleError(
        # Translators: %(what)s is "the guide number", "the step number" or "the day".
        _("%(what)s %(number)s is out of range: it must be from %(low)s to %(high)s")
        % {"what": what, "number": shown, "low": low, "high": high},
        line,
    )
