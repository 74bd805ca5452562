"""The languages, where each one's values live, the fallback rule, and what a reader of a
language sees of a page or snippet.

English is the source and Simplified Chinese its translation. Every translated field `name` is
stored as `name_en` and `name_zh_hans` (django-modeltranslation). A reader of Chinese gets the
Chinese where it translates the English, and the English where it does not, and is told which.
"""

import hashlib

from django.utils.translation import gettext_lazy as _

from cms.streams import has_words, is_text, is_translation, localize, rebuild

SOURCE = "en"
TARGET = "zh-hans"
LOCALES = (SOURCE, TARGET)
LOCALE_NAMES = {SOURCE: _("English"), TARGET: _("Simplified Chinese")}
LOCALE_CHOICES = [(code, LOCALE_NAMES[code]) for code in LOCALES]
SUFFIXES = {SOURCE: "en", TARGET: "zh_hans"}
HTML_LANGS = {SOURCE: "en", TARGET: "zh-Hans"}  # the `lang` attribute of a page in each


def suffix(locale):
    """The field suffix of `locale`: "en" or "zh_hans"."""
    return SUFFIXES[locale]


def field_name(name, locale):
    """Where `locale`'s value of field `name` is stored, e.g. title_zh_hans."""
    return f"{name}_{suffix(locale)}"


def source_hash(english):
    """What identifies the English a translation was written for (translation memory)."""
    return hashlib.sha1((english or "").encode(), usedforsecurity=False).hexdigest()[:16]


def value_in(obj, name, locale):
    """The fallback rule: `obj`'s `name` in `locale`, or the English where it has none."""
    value = getattr(obj, field_name(name, locale), None)
    if locale != SOURCE and not value:
        value = getattr(obj, field_name(name, SOURCE), None)
    return value


class LocaleView:
    """What a reader of `locale` sees of pages and snippets (their live rows, or a preview's
    revision), with what fell back to English (`fallback`) and what Chinese was written for an
    older English (`outdated`) listed by path. `sources` is {segment key: hash of the English}
    the Chinese was translated from, as recorded when it was approved."""

    def __init__(self, locale, sources=None):
        self.locale = locale
        self.fallback = []
        self.outdated = []
        self.sources = sources or {}

    @property
    def in_english(self):
        return self.locale == SOURCE

    def text(self, obj, name, path=None):
        """Field `name` of `obj`. Without a `path` (an address or a name, not a translation),
        any Chinese value stands; with one, English shown to a Chinese reader is listed."""
        english = getattr(obj, field_name(name, SOURCE), None) or ""
        if self.in_english:
            return english
        chinese = getattr(obj, field_name(name, self.locale), None) or ""
        if path is None:
            return chinese or english
        if is_translation(english, chinese):
            self._check_outdated(name, english, path)
            return chinese
        if english:
            self.fallback.append(path)
        return english

    def stream(self, block, english, chinese, field):
        """A StreamField's raw data as the reader sees it: the English's blocks with each text's
        Chinese (matched by id at every level) where it translates the English. English shown
        is listed by block (`body[3]`), by text, or as the whole field; Chinese with no English
        counterpart is never shown."""
        if self.in_english:
            return english
        texts, fell = {}, {}

        def choose(leaf):
            if not (is_text(leaf.block) and has_words(leaf.value)):
                return leaf.value
            top = leaf.trail[0][2]
            texts[top] = texts.get(top, 0) + 1
            if is_translation(leaf.value, leaf.counterpart):
                self._check_outdated(f"{field}.{leaf.key}", leaf.value, f"{field}{leaf.path}")
                return leaf.counterpart
            fell.setdefault(top, []).append(f"{field}{leaf.path}")
            return leaf.value

        seen = rebuild(block, english, choose, chinese)
        if fell and fell.keys() == texts.keys() and all(len(fell[t]) == texts[t] for t in texts):
            self.fallback.append(field)
        else:
            for top in sorted(fell):
                whole = len(fell[top]) == texts[top]
                self.fallback.extend([f"{field}[{top}]"] if whole else fell[top])
        return seen

    def quietly(self, block, english, chinese):
        """A stream as the reader sees it, where nothing is listed (a test's questions)."""
        return english if self.in_english else localize(block, english, chinese)

    def state(self, translated=True):
        """source, missing (nothing `translated`), outdated, partial or complete."""
        if self.in_english:
            return "source"
        if not translated:
            return "missing"
        if self.outdated:
            return "outdated"
        return "partial" if self.fallback else "complete"

    def _check_outdated(self, key, english, path):
        written_for = self.sources.get(key)
        if written_for and written_for != source_hash(english):
            self.outdated.append(path)
