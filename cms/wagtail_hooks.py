from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet

from cms import (
    admin_language,  # noqa: F401
    autosave,  # noqa: F401
    compare,  # noqa: F401
    translation_panels,  # noqa: F401
)
from cms.admin_preview import FrontEndPreviewButton, front_end_preview
from cms.i18n import exchange_views
from cms.i18n import views as translation_views
from cms.i18n.exchange import IMPORT_ACTION
from cms.i18n.glossary_admin import GlossaryTermViewSet
from cms.translate import views as translate_views
from cms.translate.workspace import CONFIRM_ACTION, SAVE_ACTION, SUBMIT_ACTION
from cms.workflow import (
    guidance,  # noqa: F401  (who does what: actions, status, messages)
    warning_hooks,  # noqa: F401  (content warnings in the admin)
)
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
        path("translations/<int:page_id>/", translate_views.translate_page, name="cms_translate"),
        path(
            "translations/<str:app_label>/<str:model_name>/<str:pk>/",
            translate_views.translate_snippet,
            name="cms_translate_snippet",
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


class TranslateButton(PageMenuItem):
    icon_name = "globe"
    label = _("Translate (zh-hans)")

    def __init__(self, *, page, priority):
        super().__init__(page=page, priority=priority)
        self.url = reverse("cms_translate", args=[page.pk])

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def front_end_preview_buttons(page, user, view_name, next_url=None):
    yield FrontEndPreviewButton(page=page, locale="en", priority=5)
    yield FrontEndPreviewButton(page=page, locale="zh-hans", priority=6)
    yield TranslateButton(page=page, priority=7)


@hooks.register("register_log_actions")
def register_translation_log_action(actions):
    actions.register_action(
        APPROVAL_LOG_ACTION,
        _("Approve zh-hans translation"),
        _("zh-hans translation approved: the Chinese of this revision is now public"),
    )


@hooks.register("register_log_actions")
def register_translate_view_actions(actions):
    actions.register_action(
        SAVE_ACTION, _("Translate a segment"), _("zh-hans segment saved in the Translate view")
    )
    actions.register_action(
        CONFIRM_ACTION,
        _("Confirm a translation"),
        _("zh-hans segment confirmed as still correct for its changed English"),
    )
    actions.register_action(
        SUBMIT_ACTION,
        _("Update the translation under review"),
        _("the zh-hans review now shows the latest Chinese"),
    )


@hooks.register("register_log_actions")
def register_translation_import_action(actions):
    actions.register_action(
        IMPORT_ACTION, _("Import translations"), _("zh-hans translations imported from a file")
    )


register_snippet(GlossaryTermViewSet)
