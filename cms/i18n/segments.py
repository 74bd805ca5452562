"""Translation segments: every piece of English text on a page, and its Chinese counterpart.

A segment is one translatable field, or one text leaf inside a StreamField, matched between
`body_en` and `body_zh_hans` by block id at every level (cms.streams). Its key is stable across
edits, e.g. `title` or `body.<block-id>.steps.<item-id>.focus`.
"""

from dataclasses import dataclass

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from cms.i18n.fields import translation_field_names
from cms.streams import align, has_words, is_text, leaves, rebuild


def segment_field_names(model):
    """Translated fields that are segments: what a translator writes, but the slug."""
    return [name for name in translation_field_names(model) if name != "slug"]


@dataclass(frozen=True)
class Segment:
    key: str
    field: str
    path: str  # for people: body[3] › steps[1] › actions[0]
    source: str
    target: str
    rich: bool


def _raw(page, field_name, suffix):
    value = getattr(page, f"{field_name}_{suffix}", None)
    if value is None:
        return []
    return list(value.raw_data) if hasattr(value, "raw_data") else list(value)


def _people_path(field_name, trail):
    """A leaf's place as the translations report shows it: body[3] (pathway) › steps[1]."""
    parts = [field_name]
    for kind, block, index in trail:
        if kind == "stream":
            parts.append(f"[{index}] ({block.name})")
        elif kind == "list":
            parts.append(f"[{index}]")
        else:
            parts.append(f" › {block.name}")
    return "".join(parts)


def _stream_segments(field, source, target):
    for leaf in leaves(field.stream_block, source, target):
        if is_text(leaf.block) and isinstance(leaf.value, str) and leaf.value.strip():
            yield Segment(
                key=f"{field.name}.{leaf.key}",
                field=field.name,
                path=_people_path(field.name, leaf.trail),
                source=leaf.value,
                target=leaf.counterpart if isinstance(leaf.counterpart, str) else "",
                rich=isinstance(leaf.block, blocks.RichTextBlock),
            )


def segments_of(page):
    """Every segment of `page` (or snippet) whose English is not empty, in reading order."""
    segments = []
    for name in segment_field_names(type(page)):
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            source, target = _raw(page, name, "en"), _raw(page, name, "zh_hans")
            segments.extend(_stream_segments(field, source, target))
            continue
        source = getattr(page, f"{name}_en", None) or ""
        if str(source).strip():
            target = getattr(page, f"{name}_zh_hans", None) or ""
            rich = isinstance(field, RichTextField)
            segments.append(Segment(name, name, name, str(source), str(target), rich))
    return segments


def set_targets(page, translations):
    """Write {segment key: Chinese} into `page` in memory. A Chinese stream takes the English
    structure (cms.streams.align) with the given texts in place.

    Returns the keys that are not segments of the page.
    """
    unknown = set(translations)
    for name in segment_field_names(type(page)):
        field = page._meta.get_field(name)
        if not isinstance(field, StreamField):
            if name in translations:
                setattr(page, f"{name}_zh_hans", translations[name])
                unknown.discard(name)
            continue
        if not any(key.startswith(f"{name}.") for key in translations):
            continue

        def write(leaf, name=name):
            key = f"{name}.{leaf.key}"
            if not (is_text(leaf.block) and has_words(leaf.value)):
                return leaf.value
            if key in translations:
                unknown.discard(key)
                return translations[key]
            return leaf.counterpart if has_words(leaf.counterpart) else leaf.value

        english, chinese = _raw(page, name, "en"), _raw(page, name, "zh_hans")
        setattr(page, f"{name}_zh_hans", rebuild(field.stream_block, english, write, chinese))
    return sorted(unknown)


def copy_missing_blocks(page):
    """Give every English block a Chinese counterpart: the Chinese stream in the English
    structure, a copy of the English where nothing is translated yet."""
    for name in segment_field_names(type(page)):
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            english, chinese = _raw(page, name, "en"), _raw(page, name, "zh_hans")
            setattr(page, f"{name}_zh_hans", align(field.stream_block, english, chinese))


def segment_validator(page, key):
    """What validates a segment's text as the editor's form would: its block (a stream leaf)
    or its model field. None for an unknown key."""
    field_name, _dot, rest = key.partition(".")
    if field_name not in segment_field_names(type(page)):
        return None
    field = page._meta.get_field(field_name)
    if not isinstance(field, StreamField):
        return None if rest else field
    for leaf in leaves(field.stream_block, _raw(page, field_name, "en")):
        if leaf.key == rest and is_text(leaf.block):
            return leaf.block
    return None
