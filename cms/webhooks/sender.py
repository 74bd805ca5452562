"""One bounded POST: whatever the receiver does, the caller gets an answer within the timeout."""

import threading
import time
from dataclasses import dataclass

import requests
from django.utils.translation import gettext as _


@dataclass
class Outcome:
    response_code: int | None
    error: str
    duration_ms: int

    @property
    def succeeded(self):
        return self.response_code is not None and 200 <= self.response_code < 300


def post(url, body, headers, timeout):
    """POST `body`; redirects are not followed (they could lead to a private address)."""
    result = {}

    def send():
        try:
            with requests.post(
                url,
                data=body,
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
                stream=True,  # the body of the answer is never read
            ) as response:
                result["code"] = response.status_code
        except requests.RequestException as error:
            result["error"] = f"{type(error).__name__}: {error}"[:500]

    started = time.monotonic()
    # A receiver that trickles its answer byte by byte could outlast requests' per-read
    # timeout; the thread is abandoned at the deadline instead (its socket times out later).
    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    thread.join(timeout)
    duration_ms = int((time.monotonic() - started) * 1000)
    if thread.is_alive():
        return Outcome(
            None, _("No answer within %(seconds)s s.") % {"seconds": timeout}, duration_ms
        )
    return Outcome(result.get("code"), result.get("error", ""), duration_ms)
