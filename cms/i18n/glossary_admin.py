"""The translation glossary in the admin: translation reviewers keep it, everyone reads it.

Who may do what comes from model permissions on cms.GlossaryTerm, granted by the data
migration cms/migrations/0012_glossary_roles_and_terms. Its menu item sits in the Reports menu
next to Translations (cms/wagtail_hooks.py), shown to whoever may at least view the glossary.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import GlossaryTerm

# Translations is the Reports menu's item at order 50.
MENU_ORDER = 51


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "clipboard-list"
    menu_label = _("Glossary")
    menu_name = "glossary"
    menu_order = MENU_ORDER
    menu_hook = "register_reports_menu_item"
    list_display = ["english", "chinese", "note"]
    search_fields = ["english", "chinese"]
    inspect_view_enabled = True  # who may only view reads a term, its note included
    panels = [FieldPanel("english"), FieldPanel("chinese"), FieldPanel("note")]
