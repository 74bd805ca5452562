"""IV. Case examples ("### Example 1: …") and spotlights on a theory, researcher or study."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Para, Section, subsections
from guides.importer.parser.patterns import (
    APPROACH,
    EN_CASE_PERSON,
    EN_POSSESSIVE,
    EXAMPLE_HEADING,
    NOT_NAMES,
    STUDY_WORDS,
    THEORY_WORDS,
    ZH_CASE_PERSON,
    ZH_POSSESSIVE,
)
from guides.importer.parser.text import clean, paragraphs_html


def parse_cases(draft: Draft, section: Section) -> None:
    """Subsections headed "Example 1: …" are case examples, any other is a spotlight."""
    lead, subs = subsections(section)
    draft.lead_as_section(section, lead)
    for heading_para, heading, paras in subs:
        match = EXAMPLE_HEADING.match(heading)
        if match:
            title = (match.group("title") or match.group("zh")).strip()
            value = _case_value(draft, title, paras, heading_para)
            draft.add("case_example", value, heading_para.line)
        else:
            draft.add("spotlight", _spotlight_value(draft, heading, paras), heading_para.line)


def parse_spotlight(draft: Draft, section: Section) -> None:
    lead, subs = subsections(section)
    if lead:
        draft.add("spotlight", _spotlight_value(draft, section.label, lead), section.line)
    for heading_para, heading, paras in subs:
        draft.add("spotlight", _spotlight_value(draft, heading, paras), heading_para.line)


def _case_value(draft: Draft, title: str, paras: list[Para], heading_para: Para) -> dict:
    """Paragraph roles by position: the first is the presenting pattern, the last (of three or
    more) the outcome, those between the process; "Approach:" paragraphs are the approach."""
    approach = []
    rest = []
    for para in paras:
        if APPROACH.match(para.text):
            approach.append(APPROACH.sub("", clean(para.text), count=1))
        else:
            rest.append(para)
    texts = draft.prose(rest)
    if not texts:
        draft.notes.add(
            heading_para.line,
            _("the case example '%(title)s' has no text") % {"title": title},
        )
    middle = texts[1:-1] if len(texts) >= 3 else texts[1:]
    return {
        "title": title,
        "person": _case_person(texts[0]) if texts else "",
        "presenting_pattern": texts[0] if texts else "",
        "approach": "\n\n".join(approach),
        "process": "\n\n".join(middle),
        "outcome": texts[-1] if len(texts) >= 3 else "",
    }


def _case_person(text: str) -> str:
    """The name(s) a case example opens with ("Hana and Theo had …", "许亮有 …"), or ""."""
    english = EN_CASE_PERSON.match(text)
    if english and english.group("name").split()[0] not in NOT_NAMES:
        return english.group("name")
    chinese = ZH_CASE_PERSON.match(text)
    return chinese.group("name") if chinese else ""


def _spotlight_value(draft: Draft, heading: str, paras: list[Para]) -> dict:
    """The kind comes from the heading: a theory or a study by its words, else a researcher
    when it names one ("Mary Main's …"), else a theory."""
    subject, rest = "", heading
    for pattern in (EN_POSSESSIVE, ZH_POSSESSIVE):
        match = pattern.match(heading)
        if match and match.group("name").split()[0] not in NOT_NAMES:
            subject, rest = match.group("name"), match.group("rest")
            break
    if THEORY_WORDS.search(rest):
        kind = "theory"
    elif STUDY_WORDS.search(rest):
        kind = "study"
    else:
        kind = "researcher" if subject else "theory"
    return {
        "kind": kind,
        "title": heading,
        "subject": subject,
        "body": paragraphs_html(draft.prose(paras)),
    }
