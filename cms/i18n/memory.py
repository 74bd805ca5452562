"""The translation memory: approved Chinese of other pages and snippets, offered for English.

Only approved Chinese goes in, read from the live row (the publication invariant): a live page's
Chinese segments that are translations and were approved for the English as it is now
(TranslationApproval.sources), and a live snippet's Chinese segments that are translations. An
object's rows are rebuilt whenever its Chinese goes live (cms.workflow.publication_effects) and
by `manage.py rebuild_translation_memory`.

Suggestions come from a per-process index of the memory's English, rebuilt only when the memory
or the published content changed; one cheap query tells which. A lookup then reads only the few
winning rows. Rows of an object that is no longer live (unpublished or deleted) are left out of
suggestions until a rebuild removes them.
"""

import threading
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import translation
from rapidfuzz import fuzz, process, utils
from wagtail.models import DraftStateMixin, Page

from cms.i18n.diff import plain, word_diff
from cms.i18n.locales import source_hash
from cms.i18n.segments import segments_of
from cms.models import ApprovedTranslation, ContentVersion, TranslationApproval
from cms.streams import is_translation, reader_text

# Below this similarity (0-100) a fuzzy match is more work to fix than to translate afresh.
CUTOFF = 70
ORIGIN_SEPARATOR = " · "


@dataclass(frozen=True)
class Suggestion:
    target: str  # the approved Chinese, as stored (rich HTML for rich text)
    source: str  # the English it translates, as stored
    score: int  # 100 for an exact match; fuzzy matches score at most 99
    exact: bool
    origin: str  # where it was approved, for people: "<title> · <segment>"
    diff: str  # the suggestion's English against the asked English, as safe HTML
    rich: bool


def owner_of(obj):
    """What `suggestions(exclude=...)` takes to leave `obj` (a page or snippet) out."""
    if isinstance(obj, Page):
        return obj.content_type_id, str(obj.pk)
    return ContentType.objects.get_for_model(type(obj)).pk, str(obj.pk)


def approved_segments(live):
    """The segments of `live` (a live row, see live_row) whose Chinese is approved for its
    English as it is now."""
    segments = [s for s in segments_of(live) if is_translation(s.source, s.target)]
    if not isinstance(live, Page):
        return segments
    sources = (
        TranslationApproval.objects.filter(page_id=live.pk)
        .values_list("sources", flat=True)
        .first()
    ) or {}
    return [s for s in segments if sources.get(s.key) == source_hash(s.source)]


def live_row(obj):
    """`obj`'s live row as stored (a page's specific one), or None when readers do not see it."""
    if isinstance(obj, Page):
        return Page.objects.live().filter(pk=obj.pk).specific().first()
    row = type(obj)._default_manager.filter(pk=obj.pk).first()
    # A snippet that is not live holds its unreviewed first draft, or what readers no longer see.
    if isinstance(row, DraftStateMixin) and not row.live:
        return None
    return row


def _title(obj):
    if isinstance(obj, Page):
        return obj.title_en or obj.title
    with translation.override("en"):
        return str(obj)


@transaction.atomic
def remember_approved(obj):
    """Rebuild the memory of `obj` (a page or snippet) from its live row: none when it is not
    live. Returns how many segments it now holds."""
    content_type_id, object_id = owner_of(obj)
    live = live_row(obj)
    segments = approved_segments(live) if live is not None else []
    title = _title(live) if segments else ""
    rows = [
        ApprovedTranslation(
            content_type_id=content_type_id,
            object_id=object_id,
            key=segment.key[:500],
            origin=f"{title}{ORIGIN_SEPARATOR}{segment.label}"[:500],
            source=segment.source,
            source_hash=source_hash(reader_text(segment.source)),
            target=segment.target,
            rich=segment.rich,
        )
        for segment in segments
    ]
    ApprovedTranslation.objects.filter(
        content_type_id=content_type_id, object_id=object_id
    ).delete()
    ApprovedTranslation.objects.bulk_create(rows, batch_size=500)
    forget_index()  # (other processes see the new rows by their ids)
    return len(rows)


