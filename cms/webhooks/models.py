import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.i18n.locales import LOCALE_CHOICES
from cms.webhooks.events import EVENT_CHOICES


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiver of publish events: where to POST, how to sign, and what it wants."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("secret"), max_length=200, default=new_secret)
    events = models.JSONField(_("events"), default=list)
    locales = models.JSONField(_("locales"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.name

    @property
    def event_labels(self):
        labels = dict(EVENT_CHOICES)
        return ", ".join(str(labels.get(event, event)) for event in self.events)

    @property
    def locale_labels(self):
        labels = dict(LOCALE_CHOICES)
        return ", ".join(str(labels.get(locale, locale)) for locale in self.locales)


class WebhookEvent(models.Model):
    """Something that changed published content, recorded in the transaction that changed it."""

    uuid = models.UUIDField(_("event id"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("event"), max_length=40, choices=EVENT_CHOICES)
    page_id = models.IntegerField(_("page id"), db_index=True)
    payload = models.JSONField(_("payload"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("publish event")
        verbose_name_plural = _("publish events")

    def __str__(self):
        return f"{self.get_name_display()} #{self.page_id}"


class WebhookDelivery(models.Model):
    """One event on its way to one endpoint. Deliveries for one page go out in order."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    OPEN = (Status.PENDING, Status.RETRYING)

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.ForeignKey(
        WebhookEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    attempt_count = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["endpoint", "status"])]

    def __str__(self):
        return f"{self.event} → {self.endpoint}"


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery: the delivery log."""

    delivery = models.ForeignKey(
        WebhookDelivery,
        verbose_name=_("delivery"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"))
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self):
        return f"{self.delivery} #{self.number}"
