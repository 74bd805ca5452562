"""What the platform needs of the guides app's content (cms.content), registered at start-up."""

from django.utils.translation import gettext_lazy as _

from cms.content import (
    PageGroup,
    PageType,
    SharedContent,
    register_page_group,
    register_page_type,
    register_shared_content,
)
from cms.i18n.locales import TARGET
from guides.api_representation import GuideRepresentation
from guides.models import FAQ, GuideIndexPage, GuidePage, QuizCallToAction, QuizPage, Series, Topic
from guides.quiz_representation import quiz_representation
from guides.search import guide_documents
from guides.selectors import api_guide_detail_base
from guides.shared_content import guides_showing
from guides.warnings import open_warnings


def guide_representation(page, locale, revision_id):
    return GuideRepresentation(locale).detail(page, revision_id)


def guide_translation_state(page):
    """The translation state the API detail gives readers of a live guide in Chinese."""
    live = api_guide_detail_base(TARGET).filter(pk=page.pk).first()
    return GuideRepresentation(TARGET).detail(live)["translation_state"] if live else ""


def series_choices():
    return [(series.pk, str(series)) for series in Series.objects.order_by("name")]


def register_content():
    register_page_type(
        GuidePage,
        PageType(
            detail_url=GuidePage.api_detail_url,
            representation=guide_representation,
            listing_urls=GuidePage.api_listing_urls,
            search_documents=guide_documents,
            translation_state=guide_translation_state,
            content_warnings=open_warnings,
        ),
    )
    register_page_type(GuideIndexPage, PageType(detail_url=GuideIndexPage.api_detail_url))
    register_page_type(
        QuizPage,
        PageType(
            detail_url=QuizPage.api_detail_url,
            representation=lambda page, locale, revision_id: quiz_representation(page, locale),
        ),
    )
    # A FAQ's or call-to-action's untranslated text is listed in a guide's meta.fallback.
    for model, counts in ((FAQ, True), (QuizCallToAction, True), (Series, False), (Topic, False)):
        register_shared_content(model, SharedContent(guides_showing, counts))
    register_page_group(
        PageGroup(
            label=_("Series"),
            param="series",
            choices=series_choices,
            value_path="guidepage__series_id",
            name_path="guidepage__series__name",
            by_slug=lambda pages, slug: pages.filter(guidepage__series__slug=slug),
        )
    )
