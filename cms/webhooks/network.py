"""Where a webhook may point: public http(s) hosts, plus networks the settings allow."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def allowed_networks():
    return [ipaddress.ip_network(net, strict=False) for net in settings.WEBHOOK_ALLOWED_NETWORKS]


def check_url(url):
    """The addresses `url`'s host resolves to, all allowed; otherwise raise ValidationError
    naming the problem."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValidationError(_("Enter an http:// or https:// URL with a host name."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        # In the resolver's order of preference, without repeats.
        addresses = list(
            dict.fromkeys(info[4][0] for info in socket.getaddrinfo(parts.hostname, port))
        )
    except (OSError, ValueError, UnicodeError):
        raise ValidationError(
            _("The host %(host)s cannot be resolved.") % {"host": parts.hostname}
        ) from None
    allowed = allowed_networks()
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if ip.is_global or any(ip in network for network in allowed):
            continue
        raise ValidationError(
            _(
                "%(host)s resolves to %(ip)s, a loopback, private or reserved address. "
                "Add its network to WEBHOOK_ALLOWED_NETWORKS to allow it."
            )
            % {"host": parts.hostname, "ip": ip}
        )
    return addresses
