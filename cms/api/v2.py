"""Wagtail's stock API v2, for existing Wagtail front ends.

Add `?locale=zh-hans` (handled by LocaleFromQueryMiddleware) to read the Chinese version.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
