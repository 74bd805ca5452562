"""Content warnings for guide pages, shown to editors and reused by the importer.
Texts are found with the one walker over stream data (cms.streams) and the body's blocks.

Pure Python: no database access. Warnings are advisory and never block saving.
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import blocks

from cms.places import join_places, trail_places
from cms.streams import is_text, item_value, leaves
from guides.blocks import GuideBodyBlock

BODY_BLOCK = GuideBodyBlock()


@dataclass(frozen=True)
class ContentWarning:
    code: str
    path: str
    message: str


CODE_REPEATED_ACTIONS = "repeated_actions"
CODE_TRUNCATED = "truncated_text"
CODE_ELLIPSIS = "trailing_ellipsis"
CODE_WRONG_SCRIPT = "wrong_script"
CODE_INTERFACE_LABEL = "interface_label"
CODE_MIXED_PUNCTUATION = "mixed_punctuation"
CODE_IMAGE_ALT_MISSING = "image_alt_missing"

# Labels the front end renders itself; exports sometimes bake them into the text.
CHINESE_INTERFACE_LABELS = (
    "常见问题",
    "可以直接复制的话",
    "参加关系测试",
    "开始测试",
    "核心概念",
    "问题场景",
    "具体行动",
    "总结",
    "核心洞见",
)
ENGLISH_INTERFACE_LABELS = (
    "Frequently Asked Questions",
    "Phrases You Can Copy",
    "Take the relationship test",
    "Start the test",
    "Specific Actions",
    "Key Insights",
)

# Top-level fields of a guide that are checked (blocks name theirs: guides/blocks.py).
FIELD_NAMES = {
    "title": gettext_lazy("title"),
    "subtitle": gettext_lazy("subtitle"),
    "summary": gettext_lazy("summary"),
    "number": gettext_lazy("number"),
}

# How a text is checked: prose must end in a full sentence; every text is checked for the wrong
# script and leaked labels; a reference's names and titles only for the script. By default a
# TextBlock or RichTextBlock holds prose and a CharBlock a short text (guides/blocks.py); these
# fields, by block type, are the exceptions.
PROSE, TEXT, SCRIPT = "prose", "text", "script"
CHECK_EXCEPTIONS = {
    ("pathway", "actions"): TEXT,
    ("references", "author"): SCRIPT,
    ("references", "work"): SCRIPT,
    ("image", "caption"): TEXT,
}
TOP_LEVEL_PROSE_FIELDS = frozenset({"summary"})

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_URL_RE = re.compile(rf"(?:https?://|www\.)[^\s{_CJK}\u3000-\u303f\uff00-\uffef]+")
_HALF_WIDTH_NEXT_TO_CJK_RE = re.compile(rf"[{_CJK}]\s*[,;:?!()]|[,;:?!()]\s*[{_CJK}]")
_WORD = r"[A-Za-z][A-Za-z'’\-]*"
_LATIN_RUN_RE = re.compile(rf"{_WORD}(?:[,;:.!?]?\s+{_WORD})+")
# Lower-case words that may appear inside names and titles ("Journal of ...", "van der Kolk").
_NAME_PARTICLES = frozenset(
    "a an and at by de der di for from in la le of on or the to van von with".split()
)
_MIN_ENGLISH_WORDS = 4
SENTENCE_END = ".!?。！？"
CLOSING_QUOTES = "”\"'’）)」』】》"
ELLIPSES = ("…", "...", "⋯")
_QUOTES_RE = re.compile("[\"“”‘’']")


def _plain(text: str) -> str:
    return html.unescape(strip_tags(text or "")).strip()


def _is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def looks_truncated(text: str) -> bool:
    """True when prose stops mid-sentence (no terminal punctuation)."""
    plain = _plain(text).rstrip(CLOSING_QUOTES + " \t\n\xa0")
    return bool(plain) and plain[-1] not in SENTENCE_END


def ends_with_ellipsis(text: str) -> bool:
    plain = _plain(text).rstrip(CLOSING_QUOTES + " \t\n\xa0")
    return plain.endswith(ELLIPSES)


def _is_name_or_title(words: list[str]) -> bool:
    return all(any(c.isupper() for c in w) or w in _NAME_PARTICLES for w in words)


def _has_english_run(text: str) -> bool:
    for run in _LATIN_RUN_RE.finditer(_URL_RE.sub(" ", text)):
        words = re.findall(_WORD, run.group())
        if len(words) >= _MIN_ENGLISH_WORDS and not _is_name_or_title(words):
            return True
    return False


def wrong_script(text: str, language: str) -> bool:
    plain = _plain(text)
    if _is_chinese(language):
        return _has_english_run(plain)
    return bool(_CJK_RE.search(plain))


def interface_labels_in(text: str, language: str) -> list[str]:
    plain = _plain(text)
    if _is_chinese(language):
        folded = plain.casefold()
        return [label for label in ENGLISH_INTERFACE_LABELS if label.casefold() in folded]
    return [label for label in CHINESE_INTERFACE_LABELS if label in plain]


def has_mixed_punctuation(text: str) -> bool:
    return bool(_HALF_WIDTH_NEXT_TO_CJK_RE.search(_URL_RE.sub(" ", _plain(text))))


# --- Readable field labels -------------------------------------------------------

_PATH_PART_RE = re.compile(r"(\w+)(?:\[(\d+)\])?")


def field_label(path: str, block_type: str | None = None) -> str:
    """Turn "body[4].steps[1].actions" into "Block 5 (Pathway) · Step 2 · Actions", as the
    translator's segments are named (cms.places)."""
    parts = list(_PATH_PART_RE.finditer(path))
    if not parts:
        return path
    name, index = parts[0].groups()
    head, trail, tail = [], [], []
    block = BODY_BLOCK.child_blocks.get(block_type) if name == "body" else None
    if block is not None and index is not None:
        trail.append(("stream", block, int(index)))
    elif name == "body" and index is not None:
        head.append(_("Block %(number)s") % {"number": int(index) + 1})
    else:
        head.append(capfirst(str(FIELD_NAMES.get(name, name.replace("_", " ")))))
    for part in parts[1:]:
        name, index = part.groups()
        child = getattr(block, "child_blocks", {}).get(name)
        if child is None or tail:
            tail.append(capfirst(name.replace("_", " ")))
            block = None
            continue
        trail.append(("struct", child, None))
        block = child
        if index is not None and isinstance(child, blocks.ListBlock):
            block = child.child_block
            trail.append(("list", block, int(index)))
    return join_places([*head, *trail_places(trail), *tail])


