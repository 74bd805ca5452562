"""The admin's rich-text editor: Draftail, tolerant of input that is not Draftail's JSON.

Draftail submits ContentState JSON. A script or an old form that posts HTML instead made
Wagtail's widget raise (a 500); here such input is cleaned with Wagtail's own whitelist for the
field's features (disallowed tags, attributes and ``javascript:``-style URLs are dropped) and
saved like any other edit.
"""

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter


class CleaningDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError):  # not ContentState JSON
            posted = data.get(name)
            return EditorHTMLConverter(features=self.features).to_database_format(posted)
