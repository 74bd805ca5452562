"""The translation glossary: agreed term pairs, found in English and looked for in Chinese.

Matching a term in English text (`terms_in`), on plain text (HTML tags stripped, entities
decoded), case-insensitive:
- whole words only: "attachment" is found in "attachment's" and "non-attachment" (an
  apostrophe or a hyphen ends a word), not in "reattachment";
- between the words of a term, any run of spaces or hyphens: "self-soothing" is also found as
  "self soothing", "co-regulation" as "co regulation";
- the last word of a term may take a plural ending: -s or -es ("attachment styles",
  "reassurance loops", "traumas"), and a final consonant + y may become -ies
  ("insecurity" -> "insecurities"). Nothing else: adjectives such as "anxious" match only
  as written ("anxiously" and "anxiety" are not "anxious"), and irregular forms are their own
  terms;
- where matches overlap, the longer term wins: "anxious attachment" counts as that term, not
  also as "attachment" (an "attachment" elsewhere in the text still counts).

A term is "unused" (`unused_terms`) when the English has it, the Chinese translates that
English (cms.streams.is_translation: not empty, not a copy) and the Chinese does not contain
the term's agreed Chinese.

The term list is read from the database at most once until a term changes: it is kept in the
cache (shared by the processes when the cache is Redis) and forgotten when a term is saved or
deleted, at once and again when the transaction commits. `current_glossary()` gives it as a
`Glossary`, to check any number of texts, e.g. every segment of a page, for one lookup.
"""

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from cms.models import GlossaryTerm
from cms.streams import is_translation

CACHE_KEY = "cms:glossary:terms"
CACHE_SECONDS = 60 * 60  # a bound on staleness should an invalidation ever be missed

_SEPARATOR = r"[\s\-\u2010\u2011]+"  # spaces, hyphen-minus, hyphen, non-breaking hyphen
_WORD_SPLIT = re.compile(_SEPARATOR)
_CONSONANT_Y = re.compile(r"[b-df-hj-np-tv-z]y$", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """A glossary term as the checks use it (the fields of cms.models.GlossaryTerm)."""

    english: str
    chinese: str
    note: str = ""


def plain_text(text):
    """Text as read: HTML tags stripped and entities decoded."""
    return html.unescape(strip_tags(text or ""))


def _inflected(word):
    if _CONSONANT_Y.search(word):
        return f"{re.escape(word[:-1])}(?:y|ies)"
    return f"{re.escape(word)}(?:e?s)?"


def term_pattern(english):
    """The regular expression that finds `english` as a term (see the module's rules)."""
    words = [word for word in _WORD_SPLIT.split(english.strip()) if word]
    if not words:
        return None
    body = _SEPARATOR.join([*(re.escape(word) for word in words[:-1]), _inflected(words[-1])])
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


class Glossary:
    """A list of terms, ready to match; build it once and check many texts with it."""

    def __init__(self, terms):
        terms = [Term(t.english, t.chinese, t.note or "") for t in terms]
        patterns = [(term, term_pattern(term.english)) for term in terms]
        # Longest first: where two terms' matches overlap, the longer term claims the text.
        self._patterns = sorted(
            ((term, pattern) for term, pattern in patterns if pattern is not None),
            key=lambda pair: -len(pair[0].english),
        )

    @property
    def terms(self):
        return [term for term, _pattern in self._patterns]

    def __len__(self):
        return len(self._patterns)

    def terms_in(self, english_text):
        """The terms found in `english_text`, in the order they first appear in it."""
        text = plain_text(english_text)
        if not text.strip():
            return []
        claimed = []  # (start, end) of the matches kept
        first_seen = {}
        for term, pattern in self._patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(
                    start < other_end and other_start < end for other_start, other_end in claimed
                ):
                    continue
                claimed.append((start, end))
                first_seen.setdefault(term, start)
        return sorted(first_seen, key=first_seen.get)

    def unused_terms(self, english_text, chinese_text):
        """The terms found in the English whose agreed Chinese the Chinese does not contain;
        nothing when the Chinese does not translate the English (empty, or a copy of it)."""
        if not is_translation(english_text, chinese_text):
            return []
        chinese = plain_text(chinese_text).casefold()
        return [
            term
            for term in self.terms_in(english_text)
            if term.chinese.strip() and term.chinese.strip().casefold() not in chinese
        ]

    def unused_terms_by_segment(self, segments):
        """[(segment, unused terms)] for the segments (anything with `source` and `target`,
        e.g. cms.i18n.segments.Segment) whose Chinese misses an agreed term."""
        found = []
        for segment in segments:
            terms = self.unused_terms(segment.source, segment.target)
            if terms:
                found.append((segment, terms))
        return found


@lru_cache(maxsize=4)
def _glossary_of(rows):
    return Glossary(Term(*row) for row in rows)


def _read_rows():
    return tuple(GlossaryTerm.objects.order_by("english").values_list("english", "chinese", "note"))


def current_glossary():
    """The glossary as it stands: one query when the cache does not hold it, none otherwise."""
    rows = cache.get(CACHE_KEY)
    if rows is None:
        rows = _read_rows()
        cache.set(CACHE_KEY, rows, CACHE_SECONDS)
    return _glossary_of(tuple(tuple(row) for row in rows))


def forget_glossary():
    """Drop the cached term list (after a term is saved or deleted)."""
    cache.delete(CACHE_KEY)


def terms_in(english_text, glossary=None):
    """The glossary terms found in `english_text` (see the module's rules), in text order."""
    return (current_glossary() if glossary is None else glossary).terms_in(english_text)


def unused_terms(english_text, chinese_text, glossary=None):
    """The terms in the English whose agreed Chinese the Chinese translation does not use."""
    return (current_glossary() if glossary is None else glossary).unused_terms(
        english_text, chinese_text
    )


def unused_terms_by_segment(segments, glossary=None):
    """[(segment, unused terms)] for many segments, the glossary read at most once."""
    return (current_glossary() if glossary is None else glossary).unused_terms_by_segment(segments)


def on_term_changed(**kwargs):
    # Now, so that the rest of this transaction reads the change; and again after commit, so
    # that a list another process cached meanwhile (without the change) is dropped too.
    forget_glossary()
    transaction.on_commit(forget_glossary)


post_save.connect(on_term_changed, sender=GlossaryTerm, dispatch_uid="cms-glossary-saved")
post_delete.connect(on_term_changed, sender=GlossaryTerm, dispatch_uid="cms-glossary-deleted")
