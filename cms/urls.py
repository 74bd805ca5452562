"""The one composition root: admin, APIs, health check and Wagtail's page serving."""

from django.apps import apps
from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.v1 import build_v1
from cms.api.v2 import api_router
from cms.health import healthz
from guides.api import router as guides_router
from guides.quiz_api import router as quiz_router
from home.api import router as home_router

api_v1 = build_v1(home_router, guides_router, quiz_router)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api_v1.urls),
    path("api/v2/", api_router.urls),
    path("site/", include("cms.frontend.urls")),
    path("", include("cms.sitemaps")),
]

if apps.is_installed("cms.devtools"):  # dev and test settings, and `make bench`
    urlpatterns.append(path("", include("cms.devtools.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
