"""Reading and bumping the published-content version (see ContentVersion)."""

from django.db import connection, transaction
from django.db.models import F

from cms.models import ContentVersion


def current_version():
    """Read on every API request, so plain SQL: the ORM would cost several times more."""
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = %s", [ContentVersion.SINGLETON_ID])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def _bump():
    updated = ContentVersion.objects.filter(pk=ContentVersion.SINGLETON_ID).update(
        value=F("value") + 1
    )
    if not updated:
        ContentVersion.objects.get_or_create(pk=ContentVersion.SINGLETON_ID, defaults={"value": 1})


def bump_content_version():
    """Mark published content as changed once the current transaction commits."""
    transaction.on_commit(_bump)
