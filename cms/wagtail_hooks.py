from django.urls import path
from wagtail import hooks

from cms.admin_preview import FrontEndPreviewButton, front_end_preview


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
