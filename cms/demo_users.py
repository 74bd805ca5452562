"""Demo logins for local development. Never used outside DEBUG."""

from django.contrib.auth import get_user_model
from django.db import transaction

DEMO_PASSWORD = "demo-password-123"  # noqa: S105  (printed for local use only)
DEMO_ADMIN = {"username": "admin", "email": "admin@example.com"}


@transaction.atomic
def ensure_demo_admin():
    """Create the demo superuser if missing. Returns (user, created)."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=DEMO_ADMIN["username"],
        defaults={"email": DEMO_ADMIN["email"], "is_staff": True, "is_superuser": True},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user, created
