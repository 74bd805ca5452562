"""III. Practical guidelines: the pathway of steps, each with its day range, focus and actions."""

from django.utils.translation import gettext as _

from guides.importer.parser.draft import Draft
from guides.importer.parser.errors import ArticleError
from guides.importer.parser.layout import Para, Section, subsections
from guides.importer.parser.limits import DAYS, STEP_NUMBERS, in_range
from guides.importer.parser.patterns import (
    ACTIONS_LABEL,
    DAY_RANGE,
    LIST_ITEM,
    SAFETY,
    STEP,
    TRAILING_PARENS,
)
from guides.importer.parser.text import clean, excerpt, split_first_sentence, word_number


def parse_pathway(draft: Draft, section: Section) -> None:
    lead, subs = subsections(section)
    steps = []
    for heading_para, heading, paras in subs:
        match = STEP.match(heading)
        if not match:
            _skip_subsection(draft, heading_para, heading, paras)
            continue
        label = match.group("en") or match.group("zh")
        if label.isdigit():
            in_range(label, STEP_NUMBERS, _("the step number"), heading_para.line)
        number = word_number(label) or len(steps) + 1
        steps.append(_step(draft, heading_para.line, number, match.group("title"), paras))
    if not steps:
        draft.notes.add(
            section.line,
            _("'%(label)s' has no steps; kept its text as a section") % {"label": section.label},
        )
        draft.add_section(section.label, lead, section.line)
        return
    _note_overlaps(draft, section.line, steps)
    intro = "\n\n".join(draft.prose(lead))
    draft.add("pathway", {"heading": section.label, "intro": intro, "steps": steps}, section.line)


def _skip_subsection(draft: Draft, heading_para: Para, heading: str, paras: list[Para]) -> None:
    draft.notes.add(
        heading_para.line,
        _("skipped a heading that is not a step '%(heading)s'") % {"heading": heading},
    )
    # Translators: completes "skipped unrecognised text %(where)s '…'".
    under = _("under '%(heading)s'") % {"heading": excerpt(heading, 40)}
    for para in paras:
        draft.notes.skipped(para, under)


def _note_overlaps(draft: Draft, line: int, steps: list[dict]) -> None:
    for previous, step in zip(steps, steps[1:], strict=False):
        if (
            None not in (previous["day_to"], step["day_from"])
            and step["day_from"] <= previous["day_to"]
        ):
            draft.notes.add(
                line,
                _(
                    "step '%(title)s' starts on day %(day)s, which overlaps the step before "
                    "it (days %(start)s-%(end)s)"
                )
                % {
                    "title": step["title"],
                    "day": step["day_from"],
                    "start": previous["day_from"],
                    "end": previous["day_to"],
                },
            )


def _step(draft: Draft, line: int, number: int, title: str, paras: list[Para]) -> dict:
    title, day_from, day_to = _day_range(clean(title), line)
    if day_from is None:
        draft.notes.add(
            line,
            _("step %(step)s '%(title)s' has no recommended day range")
            % {"step": number, "title": title},
        )
    elif day_from > day_to:
        raise ArticleError(
            _("step %(step)s '%(title)s': day range %(start)s-%(end)s runs backwards")
            % {"step": number, "title": title, "start": day_from, "end": day_to},
            line,
        )
    before, actions, after = _split_at_actions(draft, number, paras)
    if not actions:
        raise ArticleError(
            _(
                "step %(step)s '%(title)s' has no actions: expected '- ' lines after "
                "'**Specific Actions**:'"
            )
            % {"step": number, "title": title},
            line,
        )
    texts = draft.prose(before)
    focus, prerequisites = split_first_sentence(texts[0]) if texts else ("", "")
    prerequisites = "\n\n".join(filter(None, [prerequisites, *texts[1:]]))
    if not focus:
        draft.notes.add(
            line,
            _("step %(step)s '%(title)s' has no description to take its focus from")
            % {"step": number, "title": title},
        )
    return {
        "title": title,
        "focus": focus,
        "day_from": day_from,
        "day_to": day_to,
        "prerequisites": prerequisites,
        "actions": actions,
        "safety_note": "\n\n".join(_safety_notes(draft, number, after)),
    }


def _day_range(title: str, line: int) -> tuple[str, int | None, int | None]:
    """(title, first day, last day) from "Title (Recommended Days 3-5)"; (title, None, None)."""
    parens = TRAILING_PARENS.search(title)
    if parens:
        for pattern in DAY_RANGE:
            days = pattern.match(parens.group("inner").strip())
            if days:
                day_from = in_range(days.group("a"), DAYS, _("the day"), line)
                last = days.groupdict().get("b")
                day_to = in_range(last, DAYS, _("the day"), line) if last else day_from
                return title[: parens.start()].strip(), day_from, day_to
    return title, None, None


def _split_at_actions(
    draft: Draft, number: int, paras: list[Para]
) -> tuple[list[Para], list[str], list[Para]]:
    """(paragraphs before the actions, the actions, paragraphs after them)."""
    before: list[Para] = []
    actions: list[str] = []
    after: list[Para] = []
    in_list = False
    for para in paras:
        lines = list(para.lines)
        if not actions and ACTIONS_LABEL.match(lines[0]):
            in_list = True
            lines = lines[1:]
            if not lines:
                continue
        if (in_list or not actions) and LIST_ITEM.match(lines[0]) and not after:
            if not in_list:
                draft.notes.add(
                    para.line,
                    _("step %(step)s: took a list without 'Specific Actions' as its actions")
                    % {"step": number},
                )
            in_list = True
            for text in lines:
                item = LIST_ITEM.match(text)
                if item:
                    actions.append(clean(item.group("text")))
                elif actions:  # a wrapped line continues the action above it
                    actions[-1] = f"{actions[-1]} {clean(text)}"
            continue
        if actions:
            after.append(para)
        else:
            before.append(para)
    return before, actions, after


def _safety_notes(draft: Draft, number: int, after: list[Para]) -> list[str]:
    """The safety notes after a step's actions; anything else there is skipped."""
    safety = []
    for para in after:
        if SAFETY.match(para.text):
            safety.append(SAFETY.sub("", clean(para.text), count=1).strip())
        else:
            draft.notes.skipped(para, _("after the actions of step %(step)s") % {"step": number})
    return safety
