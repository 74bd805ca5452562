"""Editorial roles and the two-stage review workflow, installed by a data migration.

Everything here works on the historical models a migration passes in, so it keeps working as
the live models change.
"""

from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
REVIEWERS = "Reviewers"
TRANSLATORS = "zh-hans Translators"
TRANSLATION_REVIEWERS = "zh-hans Translation reviewers"
ADMIN_LABEL = _("Administrator")
# Group names are data; these make them translatable where the admin shows them.
ROLE_LABELS = {
    EDITORS: _("Editors"),
    REVIEWERS: _("Reviewers"),
    TRANSLATORS: _("zh-hans Translators"),
    TRANSLATION_REVIEWERS: _("zh-hans Translation reviewers"),
}

WORKFLOW_NAME = "Guide review"
EDITORIAL_TASK = "Editorial review"
TRANSLATION_TASK = "zh-hans translation review"

# Page permissions, granted on the root page so they cover every section.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page"],
    TRANSLATION_REVIEWERS: ["change_page"],
}
# Model permissions: (app_label, codename).
ADMIN = [("wagtailadmin", "access_admin")]
SOURCE = [("cms", "edit_source_language")]
APPROVE = [("cms", "approve_translation")]
IMAGES_EDIT = ["add_image", "choose_image", "change_image"]
IMAGES_CHOOSE = ["choose_image"]


def snippet_permissions(models, actions):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


def model_permissions(snippet_models):
    return {
        EDITORS: ADMIN + SOURCE + snippet_permissions(snippet_models, ["add", "change"]),
        REVIEWERS: ADMIN
        + SOURCE
        + snippet_permissions(snippet_models, ["add", "change", "delete"]),
        TRANSLATORS: ADMIN + snippet_permissions(snippet_models, ["change"]),
        TRANSLATION_REVIEWERS: ADMIN + APPROVE + snippet_permissions(snippet_models, ["change"]),
    }


# Drafts of shared content (snippets with Wagtail's draft, lock and workflow mixins): reviewers
# publish their English, lock and unlock them; Chinese goes live through translation review.
SHARED_CONTENT_ACTIONS = {REVIEWERS: ["publish", "lock", "unlock"]}

COLLECTION_PERMISSIONS = {
    EDITORS: IMAGES_EDIT,
    REVIEWERS: IMAGES_EDIT,
    TRANSLATORS: IMAGES_CHOOSE,
    TRANSLATION_REVIEWERS: IMAGES_CHOOSE,
}


def _ensure_permissions_exist(labels):
    # Permissions are normally created after all migrations; a data migration needs them now.
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for label in labels:
        create_permissions(global_apps.get_app_config(label), verbosity=0)


def grant_model_permissions(apps, snippet_models):
    """Create the four groups if missing and give them their model permissions, including
    those on `snippet_models`. Returns the groups by name."""
    _ensure_permissions_exist(
        {"wagtailadmin", "wagtailcore", "wagtailimages", "cms", *(a for a, _ in snippet_models)}
    )
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    groups = {}
    for name, permissions in model_permissions(snippet_models).items():
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(
            *(
                permission_model.objects.get(content_type__app_label=app, codename=code)
                for app, code in permissions
            )
        )
        groups[name] = group
    return groups


def install(apps, snippet_models):
    """Create the four groups with their permissions, and the review workflow on the root."""
    groups = grant_model_permissions(apps, snippet_models)
    permission_model = apps.get_model("auth", "Permission")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)

    def permission(app_label, codename):
        return permission_model.objects.get(content_type__app_label=app_label, codename=codename)

    for name, group in groups.items():
        for code in PAGE_PERMISSIONS[name]:
            page_permission_model.objects.get_or_create(
                group=group, page=root, permission=permission("wagtailcore", code)
            )
        for code in COLLECTION_PERMISSIONS[name]:
            collection_permission_model.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission("wagtailimages", code),
            )
    _install_workflow(apps, root, groups)


def _install_workflow(apps, root, groups):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow, _created = workflow_model.objects.get_or_create(name=WORKFLOW_NAME, active=True)
    stages = [
        (EDITORIAL_TASK, REVIEWERS, "editorialreviewtask"),
        (TRANSLATION_TASK, TRANSLATION_REVIEWERS, "translationreviewtask"),
    ]
    for order, (task_name, group, model_name) in enumerate(stages):
        task_model = apps.get_model("cms", model_name)
        task_type, _created = content_type_model.objects.get_or_create(
            app_label="cms", model=model_name
        )
        task = task_model.objects.filter(name=task_name).first()
        if task is None:
            task = task_model.objects.create(name=task_name, active=True, content_type=task_type)
        task.groups.set([groups[group]])
        apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    # Wagtail's own migrations attach a one-stage "Moderators approval"; this replaces it.
    apps.get_model("wagtailcore", "WorkflowPage").objects.update_or_create(
        page=root, defaults={"workflow": workflow}
    )
    workflow_model.objects.exclude(pk=workflow.pk).update(active=False)


def install_shared_content_review(apps, snippet_models):
    """Give `snippet_models` the review workflow, and reviewers their publish, lock and unlock
    permissions (which Wagtail itself creates only after migrations, so they are made here)."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    workflow = apps.get_model("wagtailcore", "Workflow").objects.get(name=WORKFLOW_NAME)
    for app_label, model_name in snippet_models:
        content_type, _created = content_type_model.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        apps.get_model("wagtailcore", "WorkflowContentType").objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        for group_name, actions in SHARED_CONTENT_ACTIONS.items():
            group = group_model.objects.get(name=group_name)
            for action in actions:
                permission, _created = permission_model.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model_name}",
                    defaults={"name": f"Can {action} {model_name}"},
                )
                group.permissions.add(permission)
