"""I. Problem scenario: the narrative, the persona ("X is a 35-year-old …") and their words."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Section, heading_text
from guides.importer.parser.patterns import EN_PERSONA, NOT_NAMES, QUOTATION, ZH_PERSONA
from guides.importer.parser.text import clean, cn_number, paragraphs_html


def parse_scenario(draft: Draft, section: Section) -> None:
    for para in section.paras:
        if heading_text(para) is not None:
            draft.notes.add(
                para.line,
                _("kept the heading '%(heading)s' as scenario text")
                % {"heading": heading_text(para)},
            )
    persona, quote = _persona_and_quote(draft, section)
    value = {
        "heading": section.label,
        "narrative": paragraphs_html(draft.prose(section.paras)),
        "persona": persona,
        "quote": quote,
    }
    draft.add("scenario", value, section.line)


def _persona_and_quote(draft: Draft, section: Section) -> tuple[dict, str]:
    """The persona of the first paragraph that has one, and what that paragraph quotes."""
    for para in section.paras:
        persona = find_persona(clean(para.text))
        if persona:
            quotes = [next(g for g in m.groups() if g) for m in QUOTATION.finditer(para.text)]
            if persona["age"] is not None and not 12 <= persona["age"] <= 100:
                draft.notes.add(
                    para.line,
                    _("the persona's age %(age)s is outside 12-100") % {"age": persona["age"]},
                )
            return persona, " ".join(q.strip() for q in quotes)
    draft.notes.add(
        section.line, _("no persona sentence (like 'X is a 35-year-old …') in the scenario")
    )
    return {"name": "", "age": None, "role": ""}, ""


def find_persona(text: str) -> dict | None:
    """{"name", "age", "role"} from a sentence like "X is a 35-year-old …" or "何嘉今年三十三岁，
    是一名急诊科护士", or None."""
    match = EN_PERSONA.search(text)
    if match and match.group("name").split()[0] not in NOT_NAMES:
        return {
            "name": match.group("name"),
            "age": int(match.group("age")),
            "role": match.group("role").strip(),
        }
    for pattern in ZH_PERSONA:
        match = pattern.search(text)
        if match:
            return {
                "name": match.group("name"),
                "age": cn_number(match.group("age")),
                "role": match.group("role").strip(),
            }
    return None
