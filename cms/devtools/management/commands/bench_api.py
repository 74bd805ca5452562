"""`make bench`: bounded load runs on loopback, each figure a ratio against one measured now.

gunicorn (2 workers) serves a separate SQLite database with production's settings plus this app
(cms.devtools.bench_settings); wrk drives each case for a fixed time at a fixed concurrency, and
stops by itself. Two phases: the three demo guides, then at least --guides published guides.
Each case also reports the CPU time the gunicorn processes spent per request.
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
from typing import NamedTuple

import orjson
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.devtools.management.commands.scale_demo import FIRST_NUMBER

HOST = "127.0.0.1"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
V1_LISTING = "/api/v1/guides/?limit=20&locale=%s"
V2_LISTING = "/api/v2/pages/?type=guides.GuidePage&fields=*&limit=20"
# (label, numerator case, denominator case or None for an absolute value, target)
# req/s ratios, at least the target, on the last (scaled) phase only:
RATE_TARGETS = [
    (gettext_noop("v1 uncached detail en / stock v2 detail"), "v1_uncached_en", "v2_detail", 3.0),
    (gettext_noop("v1 cached detail / floor"), "v1_cached", "floor", 0.8),
    (gettext_noop("304 / floor"), "v1_304", "floor", 0.9),
    (gettext_noop("v1 listing / stock v2 listing"), "v1_listing", "v2_listing", 5.0),
]
# CPU ms per request, at most the target, in every phase (the cached detail is the reference):
CPU_TARGETS = [
    (gettext_noop("uncached detail zh-hans, CPU ms"), "v1_uncached", None, 3.0),
    (gettext_noop("uncached listing zh-hans, CPU ms"), "v1_listing_uncached", None, 3.0),
    (gettext_noop("uncached / cached detail, CPU"), "v1_uncached", "v1_cached", 2.0),
    (
        gettext_noop("uncached listing / cached detail, CPU"),
        "v1_listing_uncached",
        "v1_cached",
        2.0,
    ),
]


class Result(NamedTuple):
    label: str
    rps: float
    p50: float
    p99: float
    cpu: float  # ms per request, gunicorn master and workers


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


def guides(base, query):
    return orjson.loads(fetch(f"{base}/api/v1/guides/?{query}")[0])["items"]


def detail_path(guide, locale):
    return f"/api/v1/guides/{guide['slug']}/?locale={locale}"


def cached_cases(guide, etag):
    """(key, label, path, If-None-Match) of the cases run with the response cache on."""
    zh_detail = detail_path(guide, "zh-hans")
    return [
        ("floor", _("Plain Django view, same bytes from memory"), "/bench/floor/", None),
        ("v2_detail", _("Stock /api/v2/pages/<id>/"), f"/api/v2/pages/{guide['id']}/", None),
        ("v1_cached", _("v1 detail zh-hans, cached"), zh_detail, None),
        ("v1_304", _("v1 detail zh-hans, 304 revalidation"), zh_detail, etag),
        ("v2_listing", _("Stock v2 listing of 20, fields=*"), V2_LISTING, None),
        ("v1_listing", _("v1 listing of 20 zh-hans, cached"), V1_LISTING % "zh-hans", None),
    ]


def uncached_cases(guide, copy):
    """The cases run with the response cache off; `copy`: a generated guide, if any."""
    cases = [
        ("v1_uncached_en", _("v1 detail en, uncached"), detail_path(guide, "en"), None),
        ("v1_uncached", _("v1 detail zh-hans, uncached"), detail_path(guide, "zh-hans"), None),
        (
            "v1_listing_uncached",
            _("v1 listing of 20 zh-hans, uncached"),
            V1_LISTING % "zh-hans",
            None,
        ),
        ("v1_listing_uncached_en", _("v1 listing of 20 en, uncached"), V1_LISTING % "en", None),
    ]
    if copy:
        label = _("v1 detail zh-hans, uncached, generated guide")
        cases.append(("v1_uncached_copy", label, detail_path(copy, "zh-hans"), None))
    return cases


def cpu_ms(master):
    """CPU time (user + system, ms) used so far by process `master` and its children."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process has ended
            continue
        fields = text[text.rindex(")") + 2 :].split()  # after the command name: state, ppid, …
        if master in (int(stat.parent.name), int(fields[1])):
            total += int(fields[11]) + int(fields[12])
    return total * TICK_MS


