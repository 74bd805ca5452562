"""Frequently asked questions: a one-line question ending in "?", then its answer."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Para, Section
from guides.importer.parser.text import clean, excerpt, paragraphs_html


def parse_faq(draft: Draft, section: Section) -> None:
    faqs: list[tuple[Para, list[Para]]] = []
    for para in section.paras:
        text = clean(para.text)
        if len(para.lines) == 1 and text.endswith(("?", "？")) and len(text) <= 300:
            faqs.append((para, []))
        elif faqs:
            faqs[-1][1].append(para)
        else:
            draft.notes.skipped(para, _("before the first question"))
    for question, answer in faqs:
        if not answer:
            draft.notes.add(
                question.line,
                _("the question '%(question)s' has no answer")
                % {"question": excerpt(question.text)},
            )
        value = {"question": clean(question.text), "answer": paragraphs_html(draft.prose(answer))}
        draft.add("faq", value, question.line)
