"""Wagtail's stock API v2, for existing Wagtail front ends.

Send `Accept-Language: zh-hans` for Chinese. As in v1, only approved Chinese is served.
"""

from django.utils import translation
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.models import TranslationApproval
from cms.workflow.translation_approval import apply_approved_translation


class ApprovedTranslationPagesAPIViewSet(PagesAPIViewSet):
    def get_serializer(self, instance=None, *args, **kwargs):
        if translation.get_language() == "zh-hans" and instance is not None:
            pages = list(instance) if kwargs.get("many") else [instance]
            approvals = dict(
                TranslationApproval.objects.filter(page_id__in=[p.pk for p in pages]).values_list(
                    "page_id", "content"
                )
            )
            for page in pages:
                apply_approved_translation(page, approvals.get(page.pk))
            instance = pages if kwargs.get("many") else pages[0]
        return super().get_serializer(instance, *args, **kwargs)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ApprovedTranslationPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
