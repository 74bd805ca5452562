"""Demo logins for local development, one per role. Never used outside DEBUG."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from cms.workflow import roles

DEMO_PASSWORD = "demo-password-123"  # noqa: S105  (printed for local use only)
DEMO_USERS = [
    # username, group (None: superuser)
    ("admin", None),
    ("editor", roles.EDITORS),
    ("reviewer", roles.REVIEWERS),
    ("translator", roles.TRANSLATORS),
    ("zh_reviewer", roles.TRANSLATION_REVIEWERS),
]


@transaction.atomic
def ensure_demo_users():
    """Create the missing demo users. Returns [(user, role label, created)]."""
    user_model = get_user_model()
    result = []
    for username, group_name in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.com",
                "is_staff": group_name is None,
                "is_superuser": group_name is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        label = roles.ROLE_LABELS[group_name] if group_name else roles.ADMIN_LABEL
        result.append((user, label, created))
    return result
