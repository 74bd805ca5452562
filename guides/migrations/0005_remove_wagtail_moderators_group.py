"""Wagtail's first migrations create a "Moderators" group for their one-stage approval, which
0002 replaced with the review workflow. An empty Moderators group only confuses admins choosing
roles; one with members is left for an admin to retire."""

from django.db import migrations


def remove_empty_moderators(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    group_model.objects.filter(name="Moderators", user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("guides", "0004_topics")]

    operations = [migrations.RunPython(remove_empty_moderators, migrations.RunPython.noop)]
