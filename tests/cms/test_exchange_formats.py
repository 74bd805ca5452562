"""PO, XLIFF 1.2 and XLIFF 2.0 exchange files: round trips, states, strict validity, malformed
files, translate-toolkit conversions, and markup checks (no database)."""

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import etree

from cms.i18n.formats import (
    FORMATS,
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ExportUnit,
    MarkupError,
    export_po,
    export_xliff,
    export_xliff2,
    parse,
    validate_markup,
)
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


# --- Formats --------------------------------------------------------------------------------


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


# --- PO -------------------------------------------------------------------------------------


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


# --- XLIFF 1.2 ------------------------------------------------------------------------------


STRICT_CASES = [
    UNITS,
    [],
    [ExportUnit("1/r", "c", "<p>a<!-- x --></p>", "<p>乙</p>", True, True, "<p>old</p>")],
    [
        ExportUnit(
            "1/r",
            "c",
            '<p data-block-key="k">A <strong>b</strong> <em>c</em> <a linktype="page" id="3">'
            "d</a><br/>e</p><ul><li>f</li></ul>",
            '<p data-block-key="z">甲<strong>乙</strong><a linktype="page" id="3">丁</a></p>',
            True,
            True,
            "<p>A <strong>b</strong></p>",
        )
    ],
]


@pytest.mark.parametrize("units", STRICT_CASES)
def test_xliff_exports_are_strict_xliff_1_2(units):
    assert_strict_xliff(export_xliff(units, title="t"))


def test_xliff_document_shape():
    data = export_xliff(UNITS, title="Why we argue")
    root = xliff_tree(data)

    assert root.get("version") == "1.2"
    assert b"xhtml" not in data
    file = root.find("x:file", NS)
    assert file.get("original") == "Why we argue"
    assert file.get("source-language") == "en"
    assert file.get("target-language") == "zh-Hans"
    missing, outdated, current = (trans_unit(root, unit.unit_id) for unit in UNITS)
    assert missing.find("x:target", NS).get("state") == "new"
    assert missing.find("x:target", NS).text is None
    assert outdated.find("x:target", NS).get("state") == "needs-review-translation"
    assert outdated.get("approved") == "no"
    previous = outdated.find("x:alt-trans", NS)
    assert previous.get("alttranstype") == "previous-version"
    assert previous.find("x:source", NS).text == 'She said "stop".'
    assert previous.find("x:target", NS).text == "她说“停”。"
    assert current.find("x:target", NS).get("state") == "translated"
    assert current.get("approved") == "yes"
    assert current.find("x:note", NS).text == "Guide 42 › summary [current]"
    location = current.find("x:context-group[@purpose='location']/x:context", NS)
    assert (location.get("context-type"), location.text) == ("sourcefile", "42/summary")
    assert current.get("datatype") is None


def test_xliff_rich_source_uses_strict_inline_codes():
    units = [
        ExportUnit("1/r", "c", "<p>a <strong>b</strong> <em>c</em> <i>d</i><br/></p>", "", True)
    ]
    source = trans_unit(xliff_tree(export_xliff(units, title="t")), "1/r").find("x:source", NS)

    paragraph = source[0]
    assert (etree.QName(paragraph).localname, paragraph.get("ctype")) == ("g", "x-html-p")
    assert [(etree.QName(code).localname, code.get("ctype")) for code in paragraph] == [
        ("g", "bold"),
        ("g", "italic"),
        ("g", "italic"),
        ("x", "lb"),
    ]
    assert all(set(code.attrib) == {"id", "ctype"} for code in source.iterdescendants())
    assert [code.get("id") for code in source.iter() if code.get("id")] == ["1", "2", "3", "4", "5"]


def test_xliff_link_travels_as_a_code_and_comes_back_with_its_target():
    unit = trans_unit(xliff_tree(export_xliff(UNITS, title="t")), UNITS[0].unit_id)
    link = unit.find("x:source//x:g[@ctype='link']", NS)

    assert link.attrib == {"id": "3", "ctype": "link"}  # no href in the file


