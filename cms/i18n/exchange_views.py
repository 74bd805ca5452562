"""Admin buttons for exchange files: download an export, upload an import."""

from django import forms
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from cms.i18n.exchange import export_units, import_translations, pages_in_scope
from cms.i18n.formats import FORMATS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def export(request):
    fmt = request.GET.get("format", "po")
    scope = request.GET.get("scope", "pending")
    if fmt not in FORMATS or scope not in ("page", "pending"):
        return HttpResponseBadRequest(
            _("Choose format po, xliff (1.2) or xliff2 (2.0), and scope page or pending.")
        )
    page_id = request.GET.get("page", "")
    if scope == "page":
        if not page_id.isdigit():
            return HttpResponseBadRequest(_("Name the page to export."))
        page = get_object_or_404(Page, pk=int(page_id))
        if not page.permissions_for_user(request.user).can_edit():
            return HttpResponseForbidden(_("You cannot edit this page."))
    pages = pages_in_scope(scope, page_id=int(page_id) if page_id.isdigit() else None)
    units = [
        unit
        for page in pages
        if page.permissions_for_user(request.user).can_edit()
        for unit in export_units(page, only_pending=scope == "pending")
    ]
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    exchange_format = FORMATS[fmt]
    response = HttpResponse(
        exchange_format.export(units, title=f"guides-{scope}-{stamp}"),
        content_type=f"{exchange_format.content_type}; charset=utf-8",  # every format writes UTF-8
    )
    response["Content-Disposition"] = (
        f'attachment; filename="translations-{scope}-{stamp}.zh-hans.{exchange_format.extension}"'
    )
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("PO or XLIFF file"),
        help_text=gettext_lazy("PO, XLIFF 1.2 or XLIFF 2.0; the version is read from the file."),
    )
    partial = forms.BooleanField(
        label=gettext_lazy("Import the valid segments even if others have problems"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


def import_view(request):
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = import_translations(
            upload.read(), upload.name, user=request.user, partial=form.cleaned_data["partial"]
        )
    return TemplateResponse(
        request, "cms/translations/import.html", {"form": form, "report": report}
    )
