"""The "Translations" report: zh-hans completeness of every page, and one page's segments."""

import difflib
import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.content import page_group
from cms.i18n.services import prepare_translation
from cms.i18n.status import OUTDATED, segment_states
from cms.models import TranslationStatus

PER_PAGE = 50
STATUS_FILTERS = {
    "complete": {"completeness": 100},
    "incomplete": {"completeness__lt": 100},
    "missing": {"missing__gt": 0},
    "outdated": {"outdated__gt": 0},
}
SORTS = {
    "completeness": ("completeness", "page__path"),
    "-completeness": ("-completeness", "page__path"),
    "missing": ("-missing", "page__path"),
    "outdated": ("-outdated", "page__path"),
    "title": ("page__title_en",),
}


def report(request):
    group = page_group()
    statuses = TranslationStatus.objects.select_related("page", "page__content_type")
    if group is not None:
        statuses = statuses.annotate(group_name=F(f"page__{group.name_path}"))
    chosen = {key: request.GET.get(key, "") for key in ("status", "type", "sort")}
    chosen["group"] = request.GET.get(group.param, "") if group else ""
    if chosen["status"] in STATUS_FILTERS:
        statuses = statuses.filter(**STATUS_FILTERS[chosen["status"]])
    if group is not None and chosen["group"].isdigit():
        statuses = statuses.filter(**{f"page__{group.value_path}": int(chosen["group"])})
    if chosen["type"].isdigit():
        statuses = statuses.filter(page__content_type_id=int(chosen["type"]))
    statuses = statuses.order_by(*SORTS.get(chosen["sort"], SORTS["completeness"]))
    page_obj = Paginator(statuses, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "cms/translations/report.html",
        {
            "page_obj": page_obj,
            "chosen": chosen,
            "status_choices": [
                ("complete", _("Complete")),
                ("incomplete", _("Incomplete")),
                ("missing", _("Has missing segments")),
                ("outdated", _("Has outdated segments")),
            ],
            "group": group,
            "group_choices": group.choices() if group else [],
            "type_choices": _type_choices(),
            "sort_choices": [
                ("completeness", _("Least complete first")),
                ("-completeness", _("Most complete first")),
                ("missing", _("Most missing first")),
                ("outdated", _("Most outdated first")),
                ("title", _("Title")),
            ],
        },
    )


def _type_choices():
    from django.contrib.contenttypes.models import ContentType

    used = TranslationStatus.objects.values_list("page__content_type", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=used)
    return [
        (t.pk, t.model_class()._meta.verbose_name if t.model_class() else t.model) for t in types
    ]


def page_detail(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden(_("You cannot edit this page."))
    draft = page.get_latest_revision_as_object()
    status = TranslationStatus.objects.filter(page_id=page.pk).first()
    states = segment_states(draft, status.memory if status else {})
    return TemplateResponse(
        request,
        "cms/translations/page.html",
        {
            "page": page,
            "status": status,
            "states": states,
            "outdated": [
                (state, word_diff(state.translated_from, state.segment.source))
                for state in states
                if state.state == OUTDATED
            ],
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


def prepare(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden(_("You cannot edit this page."))
    if request.method == "POST":
        copied = prepare_translation(page, request.user)
        messages.success(
            request,
            _(
                "Prepared %(count)d segment(s) for translation; "
                "they count as missing until translated."
            )
            % {"count": copied},
        )
        return redirect("cms_translations_page", page.pk)
    return TemplateResponse(request, "cms/translations/prepare.html", {"page": page})


WORD = re.compile(r"\s+|[^\s]+")


def word_diff(before, after):
    """English before and after, word by word, as HTML with <del> and <ins>."""
    old, new = WORD.findall(before or ""), WORD.findall(after or "")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
        if tag == "equal":
            parts.append(escape("".join(old[i1:i2])))
    return mark_safe("".join(parts))  # noqa: S308  (every piece is escaped above)
