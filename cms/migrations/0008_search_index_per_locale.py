from django.db import migrations

# PostgreSQL only. One partial GIN index per language, so a search reads one index and no
# locale bitmap; the stored vectors gain title weights (cms.search.index.store_vectors).
LOCALES = {"en": "cms_searchdocument_en_gin", "zh-hans": "cms_searchdocument_zh_hans_gin"}
REWEIGHT = (
    "UPDATE cms_searchdocument SET search_vector = "
    "setweight(to_tsvector('simple'::regconfig, coalesce(title_tokens, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(tokens, '')), 'D')"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS cms_searchdocument_vector_gin")
    for locale, name in LOCALES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON cms_searchdocument "
            f"USING gin (search_vector) WHERE locale = '{locale}'"
        )
    schema_editor.execute(REWEIGHT)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in LOCALES.values():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS cms_searchdocument_vector_gin "
        "ON cms_searchdocument USING gin (search_vector)"
    )


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_search_gin_index")]

    operations = [migrations.RunPython(create, drop)]
