"""The "Translations" report: zh-hans completeness of every page (snippets are on the dashboard
and in their own Translate views)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.content import page_group
from cms.i18n.services import prepare_translation
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
    statuses = TranslationStatus.objects.filter(page__isnull=False).select_related(
        "page", "page__content_type"
    )
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

    used = (
        TranslationStatus.objects.filter(page__isnull=False)
        .values_list("page__content_type", flat=True)
        .distinct()
    )
    types = ContentType.objects.filter(pk__in=used)
    return [
        (t.pk, t.model_class()._meta.verbose_name if t.model_class() else t.model) for t in types
    ]


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
        return redirect("cms_translate", page.pk)
    return TemplateResponse(request, "cms/translations/prepare.html", {"page": page})
