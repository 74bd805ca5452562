"""Read-side queries and derived views of guides."""

import functools

from django.utils.translation import gettext_lazy as _

from cms.i18n.locales import LOCALE_CHOICES, TARGET, field_name
from cms.streams import align, is_translation, raw_items
from guides.content_checks import ContentWarning, check_guide


def live_guides(index_page=None):
    from guides.models import GuidePage

    guides = GuidePage.objects.live().public().select_related("series")
    if index_page is not None:
        guides = guides.child_of(index_page)
    return guides


def filter_guides(index_page, series=None, topic=None):
    """Live guides under `index_page`, filtered by series slug and topic slug, newest first."""
    guides = live_guides(index_page)
    if series:
        guides = guides.filter(series__slug=series)
    if topic:
        guides = guides.filter(topics__slug=topic)
    return guides.order_by("-first_published_at").distinct()


def content_warnings_for(page, language):
    """Content warnings for one language of a guide (empty if that language has no content).

    Chinese that only copies its English (as a prepared translation holds) is not checked:
    it is untranslated, not faulty.
    """
    raw_body = raw_items(getattr(page, field_name("body", language), None))
    fields = {
        name: getattr(page, field_name(name, language), None) or ""
        for name in ("title", "subtitle", "summary")
    }
    if language == TARGET:
        english = raw_items(page.body_en)
        block = page._meta.get_field("body").stream_block
        raw_body = align(block, english, raw_body, for_readers=True)
        fields = {
            name: text if is_translation(getattr(page, f"{name}_en", ""), text) else ""
            for name, text in fields.items()
        }
    if not raw_body and not any(fields.values()):
        return []
    warnings = check_guide(fields, raw_body, language)
    if language == "en" and (clash := number_clash(page)):
        warnings.append(clash)
    return warnings


def number_clash(page):
    """A warning when another guide of the same series has the same number (e.g. a copy)."""
    from guides.models import GuidePage

    if not page.series_id or page.number is None:
        return None
    others = GuidePage.objects.filter(series_id=page.series_id, number=page.number)
    if not others.exclude(pk=page.pk).exists():
        return None
    return ContentWarning(
        "duplicate_number",
        "number",
        _("Number: another guide in this series already has number %(number)s.")
        % {"number": page.number},
    )


def content_warnings_by_language(page):
    """[(language name, warnings)] for the languages that have warnings."""
    result = []
    for language, name in LOCALE_CHOICES:
        warnings = content_warnings_for(page, language)
        if warnings:
            result.append((name, warnings))
    return result


def last_import(page):
    """The log entry of the page's latest wiki import, or None. Its data holds the warnings."""
    from wagtail.models import PageLogEntry

    from guides.importer.service import IMPORT_ACTION

    return (
        PageLogEntry.objects.filter(page_id=page.pk, action=IMPORT_ACTION)
        .order_by("-timestamp", "-pk")
        .first()
    )


def api_guides():
    """Live, public guides with their topics and live translation record, in one query."""
    from django.db.models import JSONField, OuterRef, Subquery
    from django.db.models.functions import JSONObject

    from cms.api.pages import public_live
    from cms.db_functions import JSONArrayAgg
    from guides.models import GuidePage, GuidePageTag

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
    "hero_image__id",
    "hero_image__title",
    "hero_image__file",
    "hero_image__width",
    "hero_image__height",
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
