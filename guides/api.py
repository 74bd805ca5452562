"""Guides endpoints of API v1: guides, series, topics and interface labels."""

from typing import Literal

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from ninja import Query, Router

from cms.api.errors import LOOKUP_ERRORS, not_found
from cms.api.locale import LocaleParam, locale_from
from cms.caching.http import cached_json, request_versions
from cms.documents.store import stamp
from guides.api_representation import GuideRepresentation
from guides.api_schemas import (
    GuideDetailSchema,
    GuideListSchema,
    SeriesDetailSchema,
    SeriesListSchema,
    TopicListSchema,
)
from guides.documents import detail_documents, summary_documents
from guides.models import Series, Topic
from guides.selectors import api_guides, guide_count, guide_listing, guide_lookup

router = Router(tags=["guides"])


@router.get(
    "/guides/", response={200: GuideListSchema, **LOOKUP_ERRORS}, summary="List published guides"
)
def list_guides(
    request,
    locale: str | None = LocaleParam,
    series: str | None = Query(None, description="Series slug"),
    topic: str | None = Query(None, description="Topic slug"),
    ordering: Literal["newest", "number", "title"] = "newest",
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0, le=1_000_000),
):
    """Each guide's summary is read from its stored document where that is current."""
    locale = locale_from(locale)
    filters = {name: value for name, value in (("series", series), ("topic", topic)) if value}

    def build():
        by = (bool(series), bool(topic))
        document_stamp = stamp(request_versions(request))
        rows = guide_listing(locale, ordering, *by, limit, offset).rows(
            stamp=document_stamp, **filters
        )
        counted = guide_count(*by).rows(**filters)
        missing = [pk for pk, document in rows if document is None]
        built = summary_documents(missing, locale) if missing else {}
        items = [
            bytes(document) if document is not None else built[pk][1]
            for pk, document in rows
            if document is not None or pk in built  # (unpublished since the first query)
        ]
        count = counted[0][0] if counted else 0
        return b'{"count":%d,"items":[%b]}' % (count, b",".join(items))

    params = (series, topic, ordering, limit, offset)
    return cached_json(request, locale, build, "guides", *params)


@router.get(
    "/guides/{slug}/",
    response={200: GuideDetailSchema, **LOOKUP_ERRORS},
    summary="One published guide",
)
def guide_detail(request, slug: str, locale: str | None = LocaleParam):
    """A slug works in either language. zh-hans responses list English fallbacks in meta."""
    locale = locale_from(locale)
    document_stamp = stamp(request_versions(request))
    found = guide_lookup(locale).rows(slug=slug, stamp=document_stamp)
    if not found:
        raise missing_guide(slug)
    page_id, revision_id, document = found[0]

    def build():
        """The stored detail if it is current, else built as the worker would build it."""
        if document is not None:
            return bytes(document)
        built = detail_documents([page_id], locale)
        if page_id not in built:  # unpublished since the lookup
            raise missing_guide(slug)
        return built[page_id][1]

    return cached_json(request, locale, build, "guide", page_id, revision_id)


def missing_guide(slug):
    return not_found(_("Guide “%(slug)s”") % {"slug": slug[:100]})


def series_queryset():
    live = Q(guides__in=api_guides().values("pk"))
    published = Series.objects.filter(live=True)
    return published.annotate(guide_count=Count("guides", filter=live, distinct=True))


def series_data(series, representation):
    return {
        "code": series.code,
        "slug": series.slug,
        "name": representation.text(series, "name"),
        "description": representation.text(series, "description"),
        "guide_count": series.guide_count,
    }


@router.get("/series/", response={200: SeriesListSchema, **LOOKUP_ERRORS}, summary="List series")
def list_series(request, locale: str | None = LocaleParam):
    locale = locale_from(locale)

    def build():
        representation = GuideRepresentation(locale)
        items = [series_data(s, representation) for s in series_queryset().order_by("slug")]
        return {"count": len(items), "items": items}

    return cached_json(request, locale, build, "series")


@router.get(
    "/series/{slug}/", response={200: SeriesDetailSchema, **LOOKUP_ERRORS}, summary="One series"
)
def series_detail(request, slug: str, locale: str | None = LocaleParam):
    locale = locale_from(locale)
    series = series_queryset().filter(slug=slug).first()
    if series is None:
        raise not_found(_("Series “%(slug)s”") % {"slug": slug[:100]})
    return cached_json(
        request,
        locale,
        lambda: series_data(series, GuideRepresentation(locale)),
        "series",
        slug,
    )


@router.get("/topics/", response={200: TopicListSchema, **LOOKUP_ERRORS}, summary="List topics")
def list_topics(request, locale: str | None = LocaleParam):
    locale = locale_from(locale)

    def build():
        live = api_guides().values("pk")
        topics = Topic.objects.filter(live=True, tagged_guides__content_object__in=live).annotate(
            guide_count=Count("tagged_guides", distinct=True)
        )
        items = sorted(
            (
                {"slug": t.slug, "name": t.localized_name(locale), "guide_count": t.guide_count}
                for t in topics
            ),
            key=lambda item: item["name"],
        )
        return {"count": len(items), "items": items}

    return cached_json(request, locale, build, "topics")


def interface_labels():
    return {
        "faq": _("Frequently asked questions"),
        "copy_phrases": _("Phrases you can copy"),
        "copy": _("Copy"),
        "copied": _("Copied"),
        "take_the_test": _("Take the relationship test"),
        "start_the_test": _("Start the test"),
        "key_insights": _("Key insights"),
        "references": _("References"),
        "pathway": _("Step-by-step pathway"),
        "days": _("Days %(from)s–%(to)s"),
        "day": _("Day %(day)s"),
        "actions": _("Actions"),
        "case_example": _("Case example"),
        "reading_time": _("%(minutes)s min read"),
        "not_yet_translated": _("Not yet translated: shown in English."),
        "preview": _("Preview: this draft is not published."),
    }


@router.get(
    "/labels/", response={200: dict[str, str], **LOOKUP_ERRORS}, summary="Interface strings"
)
def labels(request, locale: str | None = LocaleParam):
    """The interface strings a front end needs, in the requested locale."""
    locale = locale_from(locale)
    return cached_json(request, locale, interface_labels, "labels", content=False)