def test_xliff_translator_edit_inside_inline_codes_comes_back_as_html():
    root = xliff_tree(export_xliff(UNITS, title="t"))
    unit = trans_unit(root, UNITS[0].unit_id)
    source = unit.find("x:source", NS)
    target = unit.find("x:target", NS)
    # What a CAT tool does: copy the source's codes, translate the text around them.
    translated = copy.deepcopy(source)
    translated.tag = target.tag
    translated.set("state", "translated")
    paragraph = translated[0]
    paragraph.text = "你好，"
    paragraph[0].text = "你"
    paragraph[0].tail = "，请先阅读"
    paragraph[1].text = "这篇"
    paragraph[1].tail = "。"
    unit.replace(target, translated)

    _language, imported = parse(etree.tostring(root, encoding="UTF-8"), "t.xliff")

    assert resolved(imported)[UNITS[0].unit_id] == (
        RICH_HTML,
        '<p>你好，<b>你</b>，请先阅读<a href="https://x.org">这篇</a>。</p>',
        False,
    )


@pytest.mark.parametrize("name", ["xliff", "xliff2"])
@pytest.mark.parametrize(
    "html",
    [
        "<p>a <strong>b</strong> <em>c</em> <i>d</i></p>",
        '<h3 data-block-key="k1">Title</h3><ul><li data-block-key="k2">one<br/>two</li></ul>',
        "<ol><li>x</li></ol><h4>y</h4><blockquote>z</blockquote>",
        '<p>An <a linktype="page" id="3">internal</a> link &amp; &lt;escaped&gt; "text"</p>',
        '<p><a href="https://x.org/?a=1&amp;b=&quot;2&quot;&#x27;">q</a></p>',
        "<p>spaced\n  <b> bold </b>\t</p>\n<p>second</p>",
        "<p>Hand-written<br>break</p>",
        "plain words, no tags",
    ],
)
def test_rich_round_trip_is_exact(name, html):
    target = html.replace("two", "二").replace("Title", "标题").replace("bold", "粗")
    units = [ExportUnit("1/rich", "c", html, target, True)]
    data = FORMATS[name].export(units, title="t")

    _language, (unit,) = parse(data, "t.xlf")

    assert not isinstance(unit.source, str), "inline codes, not escaped HTML"
    assert unit.html(html) == (html, target)


def test_chinese_block_keys_map_to_the_english_tags():
    english = '<p data-block-key="en1">One</p><p data-block-key="en2">Two</p>'
    chinese = '<p data-block-key="zh1">一</p><p data-block-key="zh2">二</p>'
    units = [ExportUnit("1/r", "c", english, chinese, True)]

    for name in ("xliff", "xliff2"):
        _language, (unit,) = parse(FORMATS[name].export(units, title="t"), "t.xlf")
        assert (
            unit.html(english)[1] == '<p data-block-key="en1">一</p><p data-block-key="en2">二</p>'
        )


@pytest.mark.parametrize("name", ["xliff", "xliff2"])
@pytest.mark.parametrize(
    ("html", "target"),
    [
        ("<p>unclosed <b>bold</p>", ""),
        ("<p>it&#39;s &nbsp;entity</p>", ""),
        ("<P CLASS='x'>upper</P>", ""),
        ("<p>a<!-- note --></p>", ""),
        ("<p>a <b>b</b></p>", '<p>甲 <a href="https://x.org">乙</a></p>'),  # a tag not in English
    ],
)
def test_html_that_codes_cannot_reproduce_travels_as_text(name, html, target):
    units = [ExportUnit("1/raw", "c", html, target, True)]

    _language, (unit,) = parse(FORMATS[name].export(units, title="t"), "t.xlf")

    assert (unit.source, unit.target) == (html, target)


def test_xliff_keeps_carriage_returns_and_whitespace():
    source = "  two\r\nlines  "
    units = [ExportUnit("1/ws", "c", source, " 两行\r\n ", False)]

    for name in ("xliff", "xliff2"):
        _language, imported = parse(FORMATS[name].export(units, title="t"), "t.xlf")
        assert (imported[0].source, imported[0].target) == (source, " 两行\r\n ")


def xliff(units_xml, *, file_attributes='target-language="zh-Hans"', version="1.2"):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="{version}" '
        f'xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="t" source-language="en" datatype="plaintext" {file_attributes}>'
        f"<body>{units_xml}</body></file></xliff>"
    ).encode()


