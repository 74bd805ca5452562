"""Export segments to PO/XLIFF and import translations back: validated first, then atomic."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from cms.i18n.formats import (
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ExportUnit,
    export_po,
    export_xliff,
    parse,
    validate_markup,
)
from cms.i18n.segments import copy_missing_blocks, page_segments, set_targets
from cms.i18n.status import CURRENT, refresh_status, segment_states
from cms.models import TranslationStatus

IMPORT_ACTION = "cms.translation_import"
EXPORTERS = {"po": export_po, "xliff": export_xliff}
EXTENSIONS = {"po": "po", "xliff": "xlf"}


def unit_id(page, key):
    return f"{page.pk}/{key}"


def pages_in_scope(scope, *, page_id=None, series_slug=None):
    """Pages to export: one page, one series, or every page with missing or outdated Chinese."""
    pages = Page.objects.filter(depth__gt=1)
    if scope == "page":
        pages = pages.filter(pk=page_id)
    elif scope == "series":
        pages = pages.filter(guidepage__series__slug=series_slug)
    elif scope == "pending":
        pending = TranslationStatus.objects.filter(completeness__lt=100).values("page_id")
        pages = pages.filter(pk__in=pending)
    else:
        raise ValueError(scope)
    return pages.order_by("path")


def export_units(page, only_pending):
    draft = page.specific.get_latest_revision_as_object()
    status = TranslationStatus.objects.filter(page_id=page.pk).first()
    units = []
    for state in segment_states(draft, status.memory if status else {}):
        if only_pending and state.state == CURRENT:
            continue
        segment = state.segment
        translated = segment.target if segment.target != segment.source else ""
        units.append(
            ExportUnit(
                unit_id=unit_id(page, segment.key),
                context=f"{page.title_en} › {segment.path} [{state.state}]",
                source=segment.source,
                target=translated,
                rich=segment.rich,
            )
        )
    return units


def render(fmt, units, title):
    return EXPORTERS[fmt](units, title=title)


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
        report.written = {}
        return report
    with transaction.atomic():
        for page, translations in writes.values():
            if progress:
                progress(page)
            draft = page.get_latest_revision_as_object()
            copy_missing_blocks(draft)
            set_targets(draft, translations)
            revision = draft.save_revision(user=user)
            refresh_status(draft, mark_current=set(translations))
            log(
                instance=page,
                action=IMPORT_ACTION,
                user=user,
                revision=revision,
                data={"file": filename, "segments": len(translations), "locale": "zh-hans"},
            )
            report.written[page.pk] = len(translations)
    return report


def _validated_writes(units, user, report):
    page_ids = {unit.unit_id.split("/", 1)[0] for unit in units}
    pages = {
        str(page.pk): page
        for page in Page.objects.filter(pk__in=[i for i in page_ids if i.isdigit()]).specific()
    }
    drafts, segments, writes = {}, {}, {}
    for unit in units:
        page_key, _slash, segment_key = unit.unit_id.partition("/")
        page = pages.get(page_key)
        problem = None
        if not unit.target.strip():
            report.skipped += 1
            continue
        if page is None or not segment_key:
            problem = _("Unknown page or segment id.")
        elif user is not None and not page.permissions_for_user(user).can_edit():
            problem = _("You may not edit this page.")
        else:
            if page.pk not in drafts:
                drafts[page.pk] = page.get_latest_revision_as_object()
                segments[page.pk] = {s.key: s for s in page_segments(drafts[page.pk])}
            segment = segments[page.pk].get(segment_key)
            if segment is None:
                problem = _("Unknown segment id: the page has no such field or block.")
            elif segment.source != unit.source:
                problem = _(
                    "Conflict: the English changed since this file was exported; export again."
                )
            else:
                problem = validate_markup(unit.target, segment.rich)
        if problem:
            report.problems.append(Problem(unit.unit_id, unit.location, problem))
            continue
        writes.setdefault(page.pk, (page, {}))[1][segment_key] = unit.target
    return writes
