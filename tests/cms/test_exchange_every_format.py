"""What holds for every exchange format (PO, XLIFF 1.2, XLIFF 2.0): round trips, sniffing,
empty and unreadable files, duplicate ids (no database)."""

import pytest

from cms.i18n.formats import FORMATS, TARGET_LANGUAGE, ExchangeFormatError, parse
from tests.cms.exchange_helpers import UNITS, assert_same_units, by_id


def test_formats_and_language_constants():
    assert {name: f.extension for name, f in FORMATS.items()} == {
        "po": "po",
        "xliff": "xlf",
        "xliff2": "xlf",
    }
    assert TARGET_LANGUAGE == "zh-hans"


@pytest.mark.parametrize(
    ("name", "filename"), [("po", "t.po"), ("xliff", "t.xlf"), ("xliff2", "t.xlf")]
)
def test_every_format_round_trips(name, filename):
    language, imported = parse(FORMATS[name].export(UNITS, title="Why we argue"), filename)

    assert language == "zh-hans"
    assert_same_units(imported)
    assert by_id(imported)["42/title"].needs_review
    assert not by_id(imported)["42/summary"].needs_review


@pytest.mark.parametrize("data", [b"", b"  \n", b"\xef\xbb\xbf"])
def test_empty_file(data):
    with pytest.raises(ExchangeFormatError, match="empty"):
        parse(data, "t.po")


def test_not_utf8():
    with pytest.raises(ExchangeFormatError, match="UTF-8"):
        parse(b"\xff\xfe garbage", "t.po")


def test_unrecognisable_content():
    with pytest.raises(ExchangeFormatError, match="x.txt"):
        parse(b"Dear translator, here is the file.", "x.txt")


@pytest.mark.parametrize("name", ["xliff", "xliff2"])
def test_sniffs_xliff_without_extension(name):
    language, imported = parse(FORMATS[name].export(UNITS, title="t"), "download")

    assert language == "zh-hans"
    assert_same_units(imported)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_export_refuses_duplicate_ids(name):
    with pytest.raises(ValueError, match="twice"):
        FORMATS[name].export([UNITS[1], UNITS[1]], title="t")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_empty_export_round_trips(name):
    assert parse(FORMATS[name].export([], title="t"), f"t.{FORMATS[name].extension}") == (
        "zh-hans",
        [],
    )
