"""The article being built: its body blocks, notes and label faults, shared by every section."""

from django.utils.translation import gettext as _

from guides.importer.parser.layout import Para, Section
from guides.importer.parser.notes import Notes
from guides.importer.parser.patterns import ENDS_SENTENCE
from guides.importer.parser.text import clean, paragraphs_html, tail

_CUT_OFF_MIN_LENGTH = 40


class Draft:
    def __init__(self, lines: list[str], language: str):
        self.lines = lines
        self.language = language
        self.body: list[dict] = []
        self.notes = Notes()
        self.label_faults: list[tuple[int, str]] = []  # (line, label in the other language)

    def add(self, kind: str, value: dict, line: int) -> None:
        """Add a block of the `guides.blocks.GuideBodyBlock` type `kind` to the body."""
        self.body.append({"type": kind, "value": value, "line": line})

    def add_section(self, heading: str, paras: list[Para], line: int) -> None:
        """Add a plain section block: `paras` as HTML paragraphs under `heading`."""
        self.add("section", {"heading": heading, "body": paragraphs_html(self.prose(paras))}, line)

    def lead_as_section(self, section: Section, lead: list[Para]) -> None:
        """Paragraphs that open a section before its first subsection: kept as a section block."""
        if lead:
            self.notes.add(
                lead[0].line,
                _("kept the text that opens '%(label)s' as a section") % {"label": section.label},
            )
            self.add_section(section.label, lead, lead[0].line)

    def prose(self, paras: list[Para]) -> list[str]:
        """The text of each paragraph, cleaned, after noting any that looks cut off."""
        for para in paras:
            self.check_complete(para)
        return [clean(para.text) for para in paras]

    def check_complete(self, para: Para) -> None:
        """Flag prose that stops mid-sentence: exports sometimes cut paragraphs off."""
        text = clean(para.text)
        if len(text) >= _CUT_OFF_MIN_LENGTH and not ENDS_SENTENCE.search(text):
            self.notes.add(
                para.line,
                _(
                    "the paragraph ends mid-sentence ('…%(end)s'): it may be cut off in the "
                    "export; kept as written"
                )
                % {"end": tail(text)},
            )