# --- Text checks -------------------------------------------------------------------


def _warning(code: str, path: str, message: str, **params) -> ContentWarning:
    return ContentWarning(code=code, path=path, message=message % params)


def _script_warnings(text: str, language: str, path: str, field: str) -> list[ContentWarning]:
    if not wrong_script(text, language):
        return []
    if _is_chinese(language):
        message = _("%(field)s contains English text in the Chinese version.")
    else:
        message = _("%(field)s contains Chinese text in the English version.")
    return [_warning(CODE_WRONG_SCRIPT, path, message, field=field)]


def _without_labels(text: str, labels: list[str]) -> str:
    for label in labels:
        text = re.sub(re.escape(label), " ", text, flags=re.IGNORECASE)
    return text


def check_text(
    text: str, language: str, path: str, prose: bool, *, block_type: str | None = None
) -> list[ContentWarning]:
    """Run the text-level checks; `block_type` only makes the field label friendlier."""
    plain = _plain(text)
    if not plain:
        return []
    field = field_label(path, block_type)
    warnings = []
    if prose and ends_with_ellipsis(plain):
        message = _("%(field)s ends in an ellipsis (…); write the full sentence.")
        warnings.append(_warning(CODE_ELLIPSIS, path, message, field=field))
    elif prose and looks_truncated(plain):
        message = _("%(field)s ends mid-sentence: it may have been cut off.")
        warnings.append(_warning(CODE_TRUNCATED, path, message, field=field))
    labels = interface_labels_in(plain, language)
    # A leaked label is reported once, as a label, not again as wrong-script text.
    warnings += _script_warnings(_without_labels(plain, labels), language, path, field)
    label_message = _(
        "%(field)s contains the interface label “%(label)s”; labels are added by the front end."
    )
    warnings += [
        _warning(CODE_INTERFACE_LABEL, path, label_message, field=field, label=label)
        for label in labels
    ]
    if _is_chinese(language) and has_mixed_punctuation(plain):
        message = _(
            "%(field)s mixes half-width punctuation (, ? !) into Chinese text; "
            "use full-width punctuation (，？！)."
        )
        warnings.append(_warning(CODE_MIXED_PUNCTUATION, path, message, field=field))
    return warnings


# --- Repeated pathway actions --------------------------------------------------------