def test_xliff_states_coming_back():
    data = xliff(
        '<trans-unit id="a"><source>A</source><target state="needs-translation">甲</target>'
        "</trans-unit>"
        '<trans-unit id="b"><source>B</source><target/></trans-unit>'
        '<trans-unit id="c"><source>C</source></trans-unit>'
        '<trans-unit id="d" datatype="html"><source><g id="1" ctype="x-html-p">D</g></source>'
        '<target><g id="1" ctype="x-html-p"> </g></target></trans-unit>'
        '<trans-unit id="e"><source>E</source><target><mrk mtype="seg" mid="1">戊</mrk></target>'
        "</trans-unit>"
        '<trans-unit id="f"><source>F</source><target state="needs-review-translation">己'
        "</target></trans-unit>"
        '<trans-unit id="g"><source>G</source><target state="translated">庚</target></trans-unit>'
        '<trans-unit id="h"><source>H</source><target state="signed-off">辛</target></trans-unit>'
    )

    language, imported = parse(data, "t.xlf")

    assert language == "zh-hans"
    assert [(unit.unit_id, unit.blank, unit.needs_review) for unit in imported] == [
        ("a", False, True),
        ("b", True, False),
        ("c", True, False),
        ("d", True, False),
        ("e", False, False),
        ("f", False, True),
        ("g", False, False),
        ("h", False, False),
    ]
    assert by_id(imported)["e"].target == "戊"


def test_xliff_units_in_groups_and_without_namespace():
    data = (
        '<xliff version="1.2"><file original="t" source-language="en" target-language="zh_CN" '
        'datatype="plaintext"><body><group id="g"><trans-unit id="a"><source>A</source>'
        "<target>甲</target></trans-unit></group></body></file></xliff>"
    ).encode()

    language, imported = parse(data, "t.xliff")

    assert language == "zh-cn"
    assert [(unit.unit_id, unit.target, unit.location) for unit in imported] == [
        ("a", "甲", "unit 1")
    ]


def test_xliff_unknown_inline_element_in_rich_target_names_the_unit():
    data = xliff(
        '<trans-unit id="7/body" datatype="html"><source><g id="1" ctype="bold">B</g></source>'
        '<target><ph id="1">&lt;span&gt;</ph>乙</target></trans-unit>'
    )

    with pytest.raises(ExchangeFormatError, match="7/body") as error:
        parse(data, "t.xlf")
    assert "<ph>" in str(error.value)


def test_xliff_code_the_english_does_not_have_is_refused():
    data = xliff(
        '<trans-unit id="7/body" datatype="html"><source>S</source>'
        '<target><g id="1" ctype="x-html-script">alert(1)</g></target></trans-unit>'
    )
    _language, (unit,) = parse(data, "t.xlf")

    with pytest.raises(MarkupError, match="code.*1.*English does not have"):
        unit.html("S")


def test_xliff_foreign_link_code_is_refused():
    data = xliff(
        '<trans-unit id="7/body" datatype="html"><source><g id="1" ctype="x-html-p">'
        '<g id="2" ctype="link">here</g></g></source><target><g id="1" ctype="x-html-p">'
        '<g id="9" ctype="link">这里</g></g></target></trans-unit>'
    )
    _language, (unit,) = parse(data, "t.xlf")

    with pytest.raises(MarkupError, match="9"):
        unit.html('<p><a href="https://x.org">here</a></p>')


def test_xliff_source_codes_that_no_longer_match_the_english_are_a_conflict():
    root = xliff_tree(export_xliff(UNITS, title="t"))

    _language, imported = parse(etree.tostring(root), "t.xlf")

    assert by_id(imported)[UNITS[0].unit_id].html("<p>The English changed.</p>") == (None, "")


def test_xliff_code_used_alone_where_the_english_pairs_it_is_refused():
    data = xliff(
        '<trans-unit id="7/body" datatype="html"><source><g id="1" ctype="bold">B</g></source>'
        '<target><x id="1"/>乙</target></trans-unit>'
    )
    _language, (unit,) = parse(data, "t.xlf")

    with pytest.raises(MarkupError, match="does not match"):
        unit.html("<b>B</b>")


