"""The admin's preview of a page (the editor's preview panel, a workflow task's Preview): the
reader site's shell with the page's API v1 representation embedded, which the site's JS draws
as readers will see it. One preview mode per language."""

import orjson
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState

from cms.content import page_type
from cms.frontend.views import render_shell
from cms.i18n.locales import SOURCE, TARGET
from cms.models import TranslationReviewTask

MODES = [(SOURCE, _("English")), (TARGET, _("简体中文"))]


def representable(model):
    """Whether the front end can show a page of this type (API v1 represents it)."""
    registered = page_type(model)
    return registered is not None and registered.representation is not None


def reviewed_locale(revision_id):
    """The language a workflow task in progress on the revision reviews."""
    state = (
        TaskState.objects.filter(revision_id=revision_id, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task__content_type")
        .first()
    )
    translation = state is not None and issubclass(state.task.specific_class, TranslationReviewTask)
    return TARGET if translation else SOURCE


def serve_preview(page, request, locale):
    """The shell drawing `page` (an unsaved form's instance, or a revision's) in `locale`."""
    revision_id = getattr(request, "revision_id", None)  # set by a workflow task's Preview
    data = page_type(page).representation(page, locale, revision_id)
    data.setdefault("meta", {})["preview"] = True
    # Through orjson, as API v1 writes it (its dates and times, its numbers).
    embedded = {"locale": locale, "page": orjson.loads(orjson.dumps(data))}
    return render_shell(request, locale, preview=embedded)
