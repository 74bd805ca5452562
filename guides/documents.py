"""A guide's reader documents (cms.documents): its API v1 detail and its listing summary in
each language, built by the same code that builds them on a read, so the bytes are the same."""

import orjson
from django.utils import translation

from cms.documents.registry import DocumentKind, register
from guides.api_representation import GuideRepresentation
from guides.selectors import DETAIL, SUMMARY, SUMMARY_FIELDS, api_guide_detail_base, api_guides


def detail_documents(page_ids, locale):
    """{id: (live revision id, detail JSON)} of those of `page_ids` readers may see."""
    with translation.override(locale):
        return {
            page.pk: (page.live_revision_id, orjson.dumps(GuideRepresentation(locale).detail(page)))
            for page in api_guide_detail_base(locale).filter(pk__in=page_ids)
        }


def summary_documents(page_ids, locale):
    """{id: (live revision id, summary JSON)}, as a listing shows each guide."""
    guides = api_guides().select_related("series").only(*SUMMARY_FIELDS).filter(pk__in=page_ids)
    with translation.override(locale):
        representation = GuideRepresentation(locale)
        return {
            page.pk: (page.live_revision_id, orjson.dumps(representation.summary(page)))
            for page in guides
        }


def register_documents():
    register(DocumentKind(DETAIL, detail_documents, api_guides))
    register(DocumentKind(SUMMARY, summary_documents, api_guides))
