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

Modules: `decoding` (bytes to text); `article` (`parse_article`, the order of the work);
`header` and `closing` (the top and bottom of the file); `body` (sections found by their
labels) and one module per section: `scenario`, `concepts`, `pathway`, `cases`, `key_insights`
(the Summary section), `references`, `copy_phrases`, `faq`. What they share: `layout`
(paragraphs, sections), `draft` (the article being built), `notes`, `errors`, `patterns` (every
regular expression) and `text` (cleaning, sentences, excerpts).
"""

from guides.importer.parser.article import parse_article
from guides.importer.parser.decoding import decode_source
from guides.importer.parser.errors import ArticleError
from guides.importer.parser.text import whole_sentences

__all__ = ["ArticleError", "decode_source", "parse_article", "whole_sentences"]
