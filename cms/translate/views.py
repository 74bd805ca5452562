"""The Translate view: one page's or snippet's segments side by side, saved one at a time.

Each row is its own form. Without JavaScript a save posts the page and comes back to the row;
with it (cms/static/cms/translate.js) the row is posted and replaced in place, and suggestions
from the translation memory load when a row asks for them.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.i18n.memory import owner_of, suggestions
from cms.i18n.segments import segment_field_names
from cms.i18n.writes import can_translate
from cms.translate.links import translate_url
from cms.translate.workspace import (
    FILTERS,
    TranslationRefused,
    chinese_field,
    chinese_warnings,
    confirm_still_correct,
    open_workspace,
    save_segment,
    submit_translation,
    translatable_snippet_model,
)
from cms.workflow.acknowledgement_forms import NOTE_FIELD, NOTE_HELP, NOTE_LABEL

FETCH_HEADER = "X-Requested-With"


def translate_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not segment_field_names(type(page)):
        raise Http404(_("This page has nothing to translate."))
    return _workspace_view(request, page)


def translate_snippet(request, app_label, model_name, pk):
    model = translatable_snippet_model(app_label, model_name)
    if model is None:
        raise Http404(_("There is nothing to translate here."))
    try:
        obj = model._default_manager.get(pk=pk)
    except (model.DoesNotExist, ValueError, ValidationError):  # (an id that is not one)
        raise Http404(_("There is nothing to translate here.")) from None
    return _workspace_view(request, obj)


def _workspace_view(request, obj):
    if not can_translate(request.user, obj):
        return HttpResponseForbidden(_("You may not translate “%(object)s”.") % {"object": obj})
    fetch = request.headers.get(FETCH_HEADER) == "fetch"
    if request.method == "POST":
        return _post(request, obj, fetch)
    workspace = open_workspace(obj)
    key = request.GET.get("segment", "")
    row = workspace.row(key)
    if row is not None and "suggestions" in request.GET:
        found = suggestions(row.source, exclude=owner_of(obj))
        if fetch:
            return _suggestions(request, workspace, row, found)
        return _page(request, workspace, suggested={key: found})
    initial = _chosen_suggestion(request, workspace, key)
    if fetch and row is not None:
        return _row_response(request, workspace, key, initial=initial)
    return _page(request, workspace, initial={key: initial} if initial else {})


def _post(request, obj, fetch):
    action = request.POST.get("action", "")
    key = request.POST.get("segment", "")
    error = None
    submitted = None
    try:
        if action == "save":
            workspace = open_workspace(obj)
            form = _row_form(workspace, key, data=request.POST)
            if form is None:
                raise TranslationRefused(
                    _("There is no segment “%(key)s” to translate.") % {"key": key}
                )
            if not form.is_valid():
                raise TranslationRefused(" ".join(form.errors["chinese"]))
            save_segment(obj, key, form.cleaned_data["chinese"], request.user)
        elif action == "confirm":
            confirm_still_correct(obj, key, request.user)
        elif action == "submit":
            submitted = submit_translation(obj, request.user, request.POST.get(NOTE_FIELD, ""))
        else:
            raise TranslationRefused(_("Unknown action “%(action)s”.") % {"action": action})
    except TranslationRefused as refused:
        error = str(refused)
    obj = type(obj)._default_manager.get(pk=obj.pk)  # its latest revision, as now saved
    workspace = open_workspace(obj)
    if fetch and action != "submit" and workspace.row(key) is not None:
        data = request.POST if error else None
        return _row_response(request, workspace, key, error=error, data=data)
    if error:
        row = workspace.row(key)
        messages.error(request, f"{row.label}: {error}" if row else error)
        if row is not None:
            return _page(request, workspace, errors={key: error}, data={key: request.POST})
    else:
        messages.success(request, submitted or _("Saved."))
    return redirect(_address(obj, request.POST.get("show", ""), key))


def _address(obj, show, key=""):
    url = translate_url(obj)
    if show in FILTERS:
        url += "?" + urlencode({"show": show})
    return url + (f"#segment-{key}" if key else "")


def form_prefix(key):
    """A row form's prefix: its field ids must be CSS selectors, which a key's dots are not."""
    return "segment-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _row_form(workspace, key, data=None, initial=None):
    form_field = chinese_field(workspace, key)
    if form_field is None:
        return None
    form = forms.Form(data=data, prefix=form_prefix(key))
    form.fields["chinese"] = form_field
    row = workspace.row(key)
    form.initial = {"chinese": initial if initial is not None else row.chinese}
    return form


def _chosen_suggestion(request, workspace, key):
    """The Chinese of the suggestion a translator chose to start from (not saved yet)."""
    chosen = request.GET.get("use", "")
    row = workspace.row(key)
    if row is None or not chosen.isdigit():
        return None
    found = suggestions(row.source, exclude=owner_of(workspace.obj))
    index = int(chosen)
    return found[index].target if index < len(found) else None


def _context(request, workspace, **extra):
    show = request.GET.get("show") or request.POST.get("show") or "todo"
    if show not in FILTERS:
        show = "todo"
    return {
        "workspace": workspace,
        "obj": workspace.obj,
        "show": show,
        "filters": [
            ("todo", _("To do")),
            ("missing", _("Missing")),
            ("outdated", _("Outdated")),
            ("all", _("All")),
        ],
        "title": getattr(workspace.obj, "title_en", None) or str(workspace.obj),
        "edit_url": _edit_url(workspace.obj),
        "here": _address(workspace.obj, show),
        **extra,
    }


def _edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def _page(request, workspace, errors=None, data=None, initial=None, suggested=None):
    """The whole view; `errors`, `data`, `initial` and `suggested` are by segment key."""
    errors, data, initial, suggested = errors or {}, data or {}, initial or {}, suggested or {}
    context = _context(request, workspace)
    context["rows"] = [
        {
            "row": row,
            "form": _row_form(workspace, row.key, data.get(row.key), initial.get(row.key)),
            "error": errors.get(row.key),
            "suggestions": suggested.get(row.key),
        }
        for row in workspace.shown(context["show"], also={*errors, *initial, *suggested})
    ]
    context["media"] = sum((item["form"].media for item in context["rows"]), forms.Media())
    context["open_warnings"] = chinese_warnings(workspace.obj)[1]
    context["note"] = {"name": NOTE_FIELD, "label": NOTE_LABEL, "help": NOTE_HELP}
    return TemplateResponse(request, "cms/translate/workspace.html", context)


def _row_response(request, workspace, key, error=None, data=None, initial=None):
    row = workspace.row(key)
    if row is None:
        raise Http404(_("There is no segment “%(key)s” to translate.") % {"key": key})
    context = _context(request, workspace)
    context.update(row=row, form=_row_form(workspace, key, data=data, initial=initial), error=error)
    return JsonResponse(
        {
            "row": render_to_string("cms/translate/row.html", context, request=request),
            "progress": render_to_string("cms/translate/progress.html", context, request=request),
            "error": error,
        },
        status=400 if error else 200,
    )


def _suggestions(request, workspace, row, found):
    context = {"row": row, "suggestions": found, **_context(request, workspace)}
    return JsonResponse(
        {"html": render_to_string("cms/translate/suggestions.html", context, request=request)}
    )
