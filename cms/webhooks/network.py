"""Where a webhook may point: public http(s) hosts, plus networks the settings allow.

The deny list is explicit rather than `ip.is_global`, whose answer changes between Python
versions (3.11 counts NAT64 64:ff9b::/96 as global). The form and every delivery attempt check
with `check_url`.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# IANA's IPv4 and IPv6 special-purpose address registries, plus deprecated special ranges.
DENIED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        # IPv4
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local (cloud metadata services)
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments (DS-Lite, NAT64 discovery, anycast)
        "192.0.2.0/24",  # documentation (TEST-NET-1)
        "192.31.196.0/24",  # AS112
        "192.52.193.0/24",  # AMT
        "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
        "192.168.0.0/16",  # private
        "192.175.48.0/24",  # AS112 direct delegation
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation (TEST-NET-2)
        "203.0.113.0/24",  # documentation (TEST-NET-3)
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and the broadcast address
        # IPv6
        "::/128",  # unspecified
        "::1/128",  # loopback
        "::/96",  # IPv4-compatible (deprecated)
        "::ffff:0:0/96",  # IPv4-mapped
        "64:ff9b::/96",  # NAT64, well-known prefix
        "64:ff9b:1::/48",  # NAT64, local use
        "100::/64",  # discard-only
        "100:0:0:1::/64",  # dummy prefix
        "2001::/23",  # IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, AMT
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4
        "2620:4f:8000::/48",  # AS112 direct delegation
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing (SRv6) SIDs
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
        # IPv6 outside 2000::/3, the only space IANA allocates for global unicast.
        "::/3",
        "4000::/2",
        "8000::/1",
    )
)


def allowed_networks():
    return [ipaddress.ip_network(net, strict=False) for net in settings.WEBHOOK_ALLOWED_NETWORKS]


def is_allowed(ip, allowed=()):
    """True for an address outside every denied network, or inside a network the settings allow."""
    return any(ip in network for network in allowed) or not any(
        ip in network for network in DENIED_NETWORKS
    )


def check_url(url):
    """The addresses `url`'s host resolves to, all allowed; otherwise raise ValidationError
    naming the problem, but never the address."""
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
    if not all(is_allowed(ipaddress.ip_address(a.split("%")[0]), allowed) for a in addresses):
        raise ValidationError(
            _(
                "This address is not allowed: webhooks are not sent to loopback, private or "
                "reserved addresses unless WEBHOOK_ALLOWED_NETWORKS lists their network."
            )
        )
    return addresses
