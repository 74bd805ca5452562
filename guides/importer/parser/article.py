"""`parse_article`: decoded text to a `ParsedArticle`, from the header, body and closing call to
action. The article is parsed in order: the closing call to action first, as it marks where the
body ends."""

from dataclasses import dataclass, field

from guides.importer.parser.body import parse_body
from guides.importer.parser.closing import parse_closing_cta
from guides.importer.parser.draft import Draft
from guides.importer.parser.header import finish_summary, parse_header
from guides.importer.parser.limits import check_line_lengths
from guides.importer.parser.notes import notes_in_every_language

LANGUAGES = ("en", "zh-hans")


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


def parse_article(text: str, language: str) -> ParsedArticle:
    """Parse a decoded export. Raises ValueError for an unknown language, ArticleError for a
    file that cannot become a guide (a line too long among them)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    check_line_lengths(lines)
    article = _parse(lines, language)
    article.notes_in_every_language = notes_in_every_language(
        article.notes, lambda: _parse(lines, language).notes
    )
    return article


def _parse(lines: list[str], language: str) -> ParsedArticle:
    draft = Draft(lines, language)
    filled = [(i + 1, line.strip()) for i, line in enumerate(lines) if line.strip()]
    closing_cta, body_end = parse_closing_cta(draft, filled)
    header = parse_header(draft, filled)
    if header.body_line is not None and header.body_line < body_end:
        parse_body(draft, header.body_line, body_end)
    finish_summary(draft, header)
    return ParsedArticle(
        language=language,
        series_name=header.series_name,
        number=header.number,
        title=header.title,
        summary=header.summary,
        subtitle=header.subtitle,
        quiz=header.quiz,
        closing_cta=closing_cta,
        body=draft.body,
        notes=draft.notes.in_line_order(),
        label_faults=list(draft.label_faults),
    )
