"""Interface strings of installed packages that ship no Simplified Chinese catalogue, so that
`make messages` puts them in ours.

Django looks a msgid up in every catalogue of the "django" domain, and LOCALE_PATHS (our
locale/) comes before every app's own: a translation here is what the admin shows, whoever
calls gettext. Each msgid must match the package's text exactly. Strings the packages' code
wraps in gettext are listed; text their JavaScript hard-codes ("Copy content from") cannot be
looked up this way and is replaced by cms/static/cms/admin_language.js instead.

Only what no installed catalogue translates yet is here (Wagtail's own catalogue already has,
for instance, the copy form's "New title" and "Copy subpages").
"""

from django.utils.translation import gettext_noop

WAGTAIL_MODELTRANSLATION = [
    # The page editor's language toggle (wagtail_modeltranslation/wagtail_hooks.py).
    gettext_noop("View / edit fields for"),
    # Copying a page (its copy view replaces Wagtail's).
    gettext_noop("Page '{0}' and {1} subpages copied."),
    gettext_noop("Page '{0}' copied."),
    # A slug already taken by a sibling (patch_wagtailadmin.py, patch_wagtailadmin_forms.py).
    gettext_noop("This slug is already in use"),
    gettext_noop('This slug is already in use within the context of its parent page "%s"'),
]
