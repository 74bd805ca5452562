"""The guides API's queries: live, public guides in as few queries as possible."""

import functools

from django.db.models import JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject

from cms.db_functions import JSONArrayAgg
from cms.images import referenced_renditions_subquery, renditions_subquery
from cms.pages import public_live
from guides.models import GuidePage, GuidePageTag
from guides.seo import og_image_subquery


def api_guides():
    """Live, public guides with their topics and live translation record, in one query."""
    topics = (
        GuidePageTag.objects.filter(content_object=OuterRef("pk"), tag__live=True)
        .order_by()
        .values("content_object")
        .annotate(
            items=JSONArrayAgg(
                JSONObject(slug="tag__slug", name_en="tag__name", name_zh_hans="tag__name_zh_hans")
            )
        )
        .values("items")
    )
    return (
        public_live(GuidePage.objects.all())
        .select_related("translation_approval")
        .annotate(topic_list=Subquery(topics, output_field=JSONField()))
    )


@functools.cache
def api_guide_detail_base(locale):
    """The detail query, built once per process; each request only adds its filter.

    Building it (subqueries, annotations, column lists) is a large share of an uncached request.
    A QuerySet is only evaluated through clones here, so sharing the base is safe.
    """
    bodies = ["body_en"] if locale == "en" else ["body_en", "body_zh_hans"]
    return (
        api_guides()
        .select_related("series", "quiz_cta", "hero_image")
        .only(*DETAIL_FIELDS, *bodies)
        .annotate(
            og_image=og_image_subquery(),
            hero_renditions=renditions_subquery("hero_image"),
            body_images=referenced_renditions_subquery(),
        )
    )


def _both(*names):
    return [f"{name}_{suffix}" for name in names for suffix in ("en", "zh_hans")]


# Columns the API reads: naming them keeps SQL small and fast to build.
SUMMARY_FIELDS = [
    "id",
    "number",
    "first_published_at",
    "last_published_at",
    "live_revision_id",
    "series__code",
    "series__slug",
    "series__live",
    "translation_approval__state",
    *_both("slug", "title", "subtitle", "summary", "reading_time", "url_path", "series__name"),
]
DETAIL_FIELDS = [
    *SUMMARY_FIELDS,
    "expert_reviewer",
    "last_reviewed",
    *_both("series__description"),
    *_both("seo_title", "search_description"),
    "hero_image__id",
    "hero_image__title",
    "hero_image__file",
    "hero_image__width",
    "hero_image__height",
    "hero_image__focal_point_x",
    "hero_image__focal_point_y",
    "hero_image__focal_point_width",
    "hero_image__focal_point_height",
    "quiz_cta__id",
    "quiz_cta__live",
    "translation_approval__sources",
    *_both(
        *(
            f"quiz_cta__{name}"
            for name in (
                "heading",
                "text",
                "button_label",
                "quiz_url",
                "closing_heading",
                "closing_text",
            )
        )
    ),
]
