from django.db import migrations

# Reviewers (and superusers) manage webhook endpoints and read the delivery log.
GROUP = "Reviewers"
PERMISSIONS = [
    "add_webhookendpoint",
    "change_webhookendpoint",
    "delete_webhookendpoint",
    "view_webhookendpoint",
    "view_webhookdelivery",
]


def grant(apps, schema_editor):
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("webhooks"), verbosity=0)
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="webhooks", codename__in=PERMISSIONS
    )
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group:
        permissions = apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="webhooks", codename__in=PERMISSIONS
        )
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_initial"),
        ("guides", "0002_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