def parse_wrk(output):
    """req/s, p50 ms, p99 ms and the number of requests completed."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    latencies = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    if not rps or not requests or len(latencies) != 2:
        raise CommandError(_("Could not read wrk's output:\n%(output)s") % {"output": output})

    def milliseconds(text):
        number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
        return float(number) * UNITS[unit]

    p50, p99 = milliseconds(latencies["50"]), milliseconds(latencies["99"])
    return float(rps.group(1)), p50, p99, int(requests.group(1))


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
        database = folder / "bench.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.devtools.bench_settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "0",
            "BENCH_FLOOR_FILE": str(self.floor_file),
            "LOG_LEVEL": "WARNING",
        }
        # The first phase needs the demo guides alone: start from an empty database.
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        phases = []
        # build_documents: what the worker does between a publish and readers' arrival.
        for phase, commands in (
            (_("demo"), [["migrate", "--noinput"], ["load_demo"], ["build_documents"]]),
            (
                _("%(count)d guides") % {"count": guides},
                [["scale_demo", "--guides", str(guides)], ["build_documents"]],
            ),
        ):
            self.prepare_data(commands)
            phases.append((phase, self.run_phase()))
        self.report(phases)

    def prepare_data(self, commands):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        for command in commands:
            self.stdout.write(_("Preparing: %(command)s") % {"command": " ".join(command)})
            done = subprocess.run([*manage, *command], env=self.env, capture_output=True, text=True)  # noqa: S603
            if done.returncode:
                raise CommandError(
                    _("%(command)s failed:\n%(error)s")
                    % {"command": " ".join(command), "error": done.stderr.strip()[-2000:]}
                )

    def run_phase(self):
        """Every case on the current data: {key: Result}."""
        with self.server(cache=True) as (base, pid):
            guide = guides(base, "ordering=number&limit=1")[0]
            copies = guides(base, "ordering=newest&limit=100")
            copy = next((item for item in copies if item["number"] >= FIRST_NUMBER), None)
            body, headers = fetch(base + detail_path(guide, "zh-hans"))
            self.floor_file.write_bytes(body)
            results = self.measure(base, pid, cached_cases(guide, headers["ETag"]))
        with self.server(cache=False) as (base, pid):
            return results | self.measure(base, pid, uncached_cases(guide, copy))

    @contextmanager
    def server(self, *, cache):
        """gunicorn on a free port: yields its base URL and the master's pid."""
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
            yield base, process.pid
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)

    def measure(self, base, pid, cases):
        """Runs (key, label, path, etag) cases: {key: Result}."""
        return {
            key: Result(label, *self.load(base + path, etag, pid))
            for key, label, path, etag in cases
        }

    def load(self, url, etag, pid):
        """req/s, p50 ms, p99 ms and server CPU ms per request of one wrk run on `url`."""
        for _warm in range(3):
            fetch(url, {"If-None-Match": etag} if etag else None)
        command = ["wrk", "-t2", f"-c{self.connections}", f"-d{self.duration}s", "--latency", url]
        if etag:
            command[1:1] = ["-H", f"If-None-Match: {etag}"]
        before = cpu_ms(pid)
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
        rps, p50, p99, requests = parse_wrk(output)
        return rps, p50, p99, (cpu_ms(pid) - before) / max(requests, 1)

    def targets(self, phases):
        """(label, value, target, miss) for every target; miss: None if met, else why not."""
        phase, results = phases[-1]
        for label, numerator, denominator, target in RATE_TARGETS:
            value = results[numerator].rps / results[denominator].rps
            yield f"{phase}: {_(label)}", value, target, value < target and _("below target")
        for phase, results in phases:
            for label, numerator, denominator, target in CPU_TARGETS:
                value = results[numerator].cpu
                if denominator:
                    value /= results[denominator].cpu
                yield f"{phase}: {_(label)}", value, target, value > target and _("over target")

    def report(self, phases):
        for phase, results in phases:
            self.stdout.write("")
            self.stdout.write(_("Phase: %(phase)s") % {"phase": phase})
            self.stdout.write(
                f"{_('Case'):<46} {_('req/s'):>9} {_('p50 ms'):>8} {_('p99 ms'):>8}"
                f" {_('CPU ms/req'):>10}"
            )
            for label, rps, p50, p99, cpu in results.values():
                self.stdout.write(f"{label:<46} {rps:>9.0f} {p50:>8.2f} {p99:>8.2f} {cpu:>10.2f}")
        self.stdout.write("")
        self.stdout.write(f"{_('Target'):<52} {_('value'):>8} {_('target'):>8}")
        targets = list(self.targets(phases))
        for label, value, target, miss in targets:
            self.stdout.write(f"{label:<52} {value:>8.2f} {target:>8.1f}  {miss or _('ok')}")
        missed = sum(bool(miss) for *_values, miss in targets)
        self.stdout.write("")
        if missed:
            self.stdout.write(
                _("%(missed)d of %(total)d targets missed.")
                % {"missed": missed, "total": len(targets)}
            )
        else:
            self.stdout.write(_("All %(total)d targets met.") % {"total": len(targets)})
