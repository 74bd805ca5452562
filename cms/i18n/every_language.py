"""Messages kept in every interface language, so a record made by a command run in one language
reads in the language of whoever opens it later."""

from django.conf import settings
from django.utils import translation


def in_every_language(render):
    """{language code: render()}, with each interface language active in turn."""
    rendered = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            rendered[code] = render()
    return rendered


def in_current_language(texts):
    """The active language's text from an `in_every_language` dict; a plain string (as older
    records hold) is returned as it is."""
    if isinstance(texts, str):
        return texts
    return (
        texts.get(translation.get_language())
        or texts.get(settings.LANGUAGE_CODE)
        or next(iter(texts.values()), "")
    )
