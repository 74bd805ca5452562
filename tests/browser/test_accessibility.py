"""Issue #23: axe-core on every kind of /site/ page, in both languages, on a desktop and a phone.

axe-core comes from npm (pinned) into var/npm/, which git ignores; the first run fetches it,
later runs reuse it. Outside CI the tests skip when npm cannot fetch it; in CI they fail.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.test_reader_site import _answer_all
from tests.browser.waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_VERSION = "4.10.3"
AXE_DIR = Path(__file__).resolve().parents[2] / "var" / "npm" / f"axe-core-{AXE_VERSION}"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
REPAIR_PATH = "/site/guides/repair-after-a-fight-felt-security/"
# Pages that need no state: (name, path). The test and result pages follow.
PAGES = [
    ("home", "/site/"),
    ("guides", "/site/guides/"),
    ("guide", REPAIR_PATH),
    ("search", "/site/search/?q=repair"),
    ("topic", "/site/topics/repair/"),
    ("series", "/site/series/attachment-communication/"),
    ("not-found", "/site/no/such/page/"),
]
SEVERE = ("serious", "critical")


def _unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"axe-core {AXE_VERSION}: {reason}")
    pytest.skip(f"axe-core {AXE_VERSION} is not available ({reason}); it comes from npm.")


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        npm = shutil.which("npm")
        if not npm:
            _unavailable("npm is not installed")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                [
                    npm,
                    "install",
                    "--prefix",
                    str(AXE_DIR),
                    f"axe-core@{AXE_VERSION}",
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "--loglevel=error",
                ],
                check=True,
                capture_output=True,
                text=True,
                timeout=300,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            _unavailable(f"npm install failed: {getattr(error, 'stderr', '') or error}")
        if not AXE_JS.exists():
            _unavailable(f"npm install did not produce {AXE_JS}")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def demo(live_server, demo_home):
    return live_server.url


def _describe(name, violations):
    lines = []
    for violation in violations:
        lines.append(f"[{name}] {violation['impact']} {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
    return lines


def _check(page, axe_source, name, found):
    """Run axe on the page as shown; record serious and critical violations; screenshot."""
    page.wait_for_selector("main h1")
    wait_until(page, "() => !document.getElementById('main').hasAttribute('aria-busy')")
    # Evaluated over the DevTools protocol: the site's CSP (no inline scripts) is untouched.
    page.evaluate(axe_source)
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target.join(' '),"
        " failureSummary: n.failureSummary}))})))"
    )
    found.extend(_describe(name, [v for v in result if v["impact"] in SEVERE]))
    page.shot(re.sub(r"\W+", "-", name))


def _walk(page, demo, axe_source, locale, found):
    query = f"locale={locale}"
    for name, path in PAGES:
        page.goto(f"{demo}{path}{'&' if '?' in path else '?'}{query}")
        _check(page, axe_source, f"{locale} {name}", found)

    page.goto(f"{demo}/site/tests/relationship-test/?{query}")
    _check(page, axe_source, f"{locale} test", found)
    page.locator("form.test-form button[type=submit]").click()  # nothing chosen: errors
    page.wait_for_selector(".error-summary")
    _check(page, axe_source, f"{locale} test-errors", found)
    _answer_all(page, 1)
    page.locator("form.test-form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/site/results/[\w-]+/$"))
    page.wait_for_selector("svg.chart")
    result_url = page.url
    _check(page, axe_source, f"{locale} result", found)

    page.goto(f"{result_url}report/?{query}")
    _check(page, axe_source, f"{locale} report", found)
    return result_url


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
@pytest.mark.parametrize(
    ("width", "scheme"), [(1280, "light"), (375, "light"), (1280, "dark")], ids=str
)
def test_site_pages_have_no_serious_accessibility_violations(
    page, demo, axe_source, browser, artifacts, locale, width, scheme
):
    """On a desktop and a 375px phone (no sideways scrolling), and in the dark colour scheme."""
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    found = []
    result_url = _walk(page, demo, axe_source, locale, found)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # The same result opened from its share link, in a fresh browser.
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        other = context.new_page()
        other.set_default_timeout(15_000)
        other.shot = lambda name: other.screenshot(
            path=str(artifacts / f"99-{name}.png"), full_page=True
        )
        other.goto(f"{result_url}?locale={locale}")
        other.wait_for_selector("svg.chart")
        _check(other, axe_source, f"{locale} shared-result", found)
    finally:
        context.close()

    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)
