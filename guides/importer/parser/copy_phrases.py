"""Phrases you can copy directly: a situation line, then the words to say."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Section
from guides.importer.parser.patterns import ENDS_SENTENCE
from guides.importer.parser.scenario import find_persona
from guides.importer.parser.text import clean, excerpt, strip_quotes

_LONG_PHRASE = 300


def parse_copy_phrases(draft: Draft, section: Section) -> None:
    paras = list(section.paras)
    while paras:
        para = paras.pop(0)
        text = clean(para.text)
        is_situation = len(para.lines) == 1 and len(text) <= 200 and not ENDS_SENTENCE.search(text)
        if is_situation and paras:
            situation, phrase_para = text, paras.pop(0)
        else:
            situation, phrase_para = "", para
            draft.notes.add(para.line, _("a copy phrase has no situation line before it"))
        phrase = strip_quotes(clean(phrase_para.text))
        if find_persona(phrase) or len(phrase) > _LONG_PHRASE:
            draft.notes.add(
                phrase_para.line,
                _(
                    "the copy phrase reads like narrative rather than words to say "
                    "('%(phrase)s'); check it"
                )
                % {"phrase": excerpt(phrase, 40)},
            )
        draft.add("copy_phrase", {"phrase": phrase, "situation": situation}, para.line)
