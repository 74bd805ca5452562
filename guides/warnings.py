"""A guide's open content warnings: each language's, and its last import's.

They show in the edit view's panel and gate submit, approval and publish
(cms.workflow.acknowledgements, registered in guides.registration)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry

from cms.i18n.every_language import in_current_language
from cms.i18n.glossary import current_glossary
from cms.i18n.locales import LOCALE_CHOICES, SOURCE, TARGET, field_name, source_hash
from cms.i18n.status import memory_of
from cms.streams import align, is_text, is_translation, leaves, raw_items
from guides.content_checks import ContentWarning, check_guide, field_label
from guides.log_actions import IMPORT_ACTION


def content_warnings_for(page, language):
    """Content warnings for one language of a guide (empty if that language has no content).

    Chinese that only copies its English (as a prepared translation holds) is not checked:
    it is untranslated, not faulty.
    """
    raw_body = raw_items(getattr(page, field_name("body", language), None))
    fields = {
        name: getattr(page, field_name(name, language), None) or ""
        for name in ("title", "subtitle", "summary")
    }
    if language == TARGET:
        english = raw_items(page.body_en)
        block = page._meta.get_field("body").stream_block
        raw_body = align(block, english, raw_body, for_readers=True)
        fields = {
            name: text if is_translation(getattr(page, f"{name}_en", ""), text) else ""
            for name, text in fields.items()
        }
    if not raw_body and not any(fields.values()):
        return []
    warnings = check_guide(fields, raw_body, language)
    if language == "en" and (clash := number_clash(page)):
        warnings.append(clash)
    if language == TARGET:
        warnings += glossary_warnings(page)
    return warnings


def number_clash(page):
    """A warning when another guide of the same series has the same number (e.g. a copy)."""
    if not page.series_id or page.number is None:
        return None
    others = type(page).objects.filter(series_id=page.series_id, number=page.number)
    if not others.exclude(pk=page.pk).exists():
        return None
    return ContentWarning(
        "duplicate_number",
        "number",
        _("Number: another guide in this series already has number %(number)s.")
        % {"number": page.number},
    )


CODE_GLOSSARY = "glossary_term"
GLOSSARY_FIELDS = ("title", "subtitle", "summary")


def _english_and_chinese_texts(page):
    """(path, block type, English, Chinese) of every text the content checks read, the body's
    leaves paired by id (cms.streams); not Chinese written for other English (outdated: it is
    to be translated again, cms.i18n.status)."""
    memory = memory_of(page) if page.pk else {}

    def outdated(key, english):
        remembered = memory.get(key)
        return remembered is not None and remembered.get("h") != source_hash(english)

    for name in GLOSSARY_FIELDS:
        english = getattr(page, field_name(name, SOURCE), None) or ""
        if not outdated(name, english):
            yield name, None, english, getattr(page, field_name(name, TARGET), None) or ""
    block = page._meta.get_field("body").stream_block
    english, chinese = raw_items(page.body_en), raw_items(getattr(page, field_name("body", TARGET)))
    for leaf in leaves(block, english, chinese):
        if is_text(leaf.block) and isinstance(leaf.value, str):
            if not outdated(f"body.{leaf.key}", leaf.value):
                yield f"body{leaf.path}", leaf.trail[0][1].name, leaf.value, leaf.counterpart


def glossary_warnings(page):
    """A warning for each place where the guide's Chinese translates its English without the
    agreed Chinese of a glossary term the English uses (cms.i18n.glossary). The glossary is
    read once for the whole page."""
    glossary = current_glossary()
    if not len(glossary):
        return []
    warnings = []
    for path, block_type, english, chinese in _english_and_chinese_texts(page):
        for term in glossary.unused_terms(english, chinese):
            message = _(
                "%(field)s: “%(english)s” is “%(chinese)s” in the glossary; "
                "the Chinese does not use it."
            ) % {
                "field": field_label(path, block_type),
                "english": term.english,
                "chinese": term.chinese,
            }
            warnings.append(ContentWarning(CODE_GLOSSARY, path, message))
    return warnings


def open_warnings(page, language):
    """The content warnings of `page` in `language`, and the faults the last import of that
    language found only in its source file (labels it left out), for as long as that import's
    revision is the guide's latest."""
    return content_warnings_for(page, language) + source_faults(page, language)


def source_faults(page, language):
    entry = last_import(page, language) if page.pk else None
    if entry is None or entry.revision_id is None:
        return []
    latest = type(page).objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True)
    if entry.revision_id != latest.first():
        return []
    return [
        ContentWarning(fault["code"], fault["path"], in_current_language(fault["message"]))
        for fault in entry.data.get("warnings", [])
        if fault.get("in_source")
    ]


def warnings_by_language(page):
    """[(language name, warnings)] for the languages that have open warnings."""
    result = []
    for language, name in LOCALE_CHOICES:
        warnings = open_warnings(page, language)
        if warnings:
            result.append((name, warnings))
    return result


def last_import(page, language=None):
    """The log entry of the page's latest wiki import (in `language`), or None. Its data holds
    the warnings and notes."""
    entries = PageLogEntry.objects.filter(page_id=page.pk, action=IMPORT_ACTION)
    if language is not None:
        entries = entries.filter(data__language=language)
    return entries.order_by("-timestamp", "-pk").first()