def test_xliff_inline_code_in_plain_unit_is_refused():
    data = xliff('<trans-unit id="p"><source>S</source><target>a<x id="1"/>b</target></trans-unit>')

    with pytest.raises(ExchangeFormatError, match="p"):
        parse(data, "t.xlf")


def test_xliff_without_target_language():
    data = xliff('<trans-unit id="a"><source>A</source></trans-unit>', file_attributes="")

    with pytest.raises(ExchangeFormatError, match="target language"):
        parse(data, "t.xlf")


def test_xliff_duplicate_ids():
    data = xliff(
        '<trans-unit id="a"><source>A</source></trans-unit>'
        '<trans-unit id="a"><source>B</source></trans-unit>'
    )

    with pytest.raises(ExchangeFormatError, match="twice") as error:
        parse(data, "t.xlf")
    assert "unit 1" in str(error.value) and "unit 2" in str(error.value)


def test_xliff_unit_without_id():
    data = xliff("<trans-unit><source>A</source></trans-unit>")

    with pytest.raises(ExchangeFormatError, match="Unit 1 has no id"):
        parse(data, "t.xlf")


def test_xliff_wrong_version():
    data = xliff('<trans-unit id="a"><source>A</source></trans-unit>', version="2.0")

    with pytest.raises(ExchangeFormatError, match="1.2"):
        parse(data, "t.xlf")


def test_xliff_without_file_element():
    data = b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>'

    with pytest.raises(ExchangeFormatError, match="<file>"):
        parse(data, "t.xlf")


def test_xliff_not_well_formed():
    with pytest.raises(ExchangeFormatError, match="not well-formed.*line 1"):
        parse(b'<xliff version="1.2"><file', "t.xlf")


def test_xml_that_is_not_xliff():
    with pytest.raises(ExchangeFormatError, match="<html>"):
        parse(b"<?xml version='1.0'?><html/>", "upload")


def test_xliff_with_entities_is_refused():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY big "lots">]>'
        b'<xliff version="1.2"><file original="t" source-language="en" target-language="zh-Hans" '
        b'datatype="plaintext"><body><trans-unit id="a"><source>&big;</source></trans-unit>'
        b"</body></file></xliff>"
    )

    with pytest.raises(ExchangeFormatError, match="DOCTYPE"):
        parse(data, "t.xlf")


def test_xliff_encoding_declaration_does_not_override_utf8():
    data = xliff('<trans-unit id="a"><source>A</source><target>甲</target></trans-unit>')
    data = data.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')

    _language, imported = parse(data, "t.xlf")

    assert imported[0].target == "甲"


# --- XLIFF 2.0 ------------------------------------------------------------------------------


def test_xliff2_document_shape():
    root = xliff_tree(export_xliff2(UNITS, title="Why we argue"))

    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == (
        "2.0",
        "en",
        "zh-Hans",
    )
    assert root.find("x:file", NS2).get("original") == "Why we argue"
    missing, outdated, current = (xliff2_unit(root, unit.unit_id) for unit in UNITS)
    assert [unit.get("id") for unit in (missing, outdated, current)] == ["u1", "u2", "u3"]
    assert missing.get("type") == "cms:html"
    assert missing.find("x:segment", NS2).get("state") == "initial"
    assert missing.find("x:segment/x:target", NS2) is None
    assert outdated.find("x:segment", NS2).get("state") == "initial"
    assert outdated.find("x:segment/x:target", NS2).text == "她说“停”。"
    notes = {note.get("category"): note.text for note in outdated.iterfind(".//x:note", NS2)}
    assert notes == {
        "context": "Guide 42 › title [outdated]",
        "previous-source": 'She said "stop".',
    }
    assert current.find("x:segment", NS2).get("state") == "translated"


def test_xliff2_inline_codes():
    units = [
        ExportUnit("1/r", "c", '<p>a <strong>b</strong> <a href="/x">c</a><br/></p>', "", True)
    ]
    source = xliff2_unit(xliff_tree(export_xliff2(units, title="t")), "1/r").find(
        "x:segment/x:source", NS2
    )

    assert [
        (etree.QName(code).localname, code.get("id"), code.get("type"), code.get("subType"))
        for code in source.iter()
        if code is not source
    ] == [
        ("pc", "1", "other", None),
        ("pc", "2", "fmt", "xlf:b"),
        ("pc", "3", "link", None),
        ("ph", "4", "fmt", "xlf:lb"),
    ]


