"""Every interface string the project adds has a zh-hans translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation

from tests.subprocess_django import PROJECT_ROOT

CATALOGUE = PROJECT_ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def untranslated(po):
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    po = polib.pofile(str(CATALOGUE))
    assert len(po) > 0
    assert untranslated(po) == []


def test_compiled_catalogue_is_active():
    with translation.override("zh-hans"):
        assert translation.gettext("Simplified Chinese") == "简体中文"


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)
def test_every_source_string_is_in_the_catalogue(tmp_path):
    """Re-extract the strings into a scratch copy and compare with the committed catalogue."""
    scratch = tmp_path / "project"
    for name in ("cms", "home", "guides", "manage.py"):
        source = PROJECT_ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, scratch / name)
    (scratch / "locale" / "zh_Hans" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(CATALOGUE, scratch / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--locale", "zh_Hans", "--no-obsolete"],
        cwd=scratch,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"},
    )
    extracted = polib.pofile(str(Path(scratch) / "locale/zh_Hans/LC_MESSAGES/django.po"))
    assert untranslated(extracted) == [], "run `make messages` and translate the new strings"
