"""Browser tests: Playwright's Python package driving Debian's Chromium against live_server.

Screenshots go to test-artifacts/<test name>/NN-step.png (CI keeps the folder).
"""

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are still
# plain synchronous code, one at a time. (tests/subprocess_django.py keeps it from subprocesses.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium_or_skip():
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it with apt-get.")
    pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).")


@pytest.fixture
def demo_home(committed_demo_site):
    """The demo content (home, three guides, the relationship test) and the demo logins."""
    from cms.demo_users import ensure_demo_users
    from guides.demo.quiz_loader import load_demo_quiz

    load_demo_quiz(committed_demo_site)
    ensure_demo_users()
    return committed_demo_site


@pytest.fixture(scope="session")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts(request):
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.failed_call = report.failed


@pytest.fixture
def page(browser, artifacts, request):
    """A fresh browser context (no cookies) with a `shot(name)` helper for step screenshots."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    counter = iter(range(1, 1000))
    tab.shot = lambda name: tab.screenshot(
        path=str(artifacts / f"{next(counter):02d}-{name}.png"), full_page=True
    )
    yield tab
    if getattr(request.node, "failed_call", False):
        tab.screenshot(path=str(artifacts / "failure.png"), full_page=True)
    context.close()


# Every frame records the CSP violations it sees, which the console may not report in full.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`
));
"""


@pytest.fixture
def violations(page):
    """A function returning the console's CSP reports, uncaught page errors and the violation
    events every frame recorded, so far."""
    found = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and found.append(message.text),
    )
    page.on("pageerror", lambda error: found.append(f"page error: {error}"))
    return lambda: (
        found
        + [
            violation
            for frame in page.frames
            for violation in frame.evaluate("window.__cspViolations || []")
        ]
    )