def xliff2(units_xml, *, root_attributes='srcLang="en" trgLang="zh-Hans"', version="2.0"):
    return (
        f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="{version}" '
        f'{root_attributes}><file id="f1">{units_xml}</file></xliff>'
    ).encode()


def test_xliff2_states_coming_back():
    data = xliff2(
        '<unit id="u1" name="1/a"><segment><source>A</source><target>甲</target></segment></unit>'
        '<unit id="u2" name="1/b"><segment state="initial"><source>B</source></segment></unit>'
        '<unit id="u3" name="1/c"><segment state="translated"><source>C</source>'
        "<target>丙</target></segment></unit>"
        '<unit id="u4" name="1/d"><segment state="reviewed"><source>D</source>'
        "<target>丁</target></segment></unit>"
        '<unit id="u5" name="1/e"><segment state="final"><source>E</source>'
        "<target>戊</target></segment></unit>"
        '<unit id="u6"><segment state="final"><source>F</source><target>己</target></segment>'
        "</unit>"
    )

    language, imported = parse(data, "t.xlf")

    assert language == "zh-hans"
    assert [(u.unit_id, u.target, u.blank, u.needs_review) for u in imported] == [
        ("1/a", "甲", False, True),
        ("1/b", "", True, True),
        ("1/c", "丙", False, False),
        ("1/d", "丁", False, False),
        ("1/e", "戊", False, False),
        ("u6", "己", False, False),
    ]


def test_xliff2_resegmented_unit_with_split_codes_and_copies():
    english = "<p>One <b>two</b>. Three.</p>"
    data = xliff2(
        '<unit id="u1" name="1/r" type="cms:html">'
        '<segment state="translated"><source><sc id="1"/>One <pc id="2">two</pc>.</source>'
        '<target><sc id="1"/>一<pc id="2">二</pc><pc id="5" copyOf="2">!</pc>。</target></segment>'
        "<ignorable><source> </source></ignorable>"
        '<segment state="translated"><source>Three.<ec startRef="1"/></source>'
        '<target>三<cp hex="3002"/><ec startRef="1"/></target></segment></unit>'
    )

    _language, (unit,) = parse(data, "t.xlf")

    assert unit.html(english) == (english, "<p>一<b>二</b><b>!</b>。 三。</p>")
    assert not unit.needs_review


def test_xliff2_foreign_link_is_refused():
    english = '<p>See <a href="https://x.org">this</a>.</p>'
    data = xliff2(
        '<unit id="u1" name="1/r" type="cms:html"><segment state="translated"><source>'
        '<pc id="1">See <pc id="2" type="link">this</pc>.</pc></source><target><pc id="1">看'
        '<pc id="7" type="link">那个</pc></pc></target></segment></unit>'
    )
    _language, (unit,) = parse(data, "t.xlf")

    with pytest.raises(MarkupError, match="7"):
        unit.html(english)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            xliff2(
                '<unit id="u1"><segment><source>A</source></segment></unit>', root_attributes=""
            ),
            "trgLang",
        ),
        (xliff2('<unit id="u1"><segment><target>甲</target></segment></unit>'), "<source>"),
        (
            xliff2(
                '<unit id="u1" name="1/a"><segment><source>A</source></segment></unit>'
                '<unit id="u2" name="1/a"><segment><source>A</source></segment></unit>'
            ),
            "twice",
        ),
        (
            xliff2(
                '<unit id="u1" name="1/a"><segment><source>A</source>'
                '<target>a<pc id="1">b</pc></target></segment></unit>'
            ),
            "1/a",
        ),
        (xliff2("", version="3.0"), "1.2 and 2.0"),
        (
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" trgLang="zh"/>',
            "<file>",
        ),
    ],
    ids=[
        "no-target-language",
        "no-source",
        "duplicate",
        "code-in-plain-unit",
        "version",
        "no-file",
    ],
)
def test_xliff2_malformed(data, expected):
    with pytest.raises(ExchangeFormatError, match=expected):
        parse(data, "t.xlf")


# --- translate-toolkit ----------------------------------------------------------------------


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


PLAIN_UNITS = [unit for unit in UNITS if not unit.rich]


