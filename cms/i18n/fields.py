"""Which fields of a model are translated, and which of those a translator writes.

Every translated field `name` is stored twice, as `name_en` and `name_zh_hans`
(django-modeltranslation). A translator writes the Chinese of its text: plain and rich text, the
text leaves of a StreamField, the Chinese slug. Derived values (URL paths, reading times) are
computed, and URLs are shared: they come from the English whatever the language.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modeltranslation.translator import NotRegistered, translator
from wagtail.fields import StreamField

from cms.i18n.locales import SOURCE, TARGET, suffix
from cms.streams import align, is_translation, raw_items, reader_value

CHINESE = suffix(TARGET)
ENGLISH = suffix(SOURCE)
DERIVED_FIELDS = frozenset({"url_path", "reading_time"})


def translated_field_names(model):
    """Every translated field of `model` (for pages: title, slug and the rest of Wagtail's)."""
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def translation_field_names(model):
    """The translated fields whose Chinese a translator writes."""
    return [
        name
        for name in translated_field_names(model)
        if name not in DERIVED_FIELDS and not isinstance(_field(model, name), models.URLField)
    ]


def chinese_field_names(model):
    """Every `*_zh_hans` field a translator writes: those of translated fields, and Chinese
    fields a model declares itself (a topic's Chinese name)."""
    names = {chinese(name) for name in translation_field_names(model)}
    for field in model._meta.concrete_fields:
        if field.name.endswith(f"_{CHINESE}") and not isinstance(field, models.URLField):
            if field.name[: -len(CHINESE) - 1] not in DERIVED_FIELDS:
                names.add(field.name)
    return names


def stream_field_names(model):
    return [
        name
        for name in translated_field_names(model)
        if isinstance(_field(model, name), StreamField)
    ]


def chinese(name):
    return f"{name}_{CHINESE}"


def english(name):
    return f"{name}_{ENGLISH}"


def align_chinese(obj, for_readers=False):
    """Shape every Chinese StreamField of `obj` like its English one (cms.streams.align); for
    readers, also empty every Chinese text that is not a translation of its English. An empty
    Chinese stream stays empty: nothing has been translated or prepared.
    """
    model = type(obj)
    for name in stream_field_names(model):
        translation = raw_items(getattr(obj, chinese(name), None))
        if translation:
            block = obj._meta.get_field(name).stream_block
            source = raw_items(getattr(obj, english(name), None))
            setattr(obj, chinese(name), align(block, source, translation, for_readers))
    if for_readers:
        for name in translation_field_names(model):
            if name == "slug" or name in stream_field_names(model):
                continue  # a slug is an address, not a translation
            source, target = getattr(obj, english(name), None), getattr(obj, chinese(name), None)
            if not is_translation(source or "", target or ""):
                setattr(obj, chinese(name), "")


def source_field_names(model):
    """The fields of `model` that are not Chinese text: its English and the data both
    languages share (not Wagtail's bookkeeping). Tags and other many-to-many come separately."""
    chinese_names = chinese_field_names(model)
    derived = {f"{name}_{suffix}" for name in DERIVED_FIELDS for suffix in (ENGLISH, CHINESE)}
    translated = translated_field_names(model)
    names = [  # a page's title and slug live on Page
        field_name
        for name in translated
        for field_name in (english(name), chinese(name))
        if field_name not in chinese_names and field_name not in derived
    ]
    skipped = chinese_names | derived | set(translated) | set(names)  # (`body` mirrors `body_en`)
    names += [
        field.attname
        for field in model._meta.local_concrete_fields
        if field.editable and not field.primary_key and field.name not in skipped
    ]
    return names


def source_values(obj):
    """`obj`'s English and shared data as readers see it: equal results mean the same source."""
    model = type(obj)
    values = {name: reader_value(getattr(obj, name, None)) for name in source_field_names(model)}
    for field in model._meta.many_to_many:
        values[field.name] = sorted(item.pk for item in getattr(obj, field.name).all())
    return values


def keep_source(obj, source):
    """Give `obj` the English and shared data of `source`: what a translator's save keeps."""
    model = type(obj)
    for name in source_field_names(model):
        setattr(obj, name, getattr(source, name, None))
    for field in model._meta.many_to_many:
        getattr(obj, field.name).set(list(getattr(source, field.name).all()))


def chinese_values(obj):
    """The Chinese of `obj` as readers see it (compare with source_values)."""
    return {name: reader_value(getattr(obj, name, None)) for name in chinese_field_names(type(obj))}
