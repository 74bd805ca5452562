"""PO exchange files: headers, states, line breaks msgfmt checks, language, locations and
malformed files (no database)."""

import polib
import pytest

from cms.i18n.formats import ExchangeFormatError, ExportUnit, export_po, parse
from tests.cms.exchange_helpers import UNITS, assert_msgfmt_clean, by_id


def test_po_round_trip_and_headers(tmp_path):
    data = export_po(UNITS, title="Why we argue")

    _language, imported = parse(data, "guide-42.po")

    assert all(unit.location.startswith("line ") for unit in imported)
    po = polib.pofile(data.decode("utf-8"))
    assert set(po.metadata) >= {
        "Project-Id-Version",
        "PO-Revision-Date",
        "Last-Translator",
        "Language-Team",
        "Language",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Plural-Forms",
        "X-Generator",
    }
    assert po.metadata["Language"] == "zh_Hans"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert po.metadata["Project-Id-Version"] == "Why we argue"
    text = data.decode("utf-8")
    assert 'msgctxt "42/body.5b0f.steps.9a1c.actions.0"' in text
    assert "#: 42/body.5b0f.steps.9a1c.actions.0\n" in text
    assert "#. Guide 42 “Why we argue” › body[3] (pathway)" in text
    assert "#, rich-text" in text
    assert_msgfmt_clean(data, tmp_path)


def test_po_states():
    po = polib.pofile(export_po(UNITS, title="t").decode("utf-8"))
    missing, outdated, current = (po.find(unit.source, msgctxt=unit.unit_id) for unit in UNITS)

    assert (missing.msgstr, missing.fuzzy) == ("", False)
    assert (outdated.msgstr, outdated.fuzzy) == ("她说“停”。", True)
    assert outdated.previous_msgid == 'She said "stop".'
    assert (current.msgstr, current.fuzzy, current.previous_msgid) == ("先倾听。", False, None)


def test_po_entry_still_fuzzy_needs_review_and_unfuzzied_does_not():
    po = polib.pofile(export_po(UNITS, title="t").decode("utf-8"))
    po.find("Listen first.", msgctxt="42/summary").flags.append("fuzzy")
    outdated = po.find('She said "stop"\nand left.', msgctxt="42/title")
    outdated.flags.remove("fuzzy")
    outdated.msgstr = "她说“停”，然后走了。"

    _language, imported = parse(str(po).encode("utf-8"), "t.po")

    units = by_id(imported)
    assert (units["42/summary"].target, units["42/summary"].needs_review) == ("先倾听。", True)
    assert (units["42/title"].target, units["42/title"].needs_review) == (
        "她说“停”，然后走了。",
        False,
    )


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Two lines\n", "两行"),
        ("\nLeading break", "前面换行"),
        ("No break", "\n换行\n"),
    ],
)
def test_po_translation_follows_the_line_breaks_msgfmt_checks(source, target, tmp_path):
    data = export_po([ExportUnit("1/a", "c", source, target, False)], title="t")

    entry = polib.pofile(data.decode("utf-8"))[0]

    assert entry.msgstr.startswith("\n") == source.startswith("\n")
    assert entry.msgstr.endswith("\n") == source.endswith("\n")
    assert entry.msgstr.strip() == target.strip()
    assert_msgfmt_clean(data, tmp_path)


def test_po_location_is_the_entry_line():
    data = export_po(UNITS, title="t")
    lines = data.decode("utf-8").split("\n")

    _language, imported = parse(data, "t.po")

    for unit in imported:
        number = int(unit.location.removeprefix("line "))
        entry_lines = "\n".join(lines[number - 1 : number + 3])
        assert unit.unit_id in entry_lines


def test_po_identical_sources_in_different_units():
    units = [
        ExportUnit("1/a", "a", "Same words.", "", False),
        ExportUnit("1/b", "b", "Same words.", "同样的话。", False),
    ]

    _language, imported = parse(export_po(units, title="t"), "t.po")

    assert [(unit.unit_id, unit.target) for unit in imported] == [
        ("1/a", ""),
        ("1/b", "同样的话。"),
    ]


