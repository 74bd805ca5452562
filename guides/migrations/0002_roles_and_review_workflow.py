from django.db import migrations

SNIPPET_MODELS = [("guides", "series"), ("guides", "quizcalltoaction"), ("guides", "faq")]


def install_roles(apps, schema_editor):
    from cms.workflow.roles import install

    install(apps, SNIPPET_MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
        ("cms", "0003_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(install_roles, migrations.RunPython.noop)]
