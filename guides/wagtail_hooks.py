from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.workflow.guidance import GuidedSnippetViewSet

from .log_actions import IMPORT_ACTION
from .models import FAQ, QuizCallToAction, Series, Topic


class SeriesViewSet(GuidedSnippetViewSet):
    model = Series
    icon = "folder-open-inverse"
    list_display = ["name", "code", "slug"]
    search_fields = ["name", "code"]


class TopicViewSet(GuidedSnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_zh_hans", "slug"]
    search_fields = ["name", "name_zh_hans"]


class QuizCallToActionViewSet(GuidedSnippetViewSet):
    model = QuizCallToAction
    icon = "tick-inverse"
    list_display = ["heading", "button_label", "quiz_url"]


class FAQViewSet(GuidedSnippetViewSet):
    model = FAQ
    icon = "help"
    list_display = ["question"]
    search_fields = ["question"]


class GuideSnippetsGroup(SnippetViewSetGroup):
    items = (SeriesViewSet, TopicViewSet, QuizCallToActionViewSet, FAQViewSet)
    menu_icon = "doc-full"
    menu_label = _("Guide content")
    menu_name = "guide-content"


register_snippet(GuideSnippetsGroup)


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    @actions.register_action(IMPORT_ACTION)
    class ImportActionFormatter(LogFormatter):
        label = _("Import from wiki export")

        def format_message(self, log_entry):
            language = dict(settings.LANGUAGES).get(log_entry.data.get("language"), "")
            return _("Imported the %(language)s version from “%(file)s”") % {
                "language": language,
                "file": log_entry.data.get("file", ""),
            }
