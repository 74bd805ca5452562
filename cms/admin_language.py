"""The editor's language toggle (wagtail-modeltranslation's "View / edit fields for"), made to
stay as each user left it, and its English-only labels translated.

wagtail-modeltranslation shows the default language's fields after every load, and remembers a
choice only under one browser-wide key (when WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE is
on). Here each user's choice is kept in the browser's localStorage under a key of their own,
and someone whose admin language is Chinese starts on the Chinese fields. The editor forms
(cms.workflow.forms) carry the per-user settings in their media; cms/static/cms/
admin_language.js applies them before the toggle is built.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks

from cms.i18n.locales import SOURCE, TARGET

CONFIG_ID = "cms-editor-languages"


def editor_language_config(user):
    """What admin_language.js needs for `user`: their storage key, the languages shown when
    they have chosen none, the toggles' names and wagtail-modeltranslation's copy label."""
    language = get_language() or settings.LANGUAGE_CODE
    default = [TARGET] if language.lower() == TARGET else [SOURCE]
    return {
        "storageKey": f"cms.editorLanguages.{user.pk}" if user is not None else "",
        "defaultLanguages": default,
        "languageNames": {code: str(name) for code, name in settings.LANGUAGES},
        "copyContentFrom": _("Copy content from"),
    }


class EditorLanguageScript:
    """A form media entry (Django renders objects with __html__) holding the config as JSON."""

    def __init__(self, config):
        self.config = config

    def __html__(self):
        return json_script(self.config, CONFIG_ID)

    def __eq__(self, other):
        return isinstance(other, EditorLanguageScript) and self.config == other.config

    def __hash__(self):
        return hash(json.dumps(self.config, sort_keys=True))


class EditorLanguageMediaMixin:
    """For an admin form with `for_user`: the user's language toggle settings in its media."""

    @property
    def media(self):
        from django.forms import Media

        config = editor_language_config(getattr(self, "for_user", None))
        return super().media + Media(js=[EditorLanguageScript(config)])


@hooks.register("insert_editor_js", order=100)  # after wagtail-modeltranslation's settings
def editor_language_toggle_js():
    return format_html('<script src="{}"></script>', static("cms/admin_language.js"))