def _list_values(raw) -> list:
    """A ListBlock's values, whether stored as items or as bare values."""
    return [item_value(item) for item in raw] if isinstance(raw, list) else []


def _normalise(action: str) -> str:
    text = _QUOTES_RE.sub('"', _plain(action).casefold())
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.split())


def _repeats(actions: list[str], earlier: list[str]) -> bool:
    """The same action list: the same actions in the same order, once case, punctuation and
    white space are set aside (_normalise). Similar wording is not a repeat."""
    return actions == earlier


def _step_actions(step) -> list[str]:
    actions = _list_values(step.get("actions")) if isinstance(step, dict) else []
    normalised = (_normalise(a) for a in actions if isinstance(a, str))
    return [a for a in normalised if a]


def _join_numbers(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return str(numbers[0])
    head = ", ".join(str(n) for n in numbers[:-1])
    return _("%(items)s and %(last)s") % {"items": head, "last": numbers[-1]}


def _repeat_groups(action_lists: list[list[str]]) -> dict[int, list[int]]:
    """Map each original step index to the indexes of later steps repeating it."""
    root_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for k, actions in enumerate(action_lists):
        if not actions:
            continue
        earlier = (j for j in range(k) if action_lists[j] and _repeats(actions, action_lists[j]))
        j = next(earlier, None)
        if j is not None:
            root_of[k] = root_of.get(j, j)
            groups.setdefault(root_of[k], []).append(k)
    return groups


def repeated_action_steps(
    steps: list[dict], path: str, *, block_type: str | None = None
) -> list[ContentWarning]:
    groups = _repeat_groups([_step_actions(step) for step in _list_values(steps)])
    parent, _sep, _last = path.rpartition(".")
    field = field_label(parent or path, block_type)
    warnings = []
    for first, repeats in groups.items():
        message = ngettext(
            "%(field)s: step %(steps)s repeats the action list of step %(first)s.",
            "%(field)s: steps %(steps)s repeat the action list of step %(first)s.",
            len(repeats),
        )
        params = {"field": field, "steps": _join_numbers([k + 1 for k in repeats])}
        actions_path = f"{path}[{repeats[0]}].actions"
        warnings.append(
            _warning(CODE_REPEATED_ACTIONS, actions_path, message, first=first + 1, **params)
        )
    return warnings


# --- Whole guide ---------------------------------------------------------------------


def _check_kind(leaf, block_type: str) -> str | None:
    """How the text at `leaf` is checked (None: it is not text, e.g. a number or a URL)."""
    if not is_text(leaf.block):
        return None
    field = next((block.name for kind, block, _i in reversed(leaf.trail) if kind == "struct"), "")
    default = TEXT if isinstance(leaf.block, blocks.CharBlock) else PROSE
    return CHECK_EXCEPTIONS.get((block_type, field), default)


def _check_block(block: dict, language: str, index: int) -> list[ContentWarning]:
    block_type = block.get("type", "")
    child = BODY_BLOCK.child_blocks.get(block_type)
    if child is None:
        return []
    warnings = []
    for leaf in leaves(BODY_BLOCK, [block]):
        kind = _check_kind(leaf, block_type)
        if kind is None or not isinstance(leaf.value, str):
            continue
        path = f"body[{index}]" + leaf.path.removeprefix("[0]")
        if kind == SCRIPT:
            label = field_label(path, block_type)
            warnings += _script_warnings(leaf.value, language, path, label)
        else:
            warnings += check_text(
                leaf.value, language, path, prose=kind == PROSE, block_type=block_type
            )
    value = block.get("value")
    if block_type == "pathway" and isinstance(value, dict):
        steps = value.get("steps") or []
        warnings += repeated_action_steps(steps, f"body[{index}].steps", block_type=block_type)
    if (
        block_type == "image"
        and isinstance(value, dict)
        and not str(value.get("alt") or "").strip()
    ):
        path = f"body[{index}].alt"
        message = _("%(field)s: describe the image for people who cannot see it.")
        warnings.append(
            _warning(CODE_IMAGE_ALT_MISSING, path, message, field=field_label(path, block_type))
        )
    return warnings


def check_guide(fields: dict[str, str], body: list[dict], language: str) -> list[ContentWarning]:
    warnings = []
    for name, text in fields.items():
        prose = name in TOP_LEVEL_PROSE_FIELDS
        warnings += check_text(text, language, name, prose=prose)
    for index, block in enumerate(body or []):
        if isinstance(block, dict):
            warnings += _check_block(block, language, index)
    return warnings
