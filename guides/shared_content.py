"""Which live guides show a snippet: their API output changes whenever the snippet does."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from guides.models import FAQ, GuidePage, QuizCallToAction, Series, Topic


def guides_showing(snippet):
    """Live guides whose published content shows `snippet` (series, topic, call-to-action or
    FAQ). A page's own row holds its live content, so its references are the live ones."""
    guides = GuidePage.objects.live()
    if isinstance(snippet, Series):
        return guides.filter(series=snippet)
    if isinstance(snippet, QuizCallToAction):
        return guides.filter(quiz_cta=snippet)
    if isinstance(snippet, Topic):
        return guides.filter(topics=snippet)
    if isinstance(snippet, FAQ):
        page_type = ContentType.objects.get_for_model(GuidePage)
        referring = ReferenceIndex.get_references_to(snippet).filter(content_type=page_type)
        return guides.filter(
            pk__in=[int(pk) for pk in referring.values_list("object_id", flat=True)]
        )
    return guides.none()
