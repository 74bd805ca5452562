"""Reading and bumping the published-content versions (see ContentVersion).

`value` goes up with every change readers could see (API caches and ETags key on it); `shared`
only when content that pages show but do not hold changes, which makes every stored reader
document out of date (cms.documents). The renditions readers are served count in both through
the newest one's id: Wagtail makes them with bulk_create, which sends no signal to bump a version
by. (The admin's thumbnails do not count.)
"""

import functools
from typing import NamedTuple

from django.db import connection
from django.db.models import F
from wagtail.images import get_image_model

from cms.after_commit import after_commit_once
from cms.images import ALL_SPECS
from cms.models import ContentVersion


class Versions(NamedTuple):
    content: int
    shared: int
    renditions: int  # the newest served rendition's id

    @property
    def content_key(self):
        """What API caches and ETags key on."""
        return f"{self.content}.{self.renditions}"

    @property
    def shared_key(self):
        """What stored reader documents are stamped with."""
        return f"{self.shared}.{self.renditions}"


@functools.cache
def _versions_sql():
    quote = connection.ops.quote_name
    renditions = quote(get_image_model().get_rendition_model()._meta.db_table)
    specs = ", ".join(["%s"] * len(ALL_SPECS))
    return (
        f"SELECT value, shared, (SELECT MAX(id) FROM {renditions} "  # noqa: S608
        f"WHERE filter_spec IN ({specs})) "
        f"FROM {quote(ContentVersion._meta.db_table)} WHERE id = %s"
    )


def current_versions():
    """Read on every API request, so plain SQL: the ORM would cost several times more."""
    with connection.cursor() as cursor:
        cursor.execute(_versions_sql(), [*ALL_SPECS, ContentVersion.SINGLETON_ID])
        row = cursor.fetchone()
    content, shared, renditions = row or (0, 0, 0)
    return Versions(content, shared, renditions or 0)


def current_version():
    return current_versions().content


def _bump(shared):
    changes = {"value": F("value") + 1}
    if shared:
        changes["shared"] = F("shared") + 1
    updated = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID).update(**changes)
    if not updated:
        ContentVersion.objects.get_or_create(
            pk=ContentVersion.SINGLETON_ID, defaults={"value": 1, "shared": 1}
        )


def bump_content_version(*, shared=False):
    """Mark published content as changed once the current transaction commits (once however
    many changes it holds); `shared`: the change reaches beyond one page's own row (a snippet,
    an image, a page's address)."""
    work = after_commit_once("content-version", lambda work: _bump(work["shared"]))
    work["shared"] = work.get("shared", False) or shared
