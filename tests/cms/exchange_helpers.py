"""Shared units, builders and checks for the exchange-format tests (tests/cms/test_exchange_*.py)
and the exchange tests in tests/i18n: PO, XLIFF 1.2 and XLIFF 2.0 (no database)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from cms.i18n.formats import ExportUnit
from tests.subprocess_django import PROJECT_ROOT

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
NS2 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
RICH_HTML = '<p>Hello <b>you</b>, read <a href="https://x.org">this</a> first.</p>'
# The OASIS XLIFF 1.2 strict schema (with the XML namespace schema it imports), kept in the
# repository so that validation needs neither the network nor anything beside the project.
XLIFF_SCHEMA = PROJECT_ROOT / "tests/fixtures/xliff-1.2/xliff-core-1.2-strict.xsd"
TOOLKIT = Path(sys.executable).parent

UNITS = [
    ExportUnit(
        unit_id="42/body.5b0f.steps.9a1c.actions.0",
        context="Guide 42 “Why we argue” › body[3] (pathway) › steps[1] › actions[0] [missing]",
        source=RICH_HTML,
        target="",
        rich=True,
    ),
    ExportUnit(
        unit_id="42/title",
        context="Guide 42 › title [outdated]",
        source='She said "stop"\nand left.',
        target="她说“停”。",
        rich=False,
        outdated=True,
        previous='She said "stop".',
    ),
    ExportUnit(
        unit_id="42/summary",
        context="Guide 42 › summary [current]",
        source="Listen first.",
        target="先倾听。",
        rich=False,
    ),
]
ENGLISH = {unit.unit_id: unit.source for unit in UNITS}


# --- Shared checks (the exchange tests in tests/i18n use them too) ---------------------------


def _required(what):
    """Skip without `tool`, unless on CI, where its absence fails the run."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{what} is required on CI and missing.")
    pytest.skip(f"{what} is not installed here; CI runs this check.")


def assert_msgfmt_clean(data, tmp_path):
    """GNU gettext's `msgfmt -c` accepts the PO file `data` with no error and no warning."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        _required("GNU gettext (msgfmt)")
    path = tmp_path / "check.po"
    path.write_bytes(data)
    done = subprocess.run(  # noqa: S603 - a fixed tool on a file the test wrote
        [msgfmt, "-c", "-o", os.devnull, str(path)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr


def assert_strict_xliff(data):
    """`data` is valid against the strict XLIFF 1.2 schema (read offline)."""
    parser = etree.XMLParser(no_network=True)
    schema = etree.XMLSchema(etree.parse(str(XLIFF_SCHEMA), parser))
    document = etree.fromstring(data, parser)
    assert schema.validate(document), schema.error_log


def resolved(units):
    """{unit id: (English, Chinese, needs review)} with inline codes turned into HTML."""
    return {
        unit.unit_id: (*unit.html(ENGLISH.get(unit.unit_id, "")), unit.needs_review)
        for unit in units
    }


def assert_same_units(imported, exported=UNITS):
    assert [unit.unit_id for unit in imported] == [unit.unit_id for unit in exported]
    english = {unit.unit_id: unit.source for unit in exported}
    for sent, back in zip(exported, imported, strict=True):
        assert back.html(english[sent.unit_id]) == (sent.source, sent.target)
        if sent.target:
            assert back.needs_review == sent.outdated


def xliff_tree(data):
    return etree.fromstring(data)


def trans_unit(root, unit_id):
    return root.find(f".//x:trans-unit[@id='{unit_id}']", NS)


def xliff2_unit(root, unit_id):
    return root.find(f".//x:unit[@name='{unit_id}']", NS2)


def by_id(units):
    return {unit.unit_id: unit for unit in units}


def xliff(units_xml, *, file_attributes='target-language="zh-Hans"', version="1.2"):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="{version}" '
        f'xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="t" source-language="en" datatype="plaintext" {file_attributes}>'
        f"<body>{units_xml}</body></file></xliff>"
    ).encode()


def convert(tool, data, suffix, tmp_path):
    """`data` converted by translate-toolkit's `tool` (po2xliff or xliff2po)."""
    program = shutil.which(tool, path=str(TOOLKIT)) or shutil.which(tool)
    if program is None:
        _required(f"translate-toolkit ({tool})")
    source = tmp_path / f"in{suffix}"
    target = tmp_path / ("out.xlf" if tool == "po2xliff" else "out.po")
    source.write_bytes(data)
    done = subprocess.run(  # noqa: S603 - a fixed tool on files the test wrote
        [program, "--progress=none", str(source), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return target.read_bytes()
