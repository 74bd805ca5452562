"""Autosave that never races the editor's own save (cms/static/cms/autosave_on_submit.js)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def autosave_on_submit_js():
    return format_html('<script src="{}"></script>', static("cms/autosave_on_submit.js"))
