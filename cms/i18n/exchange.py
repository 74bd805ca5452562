"""Export segments to PO/XLIFF and import translations back: validated first, then atomic.

A unit's state travels with it: a missing unit has no Chinese, an outdated one is marked for
review (fuzzy, needs-review-translation, initial) with the English it was translated from, a
current one is a translation. A unit still marked for review when it comes back is written only
over an outdated translation, and stays outdated; a Chinese that only copies its English is
left out, as untranslated.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.log_actions import log
from wagtail.models import Page

from cms.content import page_group
from cms.i18n.formats import (
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ExportUnit,
    MarkupError,
    parse,
    validate_markup,
)
from cms.i18n.links import link_targets
from cms.i18n.segments import copy_missing_blocks, segment_validator, set_targets
from cms.i18n.status import CURRENT, MISSING, OUTDATED, refresh_status, segment_states
from cms.locks import lock_problem
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


def _memory(page):
    status = TranslationStatus.objects.filter(page_id=page.pk).first()
    return status.memory if status else {}


def _states(draft):
    """{segment key: its SegmentState} of `draft` (a copy of the English is missing)."""
    return {state.segment.key: state for state in segment_states(draft, _memory(draft))}


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
                context=f"{page.title_en} › {segment.path} [{item.state}]",
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
            draft = page.get_latest_revision_as_object()
            copy_missing_blocks(draft)
            set_targets(draft, translations)
            remembered = _remembered(page, review)
            revision = draft.save_revision(user=user)
            _remember(page, remembered)
            refresh_status(draft, mark_current=set(translations) - review)
            log(
                instance=page,
                action=IMPORT_ACTION,
                user=user,
                revision=revision,
                data={"file": filename, "segments": len(translations), "locale": "zh-hans"},
            )
            report.written[page.pk] = len(translations)
            report.kept_outdated += len(review)
    return report


def _remembered(page, keys):
    """Which English the Chinese of each segment in `keys` was written for, before the import
    (an unknown English for a segment with no memory)."""
    memory = _memory(page)
    return {key: memory.get(key, {"h": "", "s": ""}) for key in keys}


def _remember(page, remembered):
    """Put back `remembered`: saving a revision records a changed Chinese as written for the
    current English, but a Chinese still marked for review is not."""
    if remembered:
        status = TranslationStatus.objects.select_for_update().get(page_id=page.pk)
        status.memory = {**status.memory, **remembered}
        status.save(update_fields=["memory", "updated_at"])


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
        problem = page_problem(page, segment_key, user)
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


def page_problem(page, segment_key, user=None):
    """Why nothing can be written into `page`, if it cannot."""
    if page is None or not segment_key:
        return _("Unknown page or segment id.")
    if user is not None and not page.permissions_for_user(user).can_edit():
        return _("You may not edit this page.")
    return lock_problem(page, user)


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
    problem = (
        validate_markup(target, segment.rich)
        or link_problem(segment.source, target)
        or text_problem(draft, segment, target)
    )
    return problem, target


def _without_markup(html):
    """Rich text as translate-toolkit's xliff2po leaves it: the text, without its tags."""
    return unescape(strip_tags(html))


def link_problem(english, chinese):
    """The admin form's rule: a translation links only where its English links."""
    if link_targets(chinese) - link_targets(english):
        return _(
            "It links where its English does not: a translation may link only where its "
            "English links."
        )
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
