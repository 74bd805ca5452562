"""Backing up and restoring the whole database: pg_dump/pg_restore, or SQLite's backup API.

A backup is one file: a pg_dump custom-format archive (.dump) or a copy of the SQLite database
(.sqlite3). Restoring replaces everything in the configured database with its contents.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

POSTGRESQL, SQLITE = "postgresql", "sqlite"
EXTENSIONS = {POSTGRESQL: ".dump", SQLITE: ".sqlite3"}
HEADERS = {POSTGRESQL: b"PGDMP", SQLITE: b"SQLite format 3\x00"}


def backup_dir():
    return Path(settings.BASE_DIR) / "var" / "backups"


def database():
    config = settings.DATABASES["default"]
    kind = POSTGRESQL if config["ENGINE"].endswith("postgresql") else SQLITE
    return kind, config


def default_path(kind):
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return backup_dir() / f"{stamp}{EXTENSIONS[kind]}"


def latest_backup(kind):
    found = sorted(backup_dir().glob(f"*{EXTENSIONS[kind]}"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise CommandError(
            _("No backups in %(directory)s; name the file to restore.")
            % {"directory": backup_dir()}
        )
    return found[-1]


def kind_of_file(path):
    with open(path, "rb") as file:
        head = file.read(16)
    return next((kind for kind, header in HEADERS.items() if head.startswith(header)), None)


def check_backup_file(path, kind):
    if not path.is_file():
        raise CommandError(_("No backup file at %(path)s.") % {"path": path})
    found = kind_of_file(path)
    if found is None:
        raise CommandError(
            _("%(path)s is not a backup made by `manage.py backup`.") % {"path": path}
        )
    if found != kind:
        raise CommandError(
            _("%(path)s is a %(found)s backup, but this database is %(kind)s.")
            % {"path": path, "found": found, "kind": kind}
        )


def _pg_tool(name):
    tool = shutil.which(name)
    if tool is None:
        raise CommandError(
            _("%(tool)s was not found; install the PostgreSQL client tools.") % {"tool": name}
        )
    return tool


def _pg_env(config):
    env = dict(os.environ)
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if config.get(key):
            env[variable] = str(config[key])
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return env


def _run(command, config):
    result = subprocess.run(command, env=_pg_env(config), capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise CommandError(
            _("%(tool)s failed: %(error)s")
            % {"tool": Path(command[0]).name, "error": result.stderr.strip()}
        )


def backup(path):
    kind, config = database()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == POSTGRESQL:
        _run(
            [_pg_tool("pg_dump"), "--format=custom", f"--file={path}", config["NAME"]],
            config,
        )
    else:
        source = Path(config["NAME"])
        if not source.is_file():
            raise CommandError(_("No SQLite database at %(path)s.") % {"path": source})
        with sqlite3.connect(source) as src, sqlite3.connect(path) as dst:
            src.backup(dst)
        dst.close()
        src.close()
    return path


def restore(path):
    kind, config = database()
    check_backup_file(path, kind)
    connections.close_all()
    if kind == POSTGRESQL:
        _run(
            [_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner"]
            + ["--single-transaction", f"--dbname={config['NAME']}", str(path)],
            config,
        )
    else:
        target = Path(config["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        dst.close()
        src.close()
