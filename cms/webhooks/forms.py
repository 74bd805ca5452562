from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.i18n.locales import LOCALE_CHOICES
from cms.webhooks.events import EVENT_CHOICES
from cms.webhooks.models import WebhookEndpoint, new_secret
from cms.webhooks.network import check_url

MIN_SECRET_LENGTH = 16


class WebhookEndpointForm(WagtailAdminModelForm):
    """The secret is write-only: blank keeps the current one (or, for a new endpoint, makes one
    that is shown once after saving)."""

    secret = forms.CharField(
        label=_("Secret"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Used to sign every request (HMAC-SHA256). Never shown again once saved. Leave blank "
            "to keep the current secret, or, for a new endpoint, to have one generated."
        ),
    )
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EVENT_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    locales = forms.MultipleChoiceField(
        label=_("Languages"), choices=LOCALE_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "locales", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.generated_secret = None

    def clean_url(self):
        url = self.cleaned_data["url"]
        check_url(url)
        return url

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        if secret and len(secret) < MIN_SECRET_LENGTH:
            raise forms.ValidationError(
                _("A secret needs at least %(count)d characters.") % {"count": MIN_SECRET_LENGTH}
            )
        if secret:
            return secret
        if self.instance.pk:
            return WebhookEndpoint.objects.get(pk=self.instance.pk).secret
        self.generated_secret = new_secret()
        return self.generated_secret
