"""The body: its paragraphs grouped into sections at their labels, each section parsed by the
module for its kind. Labels are matched on their text, never on their position or count."""

from django.utils.translation import gettext as _

from guides.importer.parser.cases import parse_cases, parse_spotlight
from guides.importer.parser.concepts import parse_concepts
from guides.importer.parser.copy_phrases import parse_copy_phrases
from guides.importer.parser.draft import Draft
from guides.importer.parser.faq import parse_faq
from guides.importer.parser.key_insights import parse_key_insights
from guides.importer.parser.layout import Para, Section, section_label, tokenize
from guides.importer.parser.pathway import parse_pathway
from guides.importer.parser.patterns import REFERENCES_LEAD, RULE
from guides.importer.parser.references import parse_references
from guides.importer.parser.scenario import parse_scenario
from guides.importer.parser.text import has_cjk

SECTION_PARSERS = {
    "scenario": parse_scenario,
    "concepts": parse_concepts,
    "pathway": parse_pathway,
    "cases": parse_cases,
    "spotlight": parse_spotlight,
    "summary": parse_key_insights,
    "copy": parse_copy_phrases,
    "faq": parse_faq,
    "rule": parse_references,
}


def parse_body(draft: Draft, start_line: int, end_line: int) -> None:
    sections, preamble = _sections(draft, tokenize(draft.lines, start_line, end_line))
    for para in preamble:
        draft.notes.skipped(para, _("before the first section"))
    for section in sections:
        SECTION_PARSERS[section.kind](draft, section)


def _sections(draft: Draft, paras: list[Para]) -> tuple[list[Section], list[Para]]:
    """(the sections, the paragraphs before the first). A "---" rule starts the references part,
    and so does a references line ("*This article …") that has no rule before it."""
    sections: list[Section] = []
    preamble: list[Para] = []
    for para in paras:
        found = section_label(para)
        if found:
            kind, label = found
            _check_label_language(draft, para.line, label)
            sections.append(Section(kind, label, para.line))
        elif RULE.match(para.lines[0]) and len(para.lines) == 1:
            sections.append(Section("rule", "", para.line))
        elif REFERENCES_LEAD.match(para.text) and not (sections and sections[-1].kind == "rule"):
            sections.append(Section("rule", "", para.line, [para]))
        elif sections:
            sections[-1].paras.append(para)
        else:
            preamble.append(para)
    return sections, preamble


def _check_label_language(draft: Draft, line: int, label: str) -> None:
    """A label in the other language of the article is noted and listed as a label fault."""
    if draft.language == "en" and has_cjk(label):
        draft.label_faults.append((line, label))
        draft.notes.add(
            line,
            _("the section label '%(label)s' is Chinese in an English article") % {"label": label},
        )
    if draft.language == "zh-hans" and not has_cjk(label):
        draft.label_faults.append((line, label))
        draft.notes.add(
            line,
            _("the section label '%(label)s' is English in a Chinese article") % {"label": label},
        )
