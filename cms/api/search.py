"""GET /api/v1/search/: ranked full-text search in English or Chinese."""

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from cms.api.errors import ErrorSchema, bad_request
from cms.api.locale import LocaleParam, locale_from
from cms.caching.http import cached_json
from cms.search.query import search, snippet

router = Router(tags=["search"])
MAX_QUERY_LENGTH = 200
QUERY_PARAM = Query(..., description="Words in English or Chinese; Chinese is segmented")
# Documented here, checked in search_view() with its own messages: not blank, at most 200.
# Something other than spaces, and no NUL (refused before any view: cms.nul_bytes).
QUERY_PARAM.json_schema_extra.update(
    minLength=1, maxLength=MAX_QUERY_LENGTH, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$"
)


class SearchHit(Schema):
    id: int
    type: str
    title: str
    path: str
    api_url: str
    snippet: str
    score: float


class SearchResults(Schema):
    count: int = Field(description="Number of matches, counted up to 1,000.")
    items: list[SearchHit]


@router.get(
    "/search/", response={200: SearchResults, 400: ErrorSchema}, summary="Search published content"
)
def search_view(
    request,
    q: str = QUERY_PARAM,
    locale: str | None = LocaleParam,
    limit: int = Query(20, ge=1, le=50),
    offset: int = Query(0, ge=0, le=10_000),
):
    """Ranked results, each with a snippet whose matches are wrapped in <mark>."""
    locale = locale_from(locale)
    query = q.strip()
    if not query:
        raise bad_request(_("q is empty: give at least one word."), code="empty_query")
    if len(q) > MAX_QUERY_LENGTH:
        raise bad_request(
            _("q is too long: at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH},
            code="query_too_long",
        )
    return cached_json(
        request,
        locale,
        lambda: results(query, locale, limit, offset),
        "search",
        query,
        limit,
        offset,
    )


def results(query, locale, limit, offset):
    count, documents = search(query, locale, limit=limit, offset=offset)
    items = [
        {
            "id": document.page_id,
            "type": document.page_type,
            "title": document.title,
            "path": document.path,
            "api_url": document.api_url,
            "snippet": snippet(document.text, query),
            "score": float(document.score),
        }
        for document in documents
    ]
    return {"count": count, "items": items}
