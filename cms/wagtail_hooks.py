from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from cms.admin_preview import FrontEndPreviewButton, front_end_preview
from cms.i18n import exchange_views
from cms.i18n import views as translation_views
from cms.i18n.exchange import IMPORT_ACTION
from cms.workflow.translation_approval import LOG_ACTION as APPROVAL_LOG_ACTION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "front-end-preview/<int:page_id>/<str:locale>/",
            front_end_preview,
            name="cms_front_end_preview",
        ),
        path("translations/", translation_views.report, name="cms_translations"),
        path("translations/export/", exchange_views.export, name="cms_translations_export"),
        path("translations/import/", exchange_views.import_view, name="cms_translations_import"),
        path(
            "translations/<int:page_id>/",
            translation_views.page_detail,
            name="cms_translations_page",
        ),
        path(
            "translations/<int:page_id>/prepare/",
            translation_views.prepare,
            name="cms_translations_prepare",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return MenuItem(_("Translations"), reverse("cms_translations"), icon_name="globe", order=50)


class TranslationStatusButton(PageMenuItem):
    icon_name = "globe"
    label = _("Translation (zh-hans)")

    def __init__(self, *, page, priority):
        super().__init__(page=page, priority=priority)
        self.url = reverse("cms_translations_page", args=[page.pk])

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def front_end_preview_buttons(page, user, view_name, next_url=None):
    yield FrontEndPreviewButton(page=page, locale="en", priority=5)
    yield FrontEndPreviewButton(page=page, locale="zh-hans", priority=6)
    yield TranslationStatusButton(page=page, priority=7)


@hooks.register("register_log_actions")
def register_translation_log_action(actions):
    actions.register_action(
        APPROVAL_LOG_ACTION,
        _("Approve zh-hans translation"),
        _("zh-hans translation approved: the Chinese of this revision is now public"),
    )


@hooks.register("register_log_actions")
def register_translation_import_action(actions):
    actions.register_action(
        IMPORT_ACTION, _("Import translations"), _("zh-hans translations imported from a file")
    )
