"""Who may approve Chinese, and the record a translation approval leaves.

The approved Chinese itself lives in the live row (cms.workflow.publishing); this records which
revision's Chinese went live, by whom and when, in the history and in TranslationApproval.
"""

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from cms.content import page_type
from cms.i18n.fields import chinese_values
from cms.models import TranslationApproval, TranslationStatus

APPROVE_PERMISSION = "cms.approve_translation"
SOURCE_PERMISSION = "cms.edit_source_language"
LOG_ACTION = "cms.translation_approved"


def chinese_changed(before, after):
    return before is None or chinese_values(before) != chinese_values(after)


def record_approval(obj, before, revision, user=None):
    """Record that `revision`'s Chinese of `obj` is live. Returns whether readers' Chinese
    changed."""
    person = user if getattr(user, "pk", None) else None
    if isinstance(obj, Page):
        # The English each segment's Chinese was written for, as the report remembers it.
        memory = TranslationStatus.objects.filter(page_id=obj.pk).values_list("memory", flat=True)
        sources = {key: entry.get("h") for key, entry in (memory.first() or {}).items()}
        TranslationApproval.objects.update_or_create(
            page_id=obj.pk,
            defaults={
                "revision": revision,
                "approved_at": timezone.now(),
                "approved_by": person,
                "sources": sources,
            },
        )
    log(instance=obj, action=LOG_ACTION, user=person, revision=revision, data={"locale": "zh-hans"})
    return chinese_changed(before, obj)


def refresh_translation_state(page):
    """Keep the state readers are told (listings read it) equal to what the page's API detail
    says, after anything that may change it: a publish of the page or of content it shows."""
    registered = page_type(page)
    if registered is not None and registered.translation_state is not None:
        state = registered.translation_state(page)
        TranslationApproval.objects.filter(page_id=page.pk).update(state=state)
