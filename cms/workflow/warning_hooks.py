"""The admin's side of content warnings: their acknowledgements in the page history, and a
message after each save that still has some."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from cms.workflow.acknowledgements import ACTION, history_message, open_warnings


@hooks.register("register_log_actions")
def register_acknowledgement_action(actions):
    @actions.register_action(ACTION)
    class AcknowledgementFormatter(LogFormatter):
        label = _("Acknowledge content warnings")

        def format_message(self, log_entry):
            return history_message(log_entry.data)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_of_open_warnings(request, page):
    """Say, after a save, how many warnings are still open, and where they are listed; not
    after an autosave (a JSON request), whose page shows the panel already."""
    if not request.accepts("text/html"):
        return
    count = len(open_warnings(page))  # the page as saved by the form
    if count:
        messages.warning(
            request,
            ngettext(
                "“%(page)s” has %(count)d open content warning; it is listed under Content "
                "warnings in the editor.",
                "“%(page)s” has %(count)d open content warnings; they are listed under Content "
                "warnings in the editor.",
                count,
            )
            % {"page": page.get_admin_display_title(), "count": count},
        )
