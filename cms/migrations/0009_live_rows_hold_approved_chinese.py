"""The live row of a page holds its approved Chinese (cms.workflow.publishing).

Before, the approved Chinese was kept apart, in TranslationApproval.content, and every read path
laid it over the live row, whose own Chinese could be unreviewed. This writes each published
page's approved Chinese into its row (none approved: no Chinese), then drops the copy.
Run `manage.py rebuild_search_index` afterwards.
"""

import json

from django.db import migrations

# Wagtail's own translated columns, added to wagtailcore_page by wagtail-modeltranslation after
# migrations (so absent from the historical Page model).
PAGE_COLUMNS = ("title", "slug", "seo_title", "search_description", "url_path")


def _stored(value):
    return json.dumps(value) if isinstance(value, list | dict) else value


def move_approved_chinese_into_rows(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    approvals = dict(
        apps.get_model("cms", "TranslationApproval").objects.values_list("page_id", "content")
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, "wagtailcore_page")
    columns = {column.name for column in description}
    published = page_model.objects.exclude(first_published_at=None)
    for page_id, content_type_id in published.values_list("pk", "content_type_id"):
        content = approvals.get(page_id) or {}
        page_columns = [name for name in PAGE_COLUMNS if f"{name}_zh_hans" in columns]
        if page_columns:
            assignments = ", ".join(f"{name}_zh_hans = %s" for name in page_columns)
            values = [_stored(content.get(name)) or None for name in page_columns]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE wagtailcore_page SET {assignments} WHERE id = %s",  # noqa: S608
                    [*values, page_id],
                )
        content_type = content_type_model.objects.get(pk=content_type_id)
        try:
            model = apps.get_model(content_type.app_label, content_type.model)
        except LookupError:
            continue
        fields = [
            field
            for field in model._meta.local_fields
            if field.name.endswith("_zh_hans") and field.name[: -len("_zh_hans")] not in PAGE_COLUMNS
        ]
        if not fields:
            continue
        row = model.objects.get(pk=page_id)
        for field in fields:
            value = content.get(field.name[: -len("_zh_hans")])
            if value in (None, "", []):
                value = [] if hasattr(field, "stream_block") else None if field.null else ""
            setattr(row, field.name, value)
        row.save(update_fields=[field.name for field in fields])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_search_index_per_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_approved_chinese_into_rows, migrations.RunPython.noop),
        migrations.RemoveField(model_name="translationapproval", name="content"),
    ]
