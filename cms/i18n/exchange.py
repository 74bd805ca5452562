"""Export segments to PO/XLIFF and import translations back: validated first, then atomic."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import blocks
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
from cms.i18n.segments import (
    copy_missing_blocks,
    page_segments,
    segment_validator,
    set_targets,
)
from cms.i18n.status import CURRENT, refresh_status, segment_states
from cms.models import TranslationStatus
from cms.workflow.locks import lock_problem

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
        if not unit.target.strip():
            report.skipped += 1
            continue
        if page is not None and segment_key and page.pk not in drafts:
            drafts[page.pk] = page.get_latest_revision_as_object()
            segments[page.pk] = {s.key: s for s in page_segments(drafts[page.pk])}
        known = segments.get(getattr(page, "pk", None), {})
        problem = unit_problem(unit, page, segment_key, known, user)
        if problem is None:
            segment = segments[page.pk][segment_key]
            problem = validate_markup(unit.target, segment.rich) or text_problem(
                drafts[page.pk], segment, unit.target
            )
        if problem:
            report.problems.append(Problem(unit.unit_id, unit.location, problem))
            continue
        writes.setdefault(page.pk, (page, {}))[1][segment_key] = unit.target
    for page_id, (page, translations) in list(writes.items()):
        for segment_key, problem in page_problems(page, translations).items():
            report.problems.append(Problem(unit_id(page, segment_key), "", problem))
            del translations[segment_key]
        if not translations:
            del writes[page_id]
    return writes


def unit_problem(unit, page, segment_key, segments, user=None):
    """Why `unit` cannot be written where its id points, if it cannot."""
    if page is None or not segment_key:
        return _("Unknown page or segment id.")
    if user is not None and not page.permissions_for_user(user).can_edit():
        return _("You may not edit this page.")
    if locked := lock_problem(page, user):
        return locked
    segment = segments.get(segment_key)
    if segment is None:
        return _("Unknown segment id: the page has no such field or block.")
    if segment.source != unit.source:
        return _("Conflict: the English changed since this file was exported; export again.")
    return None


# Far above any real segment (a rich-text section is a few thousand characters).
MAX_SEGMENT_LENGTH = 50_000
# C0 controls (but tab and line breaks), DEL, C1 controls, and the bidirectional overrides
# that can disguise text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def text_problem(draft, segment, text):
    """What the editor's form would say of `text` as the Chinese of `segment`."""
    if found := CONTROL.search(text):
        return _("It contains the control character U+%(code)04X, which text may not hold.") % {
            "code": ord(found.group())
        }
    validator = segment_validator(draft, segment.key)
    limit = getattr(validator, "max_length", None) or MAX_SEGMENT_LENGTH
    if len(text) > limit:
        return _("It is %(length)d characters long; at most %(limit)d fit here.") % {
            "length": len(text),
            "limit": limit,
        }
    if validator is None:
        return None
    try:
        if isinstance(validator, blocks.Block):
            validator.clean(validator.to_python(text))
        else:
            validator.clean(text, draft)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def page_problems(page, translations):
    """{segment key: problem} from the page's own rules (a summary may not end in “…”) with
    `translations` in place."""
    draft = page.get_latest_revision_as_object()
    set_targets(draft, translations)
    try:
        draft.clean()
    except ValidationError as error:
        problems = {}
        for field_name, messages in getattr(error, "message_dict", {}).items():
            key = field_name.removesuffix("_zh_hans")
            if field_name.endswith("_zh_hans") and key in translations:
                problems[key] = " ".join(messages)
        return problems
    return {}
