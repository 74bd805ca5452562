"""The guides API's queries: live, public guides in as few queries as possible, and the reads
of their stored reader documents (cms.documents), compiled once per process."""

import functools

from django.db.models import Count, JSONField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, JSONObject, NullIf

from cms.db_functions import JSONArrayAgg
from cms.documents.prepared import PreparedQuery
from cms.documents.store import current_document
from cms.i18n.locales import field_name
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


# Reader documents of a guide (guides.documents builds them).
DETAIL = "guide"
SUMMARY = "guide-summary"
# Placeholders for the values a prepared read binds on each request.
SLUG, STAMP, SERIES, TOPIC = (
    f"\u241f{name}\u241f" for name in ("slug", "stamp", "series", "topic")
)


@functools.cache
def guide_lookup(locale):
    """The live, public guide with a slug (in either language): [(id, live revision id, stored
    detail or None)], the detail only if it is current (cms.documents.store)."""

    def build(slug, stamp):
        document = current_document(DETAIL, locale, stamp).values("body")[:1]
        guides = public_live(GuidePage.objects.filter(Q(slug_en=slug) | Q(slug_zh_hans=slug)))
        return guides.order_by("pk").annotate(document=Subquery(document))

    fields = ("pk", "live_revision_id", "document")
    return PreparedQuery(build, fields, stop=1, slug=SLUG, stamp=STAMP)


def listing_order(ordering, locale):
    if ordering == "title":
        title = NullIf(field_name("title", locale), Value(""))
        return (Coalesce(title, "title_en"), "pk")
    return {"newest": ("-first_published_at", "-pk"), "number": ("series__name", "number", "pk")}[
        ordering
    ]


def listed_guides(series=None, topic=None):
    guides = public_live(GuidePage.objects.all())
    if series is not None:
        guides = guides.filter(series__slug=series)
    if topic is not None:
        guides = guides.filter(tagged_items__tag__slug=topic)
    return guides


def _filter_markers(by_series, by_topic):
    return {**({"series": SERIES} if by_series else {}), **({"topic": TOPIC} if by_topic else {})}


@functools.lru_cache(maxsize=256)
def guide_listing(locale, ordering, by_series, by_topic, limit, offset):
    """One page of a listing: [(id, stored summary or None)]."""

    def build(stamp, **filters):
        document = current_document(SUMMARY, locale, stamp).values("body")[:1]
        guides = listed_guides(**filters).order_by(*listing_order(ordering, locale))
        return guides.annotate(document=Subquery(document))

    markers = _filter_markers(by_series, by_topic)
    return PreparedQuery(build, ("pk", "document"), offset, offset + limit, stamp=STAMP, **markers)


@functools.cache
def guide_count(by_series, by_topic):
    """[(how many guides a listing has,)]: (a count over all rows, not a window beside each
    row, which made SQLite compute every row's columns before the limit)."""

    def build(**filters):
        guides = listed_guides(**filters).order_by().annotate(one=Value(1)).values("one")
        return guides.annotate(count=Count("pk"))

    return PreparedQuery(build, ("count",), **_filter_markers(by_series, by_topic))


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
