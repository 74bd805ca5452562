"""Import export files: each file is read, parsed and written in its own transaction."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from guides.importer.parser import ArticleError, decode_source, parse_article
from guides.importer.parser.limits import MAX_FILE_BYTES
from guides.importer.service import GuideImportError, import_article

EXPORT_SUFFIXES = {".txt", ".md"}


@dataclass
class FileResult:
    path: Path
    status: str  # created, updated, unchanged or failed
    guide: object = None
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    error: str = ""


def collect_paths(paths):
    """Expand directories into their export files. Returns (files, [missing paths])."""
    files, missing = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in EXPORT_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def import_file(
    path,
    *,
    language,
    publish=False,
    accept_warnings=False,
    dry_run=False,
    guide_slug=None,
    user=None,
):
    """Import one file; never raises for bad input, and writes nothing when it fails."""
    try:
        article = parse_article(decode_source(_read_head(path)), language)
        with transaction.atomic():
            outcome = import_article(
                article,
                source_name=path.name,
                publish=publish,
                accept_warnings=accept_warnings,
                guide_slug=guide_slug,
                user=user,
            )
            if dry_run:
                transaction.set_rollback(True)
    except (ArticleError, GuideImportError, OSError) as error:
        return FileResult(path, "failed", error=f"{path}: {error}")
    return FileResult(path, outcome.status, outcome.guide, outcome.warnings, outcome.notes)


def _read_head(path):
    """The file, or enough of it for `decode_source` to refuse it as too large."""
    with path.open("rb") as source:
        return source.read(MAX_FILE_BYTES + 4)  # over the limit even after a 3-byte BOM


def missing_result(path):
    return FileResult(
        path, "failed", error=_("%(path)s: no such file or directory") % {"path": path}
    )