def test_po_keeps_unusual_characters_and_crlf():
    source = "Line\r\nbreak, tab\t, back\\slash, U+2028\u2028and NEL\x85 kept"
    units = [ExportUnit("1/odd", "c", source, "中文\u2028第二行", False)]
    data = export_po(units, title="t").replace(b"\n", b"\r\n")

    _language, imported = parse(data, "t.po")

    assert (imported[0].source, imported[0].target) == (source, "中文\u2028第二行")


def test_po_with_bom_and_sniffed_without_extension():
    data = b"\xef\xbb\xbf" + export_po(UNITS, title="t")

    language, imported = parse(data, "download")

    assert language == "zh-hans"
    assert len(imported) == 3


@pytest.mark.parametrize(
    ("header", "expected"),
    [("zh_Hans", "zh-hans"), ("zh-Hans", "zh-hans"), ("zh_CN", "zh-cn"), ("fr", "fr")],
)
def test_po_language_is_normalised(header, expected):
    data = export_po(UNITS, title="t").replace(b"Language: zh_Hans", f"Language: {header}".encode())

    language, _units = parse(data, "t.po")

    assert language == expected


def test_po_without_language_header_is_taken_as_zh_hans():
    # translate-toolkit's xliff2po writes no Language header; a file that names no language is
    # in the one language the CMS imports (one that names another is still refused).
    data = export_po(UNITS, title="t").replace(b'"Language: zh_Hans\\n"\n', b"")

    language, imported = parse(data, "t.po")

    assert (language, len(imported)) == ("zh-hans", 3)


def test_po_unit_id_from_its_reference_when_msgctxt_is_gone():
    data = (
        b'msgid ""\nmsgstr "Language: zh_Hans\\n"\n\n'
        b'#: 7/title\nmsgid "Title"\nmsgstr "\xe6\xa0\x87\xe9\xa2\x98"\n'
    )

    _language, (unit,) = parse(data, "t.po")

    assert (unit.unit_id, unit.target) == ("7/title", "标题")


def test_po_syntax_error_names_the_line():
    data = b'msgid ""\nmsgstr "Language: zh_Hans\\n"\n\nmsgctxt "a"\nmsgid "x"\nbogus line\n'

    with pytest.raises(ExchangeFormatError, match="line 6"):
        parse(data, "t.po")


def test_po_duplicate_msgctxt():
    data = (
        b'msgid ""\nmsgstr "Language: zh_Hans\\n"\n\n'
        b'msgctxt "1/a"\nmsgid "x"\nmsgstr ""\n\n'
        b'msgctxt "1/a"\nmsgid "y"\nmsgstr ""\n'
    )

    with pytest.raises(ExchangeFormatError, match="1/a.*twice") as error:
        parse(data, "t.po")
    assert "line 8" in str(error.value)


def test_po_entry_without_msgctxt_or_reference():
    data = b'msgid ""\nmsgstr "Language: zh_Hans\\n"\n\nmsgid "x"\nmsgstr "y"\n'

    with pytest.raises(ExchangeFormatError, match="msgctxt"):
        parse(data, "t.po")


def test_po_that_names_a_file_is_not_read_from_disk(tmp_path):
    secret = tmp_path / "secret.po"
    secret.write_text('msgid ""\nmsgstr "Language: zh_Hans\\n"\n\nmsgctxt "a"\nmsgid "b"\n')

    with pytest.raises(ExchangeFormatError):
        parse(str(secret).encode(), "t.po")


def test_obsolete_po_entries_are_ignored():
    data = export_po(UNITS, title="t") + b'\n#~ msgctxt "old"\n#~ msgid "gone"\n#~ msgstr "x"\n'

    _language, imported = parse(data, "t.po")

    assert "old" not in by_id(imported)
    assert len(imported) == 3
