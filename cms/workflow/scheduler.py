"""Scheduled publishing and expiry, safe to run in several workers at once.

A scheduled publish puts live what the person who scheduled it may publish (a reviewer's is the
English; cms.workflow.publishing), or the English when nobody is on record.

Each due item is claimed with one conditional UPDATE before it is acted on: whichever worker's
UPDATE changes the row owns it, so every page is published (or expired) exactly once, on SQLite
and PostgreSQL alike. Each item runs in its own transaction, so one failure stops nothing else.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from cms.workflow.publishing import SOURCE, scope_for

logger = logging.getLogger(__name__)


@dataclass
class ScheduleResult:
    published: list = field(default_factory=list)
    expired: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def _claim_revision(revision_id, now):
    return Revision.objects.filter(pk=revision_id, approved_go_live_at__lte=now).update(
        approved_go_live_at=None
    )


def _claim_expiry(page_id, now):
    return Page.objects.filter(pk=page_id, live=True, expired=False, expire_at__lte=now).update(
        expired=True
    )


def _scheduled_by(revision):
    """Who scheduled `revision`: the publish they asked for is the one carried out."""
    entry = (
        PageLogEntry.objects.filter(revision=revision, action="wagtail.publish.schedule")
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.user if entry else None


def run_due(now=None):
    """Publish every revision whose go-live time has come, and expire pages past expire_at."""
    now = now or timezone.now()
    result = ScheduleResult()
    due = Revision.page_revisions.filter(approved_go_live_at__lte=now).order_by(
        "approved_go_live_at"
    )
    for revision_id in list(due.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                if not _claim_revision(revision_id, now):
                    continue  # another worker has it
                revision = Revision.objects.get(pk=revision_id)
                scheduled_by = _scheduled_by(revision)
                revision.content_object.specific.publish(
                    revision,
                    user=scheduled_by,
                    scope=scope_for(scheduled_by) if scheduled_by else SOURCE,
                    log_action="wagtail.publish.scheduled",
                    skip_permission_checks=True,  # checked when it was scheduled
                )
            result.published.append(revision.object_id)
        except Exception:
            logger.exception("Scheduled publishing of revision %s failed", revision_id)
            result.failed.append(revision_id)

    expiring = Page.objects.filter(live=True, expired=False, expire_at__lte=now)
    for page_id in list(expiring.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                if not _claim_expiry(page_id, now):
                    continue
                page = Page.objects.get(pk=page_id).specific
                page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            result.expired.append(page_id)
        except Exception:
            logger.exception("Expiring page %s failed", page_id)
            result.failed.append(page_id)
    return result
