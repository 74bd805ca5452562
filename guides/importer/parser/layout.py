"""The article's layout: paragraphs, section labels, sections and their "### " subsections."""

import re
from dataclasses import dataclass, field

from guides.importer.parser.patterns import CJK, MD_HEADING, RULE, SECTION_NUMBER, SECTION_PATTERNS
from guides.importer.parser.text import clean

_MAX_LABEL_LENGTH = 80


@dataclass
class Para:
    """Consecutive non-empty lines; headings and rules are always paragraphs of their own."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        joined = self.lines[0]
        for line in self.lines[1:]:
            cjk_join = re.match(rf"[{CJK}]", line) and re.search(rf"[{CJK}，。]$", joined)
            joined += line if cjk_join else " " + line
        return joined


@dataclass
class Section:
    kind: str  # one of the section label kinds, or "rule" for the part after "---"
    label: str  # the label as written, without its numbering
    line: int
    paras: list[Para] = field(default_factory=list)


def tokenize(lines: list[str], start_line: int, end_line: int) -> list[Para]:
    """The paragraphs of lines `start_line` to `end_line` (1-based, end excluded)."""
    paras: list[Para] = []
    current: Para | None = None
    for number in range(start_line, end_line):
        text = lines[number - 1].strip()
        if not text:
            current = None
        elif MD_HEADING.match(text) or RULE.match(text):
            paras.append(Para(number, [text]))
            current = None
        elif current is None:
            current = Para(number, [text])
            paras.append(current)
        else:
            current.lines.append(text)
    return paras


def heading_text(para: Para) -> str | None:
    """The text of a "### …" paragraph, or None."""
    if len(para.lines) != 1:
        return None
    match = MD_HEADING.match(para.lines[0])
    return match.group(2).strip() if match else None


def section_label(para: Para) -> tuple[str, str] | None:
    """(kind, label) when the paragraph is a section label, else None."""
    if len(para.lines) != 1:
        return None
    text = para.lines[0]
    heading = MD_HEADING.match(text)
    if heading:
        if len(heading.group(1)) > 2:  # "### …" is a subsection, never a section
            return None
        text = heading.group(2).strip()
    label = clean(SECTION_NUMBER.sub("", text, count=1)).strip()
    if not label or len(label) > _MAX_LABEL_LENGTH:
        return None
    for kind, pattern in SECTION_PATTERNS:
        if pattern.match(label):
            return kind, label
    return None


def subsections(section: Section) -> tuple[list[Para], list[tuple[Para, str, list[Para]]]]:
    """Split a section at "### " headings: (paragraphs before the first, [(heading para,
    heading text, paragraphs)])."""
    lead: list[Para] = []
    subs: list[tuple[Para, str, list[Para]]] = []
    for para in section.paras:
        heading = heading_text(para)
        if heading is not None:
            subs.append((para, clean(heading), []))
        elif subs:
            subs[-1][2].append(para)
        else:
            lead.append(para)
    return lead, subs
