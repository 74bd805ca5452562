"""II. Core concepts: "### " subsections, as mechanisms ("**Mechanism 1: Name**") or sections."""

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Section, subsections
from guides.importer.parser.patterns import MECHANISM, SUBSECTION_NUMBER
from guides.importer.parser.text import clean


def parse_concepts(draft: Draft, section: Section) -> None:
    lead, subs = subsections(section)
    draft.lead_as_section(section, lead)
    for heading_para, heading, paras in subs:
        heading = SUBSECTION_NUMBER.sub("", heading, count=1).strip()
        items, intro = [], []
        for para in paras:
            match = MECHANISM.match(para.text)
            if match:
                draft.check_complete(para)
                name = match.group("name").strip().rstrip(".。:：").strip()
                items.append({"name": name, "description": clean(match.group("text"))})
            else:
                intro.append(para)
        if items:
            value = {
                "heading": heading,
                "intro": "\n\n".join(draft.prose(intro)),
                "items": items,
            }
            draft.add("mechanisms", value, heading_para.line)
        else:
            draft.add_section(heading, paras, heading_para.line)
