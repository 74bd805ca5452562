"""One bounded POST: whatever the receiver does, the caller gets an answer within the timeout.

The connection goes to an address that `network.check_url` has just approved, never to a fresh
lookup of the host name, so a name that re-resolves in between (DNS rebinding) cannot steer the
request to a private address. TLS is still verified against the host name.
"""

import threading
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import certifi
import urllib3
from django.utils.translation import gettext as _

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass
class Outcome:
    response_code: int | None
    error: str
    duration_ms: int

    @property
    def succeeded(self):
        return self.response_code is not None and 200 <= self.response_code < 300


def _pool(parts, address, timeout):
    options = {
        "port": parts.port or DEFAULT_PORTS[parts.scheme],
        "timeout": urllib3.Timeout(connect=timeout, read=timeout),
        "retries": False,
        "maxsize": 1,
    }
    if parts.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            **options,
        )
    return urllib3.HTTPConnectionPool(address, **options)


def _request_headers(parts, headers):
    host = parts.netloc.rsplit("@", 1)[-1]
    extra = {"Host": host}
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        extra |= urllib3.make_headers(basic_auth=credentials)
    return headers | extra


def _send(url, address, body, headers, timeout):
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    with _pool(parts, address, timeout) as pool:
        # Redirects are not followed: they could lead to a private address.
        response = pool.urlopen(
            "POST",
            target,
            body=body,
            headers=_request_headers(parts, headers),
            redirect=False,
            assert_same_host=False,
            preload_content=False,  # the body of the answer is never read
        )
        response.release_conn()
        return response.status


def post(url, address, body, headers, timeout):
    """POST `body` to `url`, connecting to `address` (one of the addresses its host resolved to)."""
    result = {}

    def send():
        try:
            result["code"] = _send(url, address, body, headers, timeout)
        except urllib3.exceptions.TimeoutError:
            result["timed_out"] = True
        except urllib3.exceptions.HTTPError as error:
            result["error"] = f"{type(error).__name__}: {error}"[:500]

    started = time.monotonic()
    # A receiver that trickles its answer byte by byte could outlast the per-read timeout; the
    # thread is abandoned at the deadline instead (its socket times out later).
    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    thread.join(timeout)
    duration_ms = int((time.monotonic() - started) * 1000)
    # The deadline and the socket's own timeout are the same length: whichever comes first,
    # the attempt records the same error.
    if thread.is_alive() or result.get("timed_out"):
        return Outcome(
            None, _("No answer within %(seconds)s s.") % {"seconds": timeout}, duration_ms
        )
    return Outcome(result.get("code"), result.get("error", ""), duration_ms)
