from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FAQ, QuizCallToAction, Series


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "folder-open-inverse"
    list_display = ["name", "code", "slug"]
    search_fields = ["name", "code"]


class QuizCallToActionViewSet(SnippetViewSet):
    model = QuizCallToAction
    icon = "tick-inverse"
    list_display = ["heading", "button_label", "quiz_url"]


class FAQViewSet(SnippetViewSet):
    model = FAQ
    icon = "help"
    list_display = ["question"]
    search_fields = ["question"]


class GuideSnippetsGroup(SnippetViewSetGroup):
    items = (SeriesViewSet, QuizCallToActionViewSet, FAQViewSet)
    menu_icon = "doc-full"
    menu_label = _("Guide content")
    menu_name = "guide-content"


register_snippet(GuideSnippetsGroup)