def test_po2xliff_and_back_reads_the_same(tmp_path):
    original = export_po(UNITS, title="t")
    as_xliff = convert("po2xliff", original, ".po", tmp_path)
    back_to_po = convert("xliff2po", as_xliff, ".xlf", tmp_path)

    expected = resolved(parse(original, "t.po")[1])
    for data, name in ((as_xliff, "t.xlf"), (back_to_po, "t.po")):
        language, imported = parse(data, name)
        assert (language, resolved(imported)) == ("zh-hans", expected)


def test_xliff2po_reads_the_same_for_text(tmp_path):
    original = export_xliff(PLAIN_UNITS, title="t")

    language, imported = parse(convert("xliff2po", original, ".xlf", tmp_path), "t.po")

    assert (language, resolved(imported)) == ("zh-hans", resolved(parse(original, "t.xlf")[1]))


def test_xliff2po_drops_inline_codes(tmp_path):
    # translate-toolkit flattens <g>/<x/> to their text: what comes back is the English
    # without its markup, which the import names as such (tests/i18n/test_exchange_states.py).
    _language, imported = parse(
        convert("xliff2po", export_xliff(UNITS, title="t"), ".xlf", tmp_path), "t.po"
    )

    assert by_id(imported)[UNITS[0].unit_id].source == "Hello you, read this first."


# --- Every format ---------------------------------------------------------------------------


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


# --- Markup ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rich"),
    [
        ("<b>x</b>", False),
        ("<script>x</script>", False),
        ("a <!-- b -->", False),
        ('<p onclick="x()">hi</p>', True),
        ('<a href="javascript:alert(1)">x</a>', True),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', True),
        ('<a href="java\tscript:alert(1)">x</a>', True),
        ('<a href="&#106;avascript:alert(1)">x</a>', True),
        ('<a href="data:text/html,x">x</a>', True),
        ('<a href="VBScript:x">x</a>', True),
        ("<p><b>unclosed</p>", True),
        ("<p>never closed", True),
        ("</p>", True),
        ("<b/>", True),
        ("<script>x</script>", True),
        ("<style>p{}</style>", True),
        ('<iframe src="x"></iframe>', True),
        ('<img src="x">', True),
        ("<object></object>", True),
        ('<embed src="x">', True),
        ("<span>x</span>", True),
        ('<p class="x">x</p>', True),
        ('<a target="_blank" href="https://x.org">x</a>', True),
        ('<b data-block-key="k">x</b>', True),
        ("<p>a</p><!-- hidden -->", True),
        ("<p>a <b</p>", True),
    ],
)
def test_validate_markup_problems(text, rich):
    problem = validate_markup(text, rich)

    assert isinstance(problem, str) and problem


@pytest.mark.parametrize(
    ("text", "rich"),
    [
        ("Plain words: 1 < 2 and 3 > 2, I <3 you & you", False),
        ("", False),
        ("<p>ok <b>bold</b></p>", True),
        ('<a linktype="page" id="3">x</a>', True),
        ('<p>see <a href="https://x.org/?a=1&amp;b=2">x</a> or <a href="/path">y</a></p>', True),
        ('<a href="mailto:a@b.org">mail</a>', True),
        ("<ul><li>one<br/>two<br>three</li></ul><ol><li>x</li></ol>", True),
        (
            "<h3>t</h3><h4>u</h4><blockquote><p><i>q</i> <em>e</em> <b>s</b></p></blockquote>",
            True,
        ),
        ('<p data-block-key="ab12c">Wagtail block</p>', True),
        ("1 &lt; 2", True),
        ("<p>The &lt;b&gt; tag &amp; &#60;i&#62;</p>", True),
    ],
)
def test_validate_markup_accepts(text, rich):
    assert validate_markup(text, rich) is None


def test_validate_markup_messages_say_what_is_wrong():
    assert "<b>" in validate_markup("<b>x</b>", False)
    assert "onclick" in validate_markup('<p onclick="x()">hi</p>', True)
    assert "javascript:" in validate_markup('<a href="javascript:alert(1)">x</a>', True)
    assert "<b>" in validate_markup("<p><b>unclosed</p>", True)
    assert "script" in validate_markup("<script>x</script>", True)
    assert "class" in validate_markup('<p class="x">x</p>', True)
