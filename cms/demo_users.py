"""Demo logins for local development, one per role. Never used outside DEBUG."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.users.models import UserProfile

from cms.workflow import roles

DEMO_PASSWORD = "demo-password-123"  # noqa: S105  (printed for local use only)
DEMO_USERS = [
    # username, group (None: superuser), first name, last name, admin language (None: default)
    ("admin", None, "Alex", "Morgan", None),
    ("editor", roles.EDITORS, "Emma", "Clarke", None),
    ("reviewer", roles.REVIEWERS, "Ryan", "Hughes", None),
    ("translator", roles.TRANSLATORS, "丽娜", "王", "zh-hans"),
    ("zh_reviewer", roles.TRANSLATION_REVIEWERS, "明", "陈", "zh-hans"),
]


@transaction.atomic
def ensure_demo_users():
    """Create the missing demo users, and give existing ones a name where they have none
    (Wagtail's account settings refuse to save without one). Returns
    [(user, role label, created)]."""
    user_model = get_user_model()
    result = []
    for username, group_name, first_name, last_name, language in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.com",
                "first_name": first_name,
                "last_name": last_name,
                "is_staff": group_name is None,
                "is_superuser": group_name is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        elif not (user.first_name and user.last_name):
            user.first_name = user.first_name or first_name
            user.last_name = user.last_name or last_name
            user.save(update_fields=["first_name", "last_name"])
        if language:
            profile = UserProfile.get_for_user(user)
            if not profile.preferred_language:  # a choice the user made stays theirs
                profile.preferred_language = language
                profile.save(update_fields=["preferred_language"])
        label = roles.ROLE_LABELS[group_name] if group_name else roles.ADMIN_LABEL
        result.append((user, label, created))
    return result
