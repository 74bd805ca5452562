"""Wait for a condition in the page without `page.wait_for_function`.

Playwright's wait_for_function polls with `eval` inside the page, which a CSP without
'unsafe-eval' (ours, on every page) refuses once the first check is false. Each check here
is a `page.evaluate` over the DevTools protocol, which the page's CSP does not govern.
"""

import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout


def wait_until(page, predicate, arg=None, timeout=15_000):
    """Poll the JavaScript function `predicate(arg)` until it returns a truthy value."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        result = page.evaluate(predicate, arg)
        if result:
            return result
        if time.monotonic() > deadline:
            raise PlaywrightTimeout(f"Timed out after {timeout} ms waiting for {predicate}")
        page.wait_for_timeout(50)
