from django.db import migrations

# PostgreSQL only: a full-text index over the pre-tokenised text. The expression must match the
# one cms.search.query uses, word for word, for the planner to use it.
CREATE = (
    "CREATE INDEX IF NOT EXISTS cms_searchdocument_tokens_gin "
    "ON cms_searchdocument USING gin (to_tsvector('simple'::regconfig, tokens))"
)
DROP = "DROP INDEX IF EXISTS cms_searchdocument_tokens_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_search_document")]

    operations = [migrations.RunPython(create, drop)]
