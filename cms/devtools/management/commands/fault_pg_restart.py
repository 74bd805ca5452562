"""Fault run: steady API load on gunicorn while PostgreSQL restarts; how long until it recovers.

Manual only (it restarts the PostgreSQL server for everyone): `make fault-pg-restart`.
"""

import http.client
import os
import subprocess
import sys
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

PATHS = ["/api/v1/guides/?locale=en", "/api/v1/guides/?locale=zh-hans", "/healthz"]


class Command(BaseCommand):
    help = _("Restart PostgreSQL under steady API load and report errors and recovery time.")

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--seconds", type=float, default=30.0)
        parser.add_argument("--restart-after", type=float, default=5.0)
        parser.add_argument(
            "--restart-command", default="pg_ctlcluster 15 main restart", help=_("Shell command.")
        )
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, port, seconds, restart_after, restart_command, threads, **options):
        if connection.vendor != "postgresql":
            raise CommandError(_("Set DATABASE_URL to PostgreSQL: this run restarts PostgreSQL."))
        env = {**os.environ, "API_RESPONSE_CACHE": "0"}  # every request reads the database
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "critical",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )
        try:
            self.wait_ready(port)
            log = self.load(port, seconds, restart_after, restart_command, threads)
        finally:
            server.terminate()
            server.wait(10)
        self.report(log, restart_after)

    def wait_ready(self, port):
        for _attempt in range(100):
            if self.get(port, "/healthz")[0] == 200:
                return
            time.sleep(0.1)
        raise CommandError(_("gunicorn did not start."))

    @staticmethod
    def get(port, path):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            status = conn.getresponse().status
            conn.close()
            return status, "" if status == 200 else f"{status}"
        except OSError as error:
            return None, type(error).__name__

    def load(self, port, seconds, restart_after, restart_command, threads):
        log, lock, started = [], threading.Lock(), time.monotonic()

        def worker(offset):
            index = offset
            while time.monotonic() - started < seconds:
                path = PATHS[index % len(PATHS)]
                status, error = self.get(port, path)
                with lock:
                    log.append((time.monotonic() - started, status, error and f"{path} {error}"))
                index += 1

        pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for thread in pool:
            thread.start()
        time.sleep(restart_after)
        self.stdout.write(_("Restarting PostgreSQL: %(command)s") % {"command": restart_command})
        subprocess.run(restart_command, shell=True, check=True)  # noqa: S602
        for thread in pool:
            thread.join()
        return sorted(log)

    def report(self, log, restart_after):
        failures = [(t, s, e) for t, s, e in log if s != 200]
        after = [(t, s) for t, s, _e in log if t >= restart_after]
        last_failure = max((t for t, _s, _e in failures), default=restart_after)
        recovered = last_failure - restart_after if failures else 0.0
        kinds = Counter(e or str(s) for _t, s, e in failures)
        self.stdout.write(
            _(
                "%(total)d requests, %(ok)d OK; %(failed)d failed during the restart (%(kinds)s); "
                "recovered %(seconds).1f s after the restart began, without restarting the app."
            )
            % {
                "total": len(log),
                "ok": len(log) - len(failures),
                "failed": len(failures),
                "kinds": ", ".join(f"{k}: {v}" for k, v in kinds.items()) or "-",
                "seconds": recovered,
            }
        )
        if not after or recovered > 10:
            raise CommandError(_("The app did not recover within 10 s."))
