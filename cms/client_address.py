"""The client's address behind trusted reverse proxies.

When CLIENT_IP_HEADER names a header (e.g. X-Forwarded-For), each of the TRUSTED_PROXY_COUNT
proxies in front of the app appends the address it was reached from, so the client is the
TRUSTED_PROXY_COUNT-th entry from the right; entries further left are whatever the client sent.
REMOTE_ADDR is corrected once, here, for everything that keys on it: the relationship test's
rate limit, django-axes' login lockout, logs. Only run so if the app is reachable solely
through those proxies.
"""

import ipaddress

from django.conf import settings


def forwarded_client(meta):
    """The client's address from the trusted header, or None if it carries no usable one."""
    entries = [entry.strip() for entry in meta.get(settings.CLIENT_IP_HEADER, "").split(",")]
    entries = [entry for entry in entries if entry]
    if len(entries) < settings.TRUSTED_PROXY_COUNT:
        return None
    candidate = entries[-settings.TRUSTED_PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.CLIENT_IP_HEADER and (client := forwarded_client(request.META)):
            request.META["REMOTE_ADDR"] = client
        return self.get_response(request)
