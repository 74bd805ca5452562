"""Whether an object is locked for a writer that is not the editor's form (an import, the
Translate view)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _


def lock_problem(obj, user):
    """Why `user` may not write to `obj` now (a person's lock, or a review stage's), or None.
    Without a user (a command), any lock holds."""
    lock = obj.get_lock()
    if lock is None or (user is not None and not lock.for_user(user)):
        return None
    reason = strip_tags(lock.get_message(user)) if user is not None else ""
    return _("“%(object)s” is locked (%(reason)s); its Chinese cannot be changed now.") % {
        "object": obj,
        "reason": reason or _("locked"),
    }
