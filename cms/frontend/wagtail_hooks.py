from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def preview_language_js():
    return format_html('<script src="{}"></script>', static("frontend/preview_language.js"))
