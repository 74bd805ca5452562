"""`make bench`: bounded load runs on loopback, each figure a ratio against one measured now.

gunicorn (2 workers) serves a separate SQLite database of at least 200 published guides with
production's settings plus this app (cms.devtools.bench_settings); wrk drives each case for a
fixed time at a fixed concurrency, and stops by itself.
"""

import os
import re
import shutil
import signal
import socket
import subprocess  # noqa: S404  (starts gunicorn and wrk, both local)
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import orjson
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

HOST = "127.0.0.1"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
TARGETS = [
    ("v1 uncached detail / stock v2 detail", "v1_uncached", "v2_detail", 3.0),
    ("v1 cached detail / floor", "v1_cached", "floor", 0.8),
    ("304 / floor", "v1_304", "floor", 0.9),
    ("v1 listing / stock v2 listing", "v1_listing", "v2_listing", 5.0),
]


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310  (loopback only)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return b"", dict(error.headers)
        raise


def parse_wrk(output):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latencies = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    if not rps or len(latencies) != 2:
        raise CommandError(_("Could not read wrk's output:\n%(output)s") % {"output": output})

    def milliseconds(text):
        number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
        return float(number) * UNITS[unit]

    return float(rps.group(1)), milliseconds(latencies["50"]), milliseconds(latencies["99"])


class Command(BaseCommand):
    help = _("Benchmark API v1 against stock Wagtail API v2 and a plain Django floor.")

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help=_("Seconds per case."))
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--guides", type=int, default=200)

    def handle(self, *args, duration, connections, guides, **options):
        if shutil.which("wrk") is None:
            raise CommandError(_("wrk is not installed: apt-get install wrk (make bench does it)."))
        self.duration, self.connections = duration, connections
        folder = Path(settings.BASE_DIR) / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        self.floor_file = folder / "floor.json"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.devtools.bench_settings",
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "0",
            "BENCH_FLOOR_FILE": str(self.floor_file),
            "LOG_LEVEL": "WARNING",
        }
        self.prepare_data(guides)
        results = {}
        with self.server(cache=True) as base:
            listing, _headers = fetch(f"{base}/api/v1/guides/?limit=1&ordering=number")
            guide = orjson.loads(listing)["items"][0]
            detail_path = f"/api/v1/guides/{guide['slug']}/"
            detail_url = base + detail_path
            body, headers = fetch(detail_url)
            self.floor_file.write_bytes(body)
            cases = [
                (
                    "floor",
                    _("Plain Django view, same bytes from memory"),
                    f"{base}/bench/floor/",
                    None,
                ),
                (
                    "v2_detail",
                    _("Stock /api/v2/pages/<id>/"),
                    f"{base}/api/v2/pages/{guide['id']}/",
                    None,
                ),
                ("v1_cached", _("v1 detail, cached"), detail_url, None),
                ("v1_304", _("v1 detail, 304 revalidation"), detail_url, headers["ETag"]),
                (
                    "v2_listing",
                    _("Stock v2 listing of 20, fields=*"),
                    f"{base}/api/v2/pages/?type=guides.GuidePage&fields=*&limit=20",
                    None,
                ),
                ("v1_listing", _("v1 listing of 20"), f"{base}/api/v1/guides/?limit=20", None),
            ]
            for key, label, url, etag in cases:
                results[key] = (label, *self.load(url, etag))
        with self.server(cache=False) as base:
            uncached = self.load(base + detail_path, None)
            results["v1_uncached"] = (_("v1 detail, cache disabled"), *uncached)
        self.report(results)

    def prepare_data(self, guides):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        for command in (
            ["migrate", "--noinput"],
            ["load_demo"],
            ["scale_demo", "--guides", str(guides)],
        ):
            self.stdout.write(_("Preparing: %(command)s") % {"command": " ".join(command)})
            done = subprocess.run([*manage, *command], env=self.env, capture_output=True, text=True)  # noqa: S603
            if done.returncode:
                raise CommandError(
                    _("%(command)s failed:\n%(error)s")
                    % {"command": " ".join(command), "error": done.stderr.strip()[-2000:]}
                )

    @contextmanager
    def server(self, *, cache):
        port = free_port()
        env = {**self.env, "API_RESPONSE_CACHE": "1" if cache else "0"}
        process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "cms.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )
        base = f"http://{HOST}:{port}"
        try:
            for _attempt in range(100):
                try:
                    fetch(f"{base}/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise CommandError(_("gunicorn did not start."))
            yield base
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)

    def load(self, url, etag):
        for _warm in range(3):
            fetch(url, {"If-None-Match": etag} if etag else None)
        command = ["wrk", "-t2", f"-c{self.connections}", f"-d{self.duration}s", "--latency", url]
        if etag:
            command[1:1] = ["-H", f"If-None-Match: {etag}"]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
        return parse_wrk(output)

    def report(self, results):
        self.stdout.write("")
        self.stdout.write(f"{_('Case'):<45} {_('req/s'):>9} {_('p50 ms'):>8} {_('p99 ms'):>8}")
        for label, rps, p50, p99 in results.values():
            self.stdout.write(f"{label:<45} {rps:>9.0f} {p50:>8.2f} {p99:>8.2f}")
        self.stdout.write("")
        self.stdout.write(f"{_('Ratio'):<45} {_('value'):>9} {_('target'):>8}")
        for label, numerator, denominator, target in TARGETS:
            ratio = results[numerator][1] / results[denominator][1]
            verdict = _("ok") if ratio >= target else _("below target")
            self.stdout.write(f"{label:<45} {ratio:>9.2f} {target:>8.1f}  {verdict}")
