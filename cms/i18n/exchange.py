"""Export segments to PO/XLIFF and import translations back: validated first, then atomic.

A unit's state travels with it: a missing unit has no Chinese, an outdated one is marked for
review (fuzzy, needs-review-translation, initial) with the English it was translated from, a
current one is a translation. A unit still marked for review when it comes back is written only
over an outdated translation, and stays outdated; a Chinese that only copies its English is
left out, as untranslated.
"""

from dataclasses import dataclass, field
from html import unescape

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.content import page_group
from cms.i18n.formats import (
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ExportUnit,
    MarkupError,
    parse,
)
from cms.i18n.status import (
    CURRENT,
    MISSING,
    OUTDATED,
    memory_of,
    segment_states,
)
from cms.i18n.writes import (
    page_problems,
    translation_problem,
    write_problem,
    write_translations,
)
from cms.models import TranslationStatus
from cms.streams import is_translation

IMPORT_ACTION = "cms.translation_import"


def unit_id(page, key):
    return f"{page.pk}/{key}"


def pages_in_scope(scope, *, page_id=None, group_slug=None):
    """Pages to export: one page, one group (a series of guides), or every page with missing or
    outdated Chinese."""
    pages = Page.objects.filter(depth__gt=1)
    if scope == "page":
        pages = pages.filter(pk=page_id)
    elif scope == "group":
        group = page_group()
        pages = group.by_slug(pages, group_slug) if group else pages.none()
    elif scope == "pending":
        pending = TranslationStatus.objects.filter(completeness__lt=100).values("page_id")
        pages = pages.filter(pk__in=pending)
    else:
        raise ValueError(scope)
    return pages.order_by("path")


def _states(draft):
    """{segment key: its SegmentState} of `draft` (a copy of the English is missing)."""
    return {state.segment.key: state for state in segment_states(draft, memory_of(draft))}


def export_units(page, only_pending):
    draft = page.specific.get_latest_revision_as_object()
    units = []
    for item in _states(draft).values():
        if only_pending and item.state == CURRENT:
            continue
        segment = item.segment
        units.append(
            ExportUnit(
                unit_id=unit_id(page, segment.key),
                context=f"{page.title_en} › {segment.label} [{item.state}]",
                source=segment.source,
                target="" if item.state == MISSING else segment.target,
                rich=segment.rich,
                outdated=item.state == OUTDATED,
                previous=item.translated_from if item.state == OUTDATED else "",
            )
        )
    return units


@dataclass
class Problem:
    unit_id: str
    location: str
    message: str


@dataclass
class ImportReport:
    problems: list = field(default_factory=list)
    written: dict = field(default_factory=dict)  # page id -> number of segments
    skipped: int = 0  # units left untranslated in the file
    kept_outdated: int = 0  # written, but still marked for review: they stay outdated

    @property
    def segments(self):
        return sum(self.written.values())


def import_translations(data, filename, user=None, partial=False, progress=None):
    """Validate the whole file, then write every translation in one transaction.

    With problems, nothing is written unless `partial` is set, in which case the valid units are.
    """
    report = ImportReport()
    try:
        language, units = parse(data, filename)
    except ExchangeFormatError as error:
        report.problems.append(Problem("", filename, str(error)))
        return report
    if language != TARGET_LANGUAGE:
        report.problems.append(
            Problem(
                "",
                filename,
                _("The file translates into “%(language)s”; only zh-hans can be imported.")
                % {"language": language},
            )
        )
        return report

    writes = _validated_writes(units, user, report)
    if report.problems and not partial:
        return report
    with transaction.atomic():
        for page, translations, review in writes.values():
            if progress:
                progress(page)
            write_translations(
                page,
                translations,
                user=user,
                review=review,
                action=IMPORT_ACTION,
                data={"file": filename, "segments": len(translations), "locale": "zh-hans"},
            )
            report.written[page.pk] = len(translations)
            report.kept_outdated += len(review)
    return report


class _Pages:
    """The pages a file's units point to, each read once: its draft and its segments' states."""

    def __init__(self, units):
        ids = {unit.unit_id.split("/", 1)[0] for unit in units}
        self.pages = {
            str(page.pk): page
            for page in Page.objects.filter(pk__in=[i for i in ids if i.isdigit()]).specific()
        }
        self.content = {}

    def get(self, page_key):
        return self.pages.get(page_key)

    def draft_and_states(self, page):
        if page.pk not in self.content:
            draft = page.get_latest_revision_as_object()
            self.content[page.pk] = (draft, _states(draft))
        return self.content[page.pk]


def _validated_writes(units, user, report):
    """{page id: (page, {segment key: Chinese}, keys still marked for review)}; every problem
    goes to `report`."""
    pages = _Pages(units)
    writes = {}
    for unit in units:
        if unit.blank:
            report.skipped += 1
            continue
        page_key, _slash, segment_key = unit.unit_id.partition("/")
        page = pages.get(page_key)
        problem = (
            _("Unknown page or segment id.")
            if page is None or not segment_key
            else write_problem(page, user)
        )
        chinese = None
        if problem is None:
            draft, states = pages.draft_and_states(page)
            known = states.get(segment_key)
            if known is None:
                problem = _("Unknown segment id: the page has no such field or block.")
            else:
                problem, chinese = _translation(unit, draft, known)
        if problem:
            report.problems.append(Problem(unit.unit_id, unit.location, problem))
        elif chinese is None:
            report.skipped += 1
        else:
            _page, translations, review = writes.setdefault(page.pk, (page, {}, set()))
            translations[segment_key] = chinese
            if unit.needs_review:
                review.add(segment_key)
    for page_id, (page, translations, review) in list(writes.items()):
        for segment_key, problem in page_problems(page, translations).items():
            report.problems.append(Problem(unit_id(page, segment_key), "", problem))
            del translations[segment_key]
            review.discard(segment_key)
        if not translations:
            del writes[page_id]
    return writes


def _translation(unit, draft, known):
    """(problem, Chinese to write) for `unit` as the translation of the segment `known`; the
    Chinese is None for a unit to leave out."""
    segment = known.segment
    try:
        source, target = unit.html(segment.source)
    except MarkupError as error:
        return str(error), None
    if source != segment.source:
        if segment.rich and source == _without_markup(segment.source):
            if target == _without_markup(segment.target):
                return None, None  # unchanged: what a converter left of it is no change
            return _(
                "Its English lost its markup on the way (translate-toolkit's xliff2po drops "
                "XLIFF inline codes): import the XLIFF file itself, or translate a PO export."
            ), None
        return _("Conflict: the English changed since this file was exported; export again."), None
    if not is_translation(source, target):
        return None, None  # empty, or a copy of the English
    if unit.needs_review and known.state != OUTDATED:
        return None, None  # an unreviewed draft is not a translation, nor better than one
    return translation_problem(draft, segment, target), target


def _without_markup(html):
    """Rich text as translate-toolkit's xliff2po leaves it: the text, without its tags."""
    return unescape(strip_tags(html))
