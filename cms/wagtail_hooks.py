from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.admin_preview import FrontEndPreviewButton, front_end_preview
from cms.workflow.translation_approval import LOG_ACTION as APPROVAL_LOG_ACTION


@hooks.register("register_admin_urls")
def register_preview_url():
    return [
        path(
            "front-end-preview/<int:page_id>/<str:locale>/",
            front_end_preview,
            name="cms_front_end_preview",
        )
    ]


@hooks.register("register_page_header_buttons")
def front_end_preview_buttons(page, user, view_name, next_url=None):
    yield FrontEndPreviewButton(page=page, locale="en", priority=5)
    yield FrontEndPreviewButton(page=page, locale="zh-hans", priority=6)


@hooks.register("register_log_actions")
def register_translation_log_action(actions):
    actions.register_action(
        APPROVAL_LOG_ACTION,
        _("Approve zh-hans translation"),
        _("zh-hans translation approved: the Chinese of this revision is now public"),
    )
