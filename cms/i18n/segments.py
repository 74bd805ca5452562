"""Translation segments: every piece of English text on a page, and its Chinese counterpart.

A segment is one translatable field, or one text leaf inside a StreamField, matched between
`body_en` and `body_zh_hans` by block id at every level (cms.streams). Its key is stable across
edits, e.g. `title` or `body.<block-id>.steps.<item-id>.focus`.
"""

from dataclasses import dataclass

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from cms.i18n.fields import (
    CHINESE,
    chinese,
    chinese_field_names,
    english,
    translation_field_names,
)
from cms.places import field_place, join_places, trail_places
from cms.streams import align, has_words, is_text, leaves, rebuild

# A page's search-engine texts: read after its content.
PROMOTE_FIELDS = frozenset({"seo_title", "search_description"})


def segment_field_names(model):
    """Fields that are segments: the translated fields a translator writes but the slug, and
    fields whose Chinese a model declares itself (a topic's name)."""
    translated = translation_field_names(model)
    declared = sorted(
        name.removesuffix(f"_{CHINESE}")
        for name in chinese_field_names(model)
        if name.removesuffix(f"_{CHINESE}") not in translated
    )
    names = [name for name in translated if name != "slug"] + declared
    order = {field.name: index for index, field in enumerate(model._meta.concrete_fields)}
    return sorted(names, key=lambda name: (name in PROMOTE_FIELDS, order.get(name, 0)))


def _english_attribute(model, name):
    """Where a segment's English is: `<name>_en`, or the field itself where the model declares
    only its Chinese."""
    return english(name) if name in translation_field_names(model) else name


@dataclass(frozen=True)
class Segment:
    key: str
    field: str
    label: str  # for people, counting from 1: "Block 4 (Pathway) · Step 2 · Action 1"
    source: str
    target: str
    rich: bool


def _raw(page, field_name, suffix):
    value = getattr(page, f"{field_name}_{suffix}", None)
    if value is None:
        return []
    return list(value.raw_data) if hasattr(value, "raw_data") else list(value)


def _stream_segments(field, source, target):
    for leaf in leaves(field.stream_block, source, target):
        if is_text(leaf.block) and isinstance(leaf.value, str) and leaf.value.strip():
            yield Segment(
                key=f"{field.name}.{leaf.key}",
                field=field.name,
                label=join_places(trail_places(leaf.trail)),
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
        source = getattr(page, _english_attribute(type(page), name), None) or ""
        if str(source).strip():
            target = getattr(page, chinese(name), None) or ""
            rich = isinstance(field, RichTextField)
            place = field_place(type(page), name)
            segments.append(Segment(name, name, place, str(source), str(target), rich))
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


def segment_validators(page):
    """{segment key: what validates its text as the editor's form would}: its block for a
    stream leaf, its model field otherwise."""
    validators = {}
    for name in segment_field_names(type(page)):
        field = page._meta.get_field(name)
        if not isinstance(field, StreamField):
            validators[name] = field
            continue
        for leaf in leaves(field.stream_block, _raw(page, name, "en")):
            if is_text(leaf.block):
                validators[f"{name}.{leaf.key}"] = leaf.block
    return validators


def segment_validator(page, key):
    """segment_validators(page)[key], or None for an unknown key."""
    return segment_validators(page).get(key)
