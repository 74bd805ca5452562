"""Topics become their own tag model with a Chinese name; existing tags are carried over."""

import django.db.models.deletion
import modelcluster.contrib.taggit
import modelsearch.index
from django.db import migrations, models

from cms.workflow.roles import grant_model_permissions

TOPIC_SNIPPET = [("guides", "topic")]


def tags_to_topics(apps, schema_editor):
    topic_model = apps.get_model("guides", "Topic")
    for item in apps.get_model("guides", "GuidePageTag").objects.select_related("tag"):
        item.topic, _created = topic_model.objects.get_or_create(
            slug=item.tag.slug, defaults={"name": item.tag.name}
        )
        item.save(update_fields=["topic"])


def topics_to_tags(apps, schema_editor):
    tag_model = apps.get_model("taggit", "Tag")
    for item in apps.get_model("guides", "GuidePageTag").objects.select_related("topic"):
        item.tag, _created = tag_model.objects.get_or_create(
            slug=item.topic.slug, defaults={"name": item.topic.name}
        )
        item.save(update_fields=["tag"])


def grant_topic_permissions(apps, schema_editor):
    grant_model_permissions(apps, TOPIC_SNIPPET)


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0003_relationship_test"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Topic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True, max_length=100, unique=True, verbose_name="slug"
                    ),
                ),
                (
                    "name_zh_hans",
                    models.CharField(blank=True, max_length=100, verbose_name="name (zh-hans)"),
                ),
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "ordering": ["name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="guidepagetag",
            name="topic",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="guides.topic",
            ),
        ),
        # Nullable while both exist, so that going back can re-create it before refilling it.
        migrations.AlterField(
            model_name="guidepagetag",
            name="tag",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(app_label)s_%(class)s_items",
                to="taggit.tag",
            ),
        ),
        migrations.RunPython(tags_to_topics, topics_to_tags),
        migrations.RemoveField(model_name="guidepagetag", name="tag"),
        migrations.RenameField(model_name="guidepagetag", old_name="topic", new_name="tag"),
        migrations.AlterField(
            model_name="guidepagetag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tagged_guides",
                to="guides.topic",
            ),
        ),
        migrations.AlterField(
            model_name="guidepage",
            name="topics",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="guides.GuidePageTag",
                to="guides.Topic",
                verbose_name="topics",
            ),
        ),
        migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop),
    ]
