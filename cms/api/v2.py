"""Wagtail's stock API v2, for existing Wagtail front ends.

Send `Accept-Language: zh-hans` for Chinese. As in v1, live rows hold only approved Chinese, only
live pages outside private sections are served (to everyone: a session changes nothing), and
rich text is front-end HTML whose page links point only at such pages. Every query parameter
is checked (cms.api.v2_parameters): a bad one is a 400 in API v1's error shape, never a 500.
"""

from django.utils import translation
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import PageViewRestriction

from cms.api.v2_parameters import CheckedParameters
from cms.rich_text import OTHER_REFERENCES, expand_many

MAX_SEARCH_LENGTH = 200  # as API v1's q


def _rich_text_strings(data, found):
    """Every string in serialized `data` that holds stored rich-text references."""
    if isinstance(data, dict):
        for value in data.values():
            _rich_text_strings(value, found)
    elif isinstance(data, list):
        for value in data:
            _rich_text_strings(value, found)
    elif isinstance(data, str) and OTHER_REFERENCES.search(data):
        found.add(data)
    return found


def _expand_rich_text(data, expanded):
    if isinstance(data, dict):
        return {key: _expand_rich_text(value, expanded) for key, value in data.items()}
    if isinstance(data, list):
        return [_expand_rich_text(value, expanded) for value in data]
    if isinstance(data, str):
        return expanded.get(data, data)
    return data


def expand_stored_rich_text(data):
    """Stored rich text (WAGTAILAPI_RICH_TEXT_FORMAT = "db_html") made front-end HTML by
    cms.rich_text, which links only to live, public pages."""
    stored = sorted(_rich_text_strings(data, set()))
    if not stored:
        return data
    locale = "zh-hans" if translation.get_language() == "zh-hans" else "en"
    return _expand_rich_text(data, dict(zip(stored, expand_many(stored, locale), strict=True)))


class AlwaysJSON(BaseContentNegotiation):
    """JSON for every client: a browser's Accept: text/html gets JSON, not a 406."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class JSONOnly:
    # Never DRF's browsable HTML API, whatever the Accept header says.
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AlwaysJSON


class PublicPagesAPIViewSet(JSONOnly, CheckedParameters, PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail lets a logged-in session see login-restricted pages; the public API does not.
        # (Path prefixes, not a subquery: the search backend filters on plain fields only.)
        queryset = super().get_base_queryset()
        for path in PageViewRestriction.objects.values_list("page__path", flat=True):
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    def resolve_rich_text_format(self):
        # Other formats would show stored references (page ids) or links to draft pages.
        if self.request.GET.get("rich_text_format", "html") != "html":
            raise BadRequestError("rich_text_format must be 'html'")
        return "db_html"  # expanded by expand_stored_rich_text

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        if len(self.request.GET.get("search", "")) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search is too long: at most {MAX_SEARCH_LENGTH} characters")
        # Wagtail passes any other value to the search backend, which raises (a 500).
        if self.request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def listing_view(self, request):
        response = super().listing_view(request)
        response.data = expand_stored_rich_text(response.data)
        return response

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        response.data = expand_stored_rich_text(response.data)
        return response


class JSONOnlyImagesAPIViewSet(JSONOnly, CheckedParameters, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", JSONOnlyImagesAPIViewSet)
