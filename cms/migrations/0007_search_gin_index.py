from django.db import migrations

# PostgreSQL only: a GIN index on the stored tsvector (SQLite searches the tokens text instead).
CREATE = (
    "CREATE INDEX IF NOT EXISTS cms_searchdocument_vector_gin "
    "ON cms_searchdocument USING gin (search_vector)"
)
DROP = "DROP INDEX IF EXISTS cms_searchdocument_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_search_vector")]

    operations = [migrations.RunPython(create, drop)]
