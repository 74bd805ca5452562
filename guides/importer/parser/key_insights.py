"""The Summary section: an intro, the numbered key insights and a closing paragraph."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.layout import Para, Section
from guides.importer.parser.patterns import INSIGHTS_LABEL, NUMBERED
from guides.importer.parser.text import clean


def parse_key_insights(draft: Draft, section: Section) -> None:
    intro, insights, closing = _split_at_insights(section.paras)
    if not insights:
        draft.notes.add(
            section.line,
            _("'%(label)s' has no numbered key insights; kept it as a section")
            % {"label": section.label},
        )
        draft.add_section(section.label, intro, section.line)
        return
    value = {
        "heading": section.label,
        "intro": "\n\n".join(draft.prose(intro)),
        "insights": insights,
        "closing": "\n\n".join(draft.prose(closing)),
    }
    draft.add("key_insights", value, section.line)


def _split_at_insights(paras: list[Para]) -> tuple[list[Para], list[str], list[Para]]:
    """(paragraphs before the numbered list, its items, paragraphs after it)."""
    intro: list[Para] = []
    closing: list[Para] = []
    insights: list[str] = []
    phase = "intro"
    for para in paras:
        lines = list(para.lines)
        if phase == "intro" and INSIGHTS_LABEL.match(lines[0]):
            phase = "list"
            lines = lines[1:]
            if not lines:
                continue
        if phase != "closing" and NUMBERED.match(lines[0]):
            phase = "list"
            for text in lines:
                item = NUMBERED.match(text)
                if item:
                    insights.append(clean(item.group("text")))
                else:
                    insights[-1] = f"{insights[-1]} {clean(text)}"
            continue
        if insights:
            phase = "closing"
            closing.append(para)
        else:
            intro.append(para)
    return intro, insights, closing
