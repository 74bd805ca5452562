"""Building reader documents: a page's after its publish commits, the stale ones in batches."""

import logging

from cms.after_commit import after_commit_once
from cms.caching.version import current_versions
from cms.documents import store
from cms.documents.registry import KINDS
from cms.i18n.locales import LOCALES

logger = logging.getLogger(__name__)


def build(page_ids):
    """Build and store every kind of document of `page_ids` in every language; returns how
    many were stored. The shared version is read before the content, so a document built while
    shared content changes is stamped as older than that change, and rebuilt."""
    document_stamp = store.stamp(current_versions())
    stored = 0
    for kind in KINDS.values():
        for locale in LOCALES:
            built = kind.build(list(page_ids), locale)
            store.save(kind.name, locale, built, document_stamp)
            stored += len(built)
    return stored


def build_after_commit(page_id):
    """A published page's documents, once the publish commits (with every other page the
    transaction published, after its content version bump). A failure is logged, never raised:
    the publish has happened, and reads build what they miss."""

    def run(work):
        try:
            build_many(sorted(work["pages"]))
        except Exception:
            logger.exception("Could not build the reader documents of pages %s", work["pages"])

    after_commit_once("reader-documents", run).setdefault("pages", set()).add(page_id)


def page_ids(*, stale=True, limit=None):
    """Pages with documents (or, with `stale`, with one missing or out of date), in id order."""
    document_stamp = store.stamp(current_versions())
    ids = set()
    for kind in KINDS.values():
        for locale in LOCALES:
            pages = kind.pages()
            if stale:
                pages = store.stale(pages, kind.name, locale, document_stamp)
            ids.update(pages.order_by("pk").values_list("pk", flat=True)[:limit])
    return sorted(ids)[:limit]


def build_many(ids, batch=50, advance=None):
    """Build the documents of `ids`, `batch` pages at a time; `advance(n)` is told after each
    batch (a progress bar). Returns how many documents were stored."""
    stored = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        stored += build(chunk)
        if advance:
            advance(len(chunk))
    return stored


def build_stale(limit):
    """The worker's round: the documents of up to `limit` stale pages."""
    return build_many(page_ids(limit=limit))
