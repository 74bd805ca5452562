"""HMAC-SHA256 signatures over the timestamp and the body, so receivers can refuse replays.

A receiver recomputes `sha256=` + HMAC(secret, "<timestamp>." + body), compares it in constant
time, and refuses timestamps older than a few minutes.
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-CMS-Signature"
TIMESTAMP_HEADER = "X-CMS-Timestamp"
EVENT_HEADER = "X-CMS-Event"
DELIVERY_HEADER = "X-CMS-Delivery"


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(secret, timestamp, body, received, tolerance=300, now=None):
    """What a receiver does: a matching signature on a timestamp no older than `tolerance` s."""
    try:
        age = (now if now is not None else time.time()) - int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(age) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), received or "")
