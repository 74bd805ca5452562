"""Whether a stored document is current, and storing documents."""

import functools
import hashlib

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Exists, OuterRef

from cms.caching.http import API_VERSION
from cms.models import ReaderDocument

# Settings a document's bytes depend on: a deploy that changes one makes every document stale.
BUILD_SETTINGS = ("PUBLIC_SITE_URL", "WAGTAIL_SITE_NAME", "MEDIA_URL", "LANGUAGE_CODE")


@functools.cache
def build_key():
    parts = [API_VERSION, *(str(getattr(settings, name, "")) for name in BUILD_SETTINGS)]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest()


def _forget_build_key(setting, **kwargs):
    if setting in BUILD_SETTINGS:  # (tests override settings; a deploy starts new processes)
        build_key.cache_clear()


setting_changed.connect(_forget_build_key, dispatch_uid="cms-documents-build-key")


def stamp(versions):
    """What a document built at `versions` (cms.caching.version.Versions) is stamped with."""
    return f"{build_key()}.{versions.shared_key}"


def current_document(kind, locale, document_stamp, page_ref="pk"):
    """The stored documents of the page at `page_ref` that may be served (at most one)."""
    return ReaderDocument.objects.filter(
        page=OuterRef(page_ref),
        kind=kind,
        locale=locale,
        revision_id=OuterRef("live_revision_id"),
        stamp=document_stamp,
    )


def stale(pages, kind, locale, document_stamp):
    """Those of `pages` without a current document of `kind` in `locale`."""
    return pages.exclude(Exists(current_document(kind, locale, document_stamp)))


def save(kind, locale, built, document_stamp):
    """Store `built` ({page id: (revision id, bytes)}), replacing what each page had."""
    ReaderDocument.objects.bulk_create(
        [
            ReaderDocument(
                page_id=page_id,
                kind=kind,
                locale=locale,
                revision_id=revision_id,
                stamp=document_stamp,
                body=body,
            )
            for page_id, (revision_id, body) in built.items()
        ],
        update_conflicts=True,
        unique_fields=["page", "kind", "locale"],
        update_fields=["revision_id", "stamp", "body", "built_at"],
    )
