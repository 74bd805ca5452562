"""Typed contract of the guides API: one pydantic schema per block type, built from the blocks.

The block schemas are derived from `GuideBodyBlock`, so the OpenAPI document cannot drift from
what editors can enter.
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal, Union

from ninja import Schema
from pydantic import Field, create_model
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from guides.blocks import GuideBodyBlock


class FAQSchema(Schema):
    id: int | None = None
    question: str
    answer: str = Field(description="HTML; internal links are expanded to real URLs.")


class FocalPointSchema(Schema):
    x: int
    y: int
    width: int
    height: int


class SrcsetSchema(Schema):
    avif: str | None = Field(None, description="Left out when the server cannot make AVIF.")
    webp: str | None = None
    jpeg: str | None = None


class ImageSchema(Schema):
    id: int
    alt: str
    width: int = Field(description="The original's width in pixels.")
    height: int
    focal_point: FocalPointSchema | None
    src: str | None = Field(description="A JPEG rendition; null until renditions are made.")
    srcset: SrcsetSchema = Field(
        description="Per format, “url 480w, url 960w, url 1440w”: only the renditions made."
    )


def _schema_name(block):
    return type(block).__name__.removesuffix("Block")


def _field_type(block):
    if isinstance(block, blocks.StructBlock):
        return _struct_schema(block)
    if isinstance(block, blocks.ListBlock):
        return list[_field_type(block.child_block)]
    if isinstance(block, SnippetChooserBlock):
        return FAQSchema | None
    if isinstance(block, ImageChooserBlock):
        return ImageSchema | None
    if isinstance(block, blocks.IntegerBlock):
        return int | None
    if isinstance(block, blocks.ChoiceBlock):
        return Literal[tuple(str(value) for value, _label in block.field.choices if value)]
    return str


_STRUCT_SCHEMAS = {}


def _struct_schema(block):
    name = _schema_name(block)
    if name not in _STRUCT_SCHEMAS:
        fields = {
            child_name: (_field_type(child), ...)
            for child_name, child in block.child_blocks.items()
        }
        _STRUCT_SCHEMAS[name] = create_model(name, __base__=Schema, **fields)
    return _STRUCT_SCHEMAS[name]


def _body_item_schemas():
    items = []
    for type_name, block in GuideBodyBlock().child_blocks.items():
        value_schema = _struct_schema(block)
        item = create_model(
            type(block).__name__,
            __base__=Schema,
            type=(Literal[type_name], ...),
            id=(str, ...),
            value=(value_schema, ...),
        )
        item.__doc__ = str(block.meta.help_text)
        items.append(item)
    return items


BODY_ITEM_SCHEMAS = _body_item_schemas()
BodyItem = Annotated[Union[tuple(BODY_ITEM_SCHEMAS)], Field(discriminator="type")]  # noqa: UP007


class SeriesSchema(Schema):
    code: str
    slug: str
    name: str


class SeriesDetailSchema(SeriesSchema):
    description: str
    guide_count: int


class TopicSchema(Schema):
    slug: str
    name: str


class TopicWithCountSchema(TopicSchema):
    guide_count: int


class QuizCallToActionSchema(Schema):
    heading: str
    text: str
    button_label: str
    quiz_url: str
    closing_heading: str
    closing_text: str


class ReferenceSchema(Schema):
    author: str
    year: int | None
    work: str
    url: str


class OutlineEntrySchema(Schema):
    id: str = Field(
        description=(
            "Anchor of the heading or step, the same in both languages and across saves: "
            "b-<first 8 of the block id> (for a run of FAQs or phrases, of its first block), or "
            "for a step b-<block 8>-s-<first 8 of the step id>."
        )
    )
    title: str = Field(
        description=(
            "In the requested language. A copy of a body text, its English fallback is listed at "
            "that text's body path in meta.fallback (`outline` when the whole body is English)."
        )
    )
    level: Literal[1, 2] = Field(description="1: a block's heading. 2: a pathway's step.")
    day_from: int | None = Field(description="A step's day range; null for headings.")
    day_to: int | None


TranslationState = Annotated[
    Literal["source", "complete", "partial", "outdated", "missing"],
    Field(
        description=(
            "source: English. missing: no Chinese yet. outdated: some Chinese was written for an "
            "older English (meta.outdated). partial: some parts are served in English "
            "(meta.fallback). complete: everything is current Chinese."
        )
    ),
]


class GuideSummarySchema(Schema):
    id: int
    slug: str
    title: str
    subtitle: str
    summary: str
    series: SeriesSchema | None
    number: int | None
    topics: list[TopicSchema]
    reading_time: int | None = Field(description="Minutes, for the requested language.")
    first_published_at: datetime | None
    last_published_at: datetime | None
    path: str | None = Field(description="Front-end path in the requested language.")
    available_locales: list[str]
    translation_state: TranslationState


class GuideMetaSchema(Schema):
    revision_id: int | None
    last_published_at: datetime | None
    locale: str
    fallback: list[str] = Field(
        description="Paths of fields and blocks served in English because Chinese is missing."
    )
    outdated: list[str] = Field(
        description=(
            "Paths of fields and texts whose Chinese was written for an older English: shown, "
            "but to be marked as possibly out of date."
        )
    )
    translation_state: TranslationState


class AlternateSchema(Schema):
    hreflang: Literal["en", "zh-Hans", "x-default"]
    href: str


class OpenGraphImageSchema(Schema):
    url: str = Field(description="Absolute URL of a 1200×630 rendition of the hero image.")
    width: int
    height: int


class OpenGraphSchema(Schema):
    title: str
    description: str
    type: Literal["article"]
    locale: Literal["en_US", "zh_CN"]
    url: str
    image: OpenGraphImageSchema | None = Field(
        None, description="Left out when the guide has no hero image."
    )


class SEOSchema(Schema):
    title: str = Field(description="The editor's SEO title (Promote tab), or the guide's title.")
    description: str = Field(
        description=(
            "The editor's search description (Promote tab), or the summary cut to about 160 "
            "characters at a sentence or word."
        )
    )
    canonical: str = Field(
        description=(
            "The page on the public front end (PUBLIC_SITE_URL); the English one for a guide "
            "with no approved Chinese, whose values are then all English."
        )
    )
    alternates: list[AlternateSchema] = Field(
        description="hreflang links: each language the guide is published in, and x-default."
    )
    open_graph: OpenGraphSchema = Field(description="og: meta tags, by property name.")
    json_ld: list[dict[str, Any]] = Field(
        description=(
            'schema.org objects for <script type="application/ld+json">: an Article, and a '
            "FAQPage when the guide has FAQs (answers as plain text)."
        )
    )


class GuideDetailSchema(GuideSummarySchema):
    hero_image: ImageSchema | None
    body: list[BodyItem]
    outline: list[OutlineEntrySchema] = Field(
        description=(
            "Table of contents in reading order: each block's heading, one for each run of FAQs "
            "or phrases, and a pathway's steps with their day ranges."
        )
    )
    faqs: list[FAQSchema]
    references: list[ReferenceSchema]
    quiz_cta: QuizCallToActionSchema | None
    expert_reviewer: str
    last_reviewed: date | None
    seo: SEOSchema
    meta: GuideMetaSchema


class GuideListSchema(Schema):
    count: int
    items: list[GuideSummarySchema]


class SeriesListSchema(Schema):
    count: int
    items: list[SeriesDetailSchema]


class TopicListSchema(Schema):
    count: int
    items: list[TopicWithCountSchema]
