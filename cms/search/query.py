"""Searching the index: ranked, snippets highlighted, live and public pages only."""

import re

from django.db import connection
from django.db.models import Case, Count, F, FloatField, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Replace
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from cms.models import SearchDocument
from cms.search.tokens import HAN, query_tokens

SNIPPET_RADIUS = 60


def _matching(documents, tokens):
    """Documents holding every token."""
    if connection.vendor == "postgresql":
        # The GIN index on the stored vector; tokens hold only letters and digits.
        tsquery = " & ".join(f"'{token}'" for token in tokens)
        return documents.extra(
            where=["cms_searchdocument.search_vector @@ to_tsquery('simple', %s)"],
            params=[tsquery],
        )
    for token in tokens:
        documents = documents.filter(tokens__contains=f" {token} ")
    return documents


def _score(tokens):
    """Title matches weigh most; then how often each token occurs."""
    if connection.vendor == "postgresql":  # title words carry weight A in the stored vector
        return RawSQL(
            "ts_rank(cms_searchdocument.search_vector, to_tsquery('simple', %s))",
            [" & ".join(f"'{token}'" for token in tokens)],
            output_field=FloatField(),
        )
    score = _title_score(tokens)
    for token in tokens:
        needle = f" {token} "
        occurrences = Length("tokens") - Length(Replace("tokens", Value(needle), Value("")))
        score = score + occurrences / len(needle)
    return score


def _title_score(tokens):
    score = Value(0.0, output_field=FloatField())
    for token in tokens:
        score = score + Case(
            When(title_tokens__contains=f" {token} ", then=Value(10.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return score


def search(text, locale, limit=20, offset=0):
    """(count, [SearchDocument with .score]) for `text` in `locale`."""
    tokens = query_tokens(text)
    if not tokens:
        return 0, []
    candidates = SearchDocument.objects.filter(locale=locale, page__live=True)
    # Private sections are few: excluding their paths beats a correlated subquery per match.
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        candidates = candidates.exclude(page__path__startswith=path)
    documents = (
        _matching(candidates, tokens)
        .annotate(score=_score(tokens), total=Window(Count("pk")))
        .defer("tokens", "title_tokens")
        .order_by("-score", F("published_at").desc(nulls_last=True), "pk")
    )
    # Ranking reads every match anyway, so the window count comes with the page at no cost.
    page = list(documents[offset : offset + limit])
    if page:
        return page[0].total, page
    return (documents.count() if offset else 0), page


def snippet(text, query):
    """A window of `text` around the first match, matches wrapped in <mark>, HTML-escaped."""
    words = [w for w in re.split(r"\s+", query.strip()) if w]
    needles = set()
    for word in words:
        needles.update(HAN.findall(word))
        needles.update(re.findall(r"[A-Za-z0-9]{2,}", word))
    needles.update(t for t in query_tokens(query) if len(t) > 1)
    lowered = text.lower()
    positions = [lowered.find(n.lower()) for n in needles if lowered.find(n.lower()) >= 0]
    start = max(0, min(positions) - SNIPPET_RADIUS) if positions else 0
    window = text[start : start + 2 * SNIPPET_RADIUS + 40]
    html = escape(window)
    for needle in sorted(needles, key=len, reverse=True):
        if HAN.fullmatch(needle):
            pattern = f"({re.escape(needle)})(?![^<]*</mark>)"
        else:  # a Latin word or stem: from a word start, through the end of the word
            pattern = f"(?i)(?<![\\w<])({re.escape(escape(needle))}[a-z]*)(?![^<]*</mark>)"
        html = re.sub(pattern, r"<mark>\1</mark>", html)
    prefix = "…" if start else ""
    suffix = "…" if start + len(window) < len(text) else ""
    return prefix + html + suffix