def suggestions(english, *, exclude=None, limit=3):
    """Approved Chinese for `english` from other pages and snippets: exact matches first (the
    same English as readers see it), then fuzzy ones of at least CUTOFF, best first; one
    suggestion per Chinese text. `exclude` is an `owner_of()` pair to leave out."""
    asked = plain(english)
    if not asked or limit < 1:
        return []
    index = _index()
    memory = index.rows
    if not memory.ids:
        return []
    excluded = (int(exclude[0]), str(exclude[1])) if exclude else None
    chosen = {}  # position -> (score, exact), best first
    targets = set()

    def offer(position, score, exact):
        if position in chosen or not index.usable(position, excluded):
            return
        if memory.targets[position] in targets:
            return
        targets.add(memory.targets[position])
        chosen[position] = (score, exact)

    exact = sorted(memory.exact.get(source_hash(reader_text(english)), ()), reverse=True)
    for position in exact:  # the latest approval first
        if len(chosen) >= limit:
            break
        offer(position, 100, True)
    query = utils.default_process(asked)
    if len(chosen) < limit and query:
        matches = process.extract(
            query,
            memory.choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=CUTOFF,
            limit=None,
        )
        for _choice, score, position in matches:
            if len(chosen) >= limit:
                break
            offer(position, min(round(score), 99), False)
    rows = ApprovedTranslation.objects.in_bulk([memory.ids[position] for position in chosen])
    found = []
    for position, (score, is_exact) in chosen.items():
        row = rows.get(memory.ids[position])
        if row is None:  # removed since the index was read
            continue
        found.append(
            Suggestion(
                target=row.target,
                source=row.source,
                score=score,
                exact=is_exact,
                origin=row.origin,
                diff=word_diff(plain(row.source), asked),
                rich=row.rich,
            )
        )
    return found


@dataclass(frozen=True)
class _Rows:
    """The memory as the index holds it, one entry per row, in id order."""

    stamp: tuple
    ids: list
    owners: list  # (content type id, object id)
    choices: list  # the English as fuzzy matching compares it
    targets: list  # what makes two Chinese texts the same
    exact: dict  # source hash -> positions


@dataclass(frozen=True)
class _Index:
    rows: _Rows
    live: frozenset  # owners that are live now
    version: object

    def usable(self, position, excluded):
        owner = self.rows.owners[position]
        return owner != excluded and owner in self.live


_lock = threading.Lock()
_cache = {"index": None}


def _index():
    """The index for the memory as it is now: one query when nothing changed."""
    count, top, version = _stamp()
    stamp = (count, top)
    index = _cache["index"]
    if index is not None and index.rows.stamp == stamp and index.version == version:
        return index
    with _lock:  # one thread builds it; the others wait for it
        index = _cache["index"]
        if index is not None and index.rows.stamp == stamp and index.version == version:
            return index
        rows = index.rows if index is not None and index.rows.stamp == stamp else _read(stamp)
        index = _Index(rows, _live_owners(rows.owners), version)
        _cache["index"] = index
    return index


def forget_index():
    """Drop this process's index (tests and benchmarks that swap the memory under it)."""
    _cache["index"] = None


def _stamp():
    """(rows, highest row id, content version), each read from an index. Rows are only ever
    added (with new ids) or deleted, so the first two change whenever the memory does; the
    content version changes whenever what is live does."""
    memory = connection.ops.quote_name(ApprovedTranslation._meta.db_table)
    versions = connection.ops.quote_name(ContentVersion._meta.db_table)
    sql = (
        f"SELECT (SELECT COUNT(*) FROM {memory}), (SELECT MAX(id) FROM {memory}), "  # noqa: S608
        f"(SELECT value FROM {versions} WHERE id = %s)"  # (our own table names)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ContentVersion.SINGLETON_ID])
        return cursor.fetchone()


def _read(stamp):
    ids, owners, choices, targets, exact = [], [], [], [], {}
    rows = ApprovedTranslation.objects.order_by("id").values_list(
        "id", "content_type_id", "object_id", "source", "source_hash", "target"
    )
    for position, (pk, content_type_id, object_id, source, hashed, target) in enumerate(
        rows.iterator(chunk_size=2000)
    ):
        ids.append(pk)
        owners.append((content_type_id, object_id))
        choices.append(utils.default_process(_plain(source)))
        targets.append(hash(reader_text(target) if "<" in target else " ".join(target.split())))
        exact.setdefault(hashed, []).append(position)
    return _Rows(stamp, ids, owners, choices, targets, exact)


def _plain(text):
    return plain(text) if "<" in text or "&" in text else " ".join(text.split())


def _live_owners(owners):
    """The owners among `owners` that readers see now: one query per content type."""
    live = set()
    for content_type_id in {content_type_id for content_type_id, _id in owners}:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            objects = Page.objects.live().filter(content_type_id=content_type_id)
        elif issubclass(model, DraftStateMixin):
            objects = model._default_manager.filter(live=True)
        else:
            objects = model._default_manager.all()
        live.update((content_type_id, str(pk)) for pk in objects.values_list("pk", flat=True))
    return frozenset(live)
