"""PO and XLIFF exchange files: round trips, malformed files, and markup checks (no database)."""

import copy

import polib
import pytest
from lxml import etree

from cms.i18n.formats import (
    FORMATS,
    TARGET_LANGUAGE,
    ExchangeFormatError,
    ExportUnit,
    export_po,
    export_xliff,
    parse,
    validate_markup,
)

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
RICH_HTML = '<p>Hello <b>you</b>, read <a href="https://x.org">this</a> first.</p>'

UNITS = [
    ExportUnit(
        unit_id="42/body.5b0f/steps.9a1c/actions.0",
        context="Guide 42 “Why we argue” › body[3] (pathway) › steps[1] › actions[0]",
        source=RICH_HTML,
        target="",
        rich=True,
    ),
    ExportUnit(
        unit_id="42/title",
        context="Guide 42 › title",
        source='She said "stop"\nand left.',
        target="",
        rich=False,
    ),
    ExportUnit(
        unit_id="42/summary",
        context="Guide 42 › summary",
        source="Listen first.",
        target="先倾听。",
        rich=False,
    ),
]


def by_id(units):
    return {unit.unit_id: unit for unit in units}


def assert_same_units(imported):
    assert [unit.unit_id for unit in imported] == [unit.unit_id for unit in UNITS]
    for exported, back in zip(UNITS, imported, strict=True):
        assert back.source == exported.source
        assert back.target == exported.target
        assert back.rich == exported.rich


def xliff_tree(data):
    return etree.fromstring(data)


def trans_unit(root, unit_id):
    return root.find(f".//x:trans-unit[@id='{unit_id}']", NS)


# --- PO -------------------------------------------------------------------------------------


def test_formats_and_language_constants():
    assert FORMATS == ("po", "xliff")
    assert TARGET_LANGUAGE == "zh-hans"


def test_po_round_trip():
    data = export_po(UNITS, title="Why we argue")

    language, imported = parse(data, "guide-42.po")

    assert language == "zh-hans"
    assert_same_units(imported)
    assert all(unit.location.startswith("line ") for unit in imported)
    text = data.decode("utf-8")
    assert 'msgctxt "42/body.5b0f/steps.9a1c/actions.0"' in text
    assert "#. Guide 42 “Why we argue” › body[3] (pathway)" in text
    assert "#, rich-text" in text
    assert '"Language: zh_Hans\\n"' in text
    assert '"Project-Id-Version: Why we argue\\n"' in text
    assert '"X-Generator: Relationship Guides CMS\\n"' in text


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


def test_po_fuzzy_entry_is_untranslated():
    po = polib.pofile(export_po(UNITS, title="t").decode("utf-8"))
    entry = po.find("Listen first.", msgctxt="42/summary")
    entry.flags.append("fuzzy")
    po.find('She said "stop"\nand left.', msgctxt="42/title").msgstr = "她说“停”\n然后走了。"

    _language, imported = parse(str(po).encode("utf-8"), "t.po")

    units = by_id(imported)
    assert units["42/summary"].target == ""
    assert units["42/title"].target == "她说“停”\n然后走了。"


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


def test_po_without_language_header():
    data = export_po(UNITS, title="t").replace(b'"Language: zh_Hans\\n"\n', b"")

    with pytest.raises(ExchangeFormatError, match="language"):
        parse(data, "t.po")


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


def test_po_entry_without_msgctxt():
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


# --- XLIFF ----------------------------------------------------------------------------------


def test_xliff_round_trip():
    data = export_xliff(UNITS, title="Why we argue")

    language, imported = parse(data, "guide-42.xlf")

    assert language == "zh-hans"
    assert_same_units(imported)
    assert [unit.location for unit in imported] == ["unit 1", "unit 2", "unit 3"]


def test_xliff_document_shape():
    root = xliff_tree(export_xliff(UNITS, title="Why we argue"))

    assert root.get("version") == "1.2"
    file = root.find("x:file", NS)
    assert file.get("original") == "Why we argue"
    assert file.get("source-language") == "en"
    assert file.get("target-language") == "zh-Hans"
    summary = trans_unit(root, "42/summary")
    assert summary.find("x:target", NS).get("state") == "translated"
    assert summary.find("x:note", NS).text == "Guide 42 › summary"
    title = trans_unit(root, "42/title")
    assert title.find("x:target", NS).get("state") is None
    assert title.find("x:target", NS).text in (None, "")
    assert title.get("datatype") is None


def test_xliff_rich_source_uses_inline_codes_not_escaped_tags():
    data = export_xliff(UNITS, title="t")
    text = data.decode("utf-8")

    assert "<g " in text
    assert "&lt;b&gt;" not in text
    assert "&lt;p&gt;" not in text
    source = trans_unit(xliff_tree(data), UNITS[0].unit_id).find("x:source", NS)
    paragraph = source[0]
    assert (paragraph.tag, paragraph.get("ctype")) == (f"{{{NS['x']}}}g", "x-html-p")
    assert [code.get("ctype") for code in paragraph] == ["bold", "link"]
    assert paragraph[1].get("{http://www.w3.org/1999/xhtml}href") == "https://x.org"


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

    assert by_id(imported)[UNITS[0].unit_id].target == (
        '<p>你好，<b>你</b>，请先阅读<a href="https://x.org">这篇</a>。</p>'
    )


@pytest.mark.parametrize(
    "html",
    [
        "<p>a <strong>b</strong> <em>c</em> <i>d</i></p>",
        '<h3 data-block-key="k1">Title</h3><ul><li data-block-key="k2">one<br/>two</li></ul>',
        "<ol><li>x</li></ol><h4>y</h4><blockquote>z</blockquote>",
        '<p>An <a linktype="page" id="3">internal</a> link &amp; &lt;escaped&gt; "text"</p>',
        '<p><a href="https://x.org/?a=1&amp;b=&quot;2&quot;&#x27;">q</a></p>',
        "<p>spaced\n  <b> bold </b>\t</p>\n<p>second</p>",
        "plain words, no tags",
    ],
)
def test_xliff_rich_round_trip_is_exact(html):
    target = html.replace("two", "二").replace("Title", "标题")
    units = [ExportUnit("1/rich", "c", html, target, True)]
    data = export_xliff(units, title="t")

    _language, imported = parse(data, "t.xlf")

    assert trans_unit(xliff_tree(data), "1/rich").get("restype") is None  # inline codes
    assert (imported[0].source, imported[0].target, imported[0].rich) == (html, target, True)


def test_xliff_target_codes_reuse_source_ids():
    units = [ExportUnit("1/r", "c", "<p>a <b>b</b></p>", "<p><b>乙</b>甲</p>", True)]
    unit = trans_unit(xliff_tree(export_xliff(units, title="t")), "1/r")

    ids = {
        part: [code.get("id") for code in unit.find(f"x:{part}", NS).iter(f"{{{NS['x']}}}g")]
        for part in ("source", "target")
    }

    assert ids == {"source": ["1", "2"], "target": ["1", "2"]}


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hand-written<br>break</p>",
        "<p>unclosed <b>bold</p>",
        "<p>it&#39;s &nbsp;entity</p>",
        "<P CLASS='x'>upper</P>",
        "<p>a<!-- note --></p>",
    ],
)
def test_xliff_html_that_codes_cannot_reproduce_travels_as_text(html):
    units = [ExportUnit("1/raw", "c", html, "", True)]
    data = export_xliff(units, title="t")

    _language, imported = parse(data, "t.xlf")

    assert trans_unit(xliff_tree(data), "1/raw").get("restype") == "x-escaped-html"
    assert (imported[0].source, imported[0].rich) == (html, True)


def test_xliff_keeps_carriage_returns_and_whitespace():
    source = "  two\r\nlines  "
    units = [ExportUnit("1/ws", "c", source, " 两行\r\n ", False)]

    _language, imported = parse(export_xliff(units, title="t"), "t.xlf")

    assert (imported[0].source, imported[0].target) == (source, " 两行\r\n ")


def xliff(units_xml, *, file_attributes='target-language="zh-Hans"', version="1.2"):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="{version}" '
        f'xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file original="t" source-language="en" datatype="plaintext" {file_attributes}>'
        f"<body>{units_xml}</body></file></xliff>"
    ).encode()


def test_xliff_needs_translation_and_empty_targets_are_untranslated():
    data = xliff(
        '<trans-unit id="a"><source>A</source><target state="needs-translation">A</target>'
        "</trans-unit>"
        '<trans-unit id="b"><source>B</source><target/></trans-unit>'
        '<trans-unit id="c"><source>C</source></trans-unit>'
        '<trans-unit id="d" datatype="html"><source><g id="1" ctype="x-html-p">D</g></source>'
        '<target><g id="1" ctype="x-html-p"> </g></target></trans-unit>'
        '<trans-unit id="e"><source>E</source><target><mrk mtype="seg" mid="1">戊</mrk></target>'
        "</trans-unit>"
    )

    language, imported = parse(data, "t.xlf")

    assert language == "zh-hans"
    assert [(unit.unit_id, unit.target) for unit in imported] == [
        ("a", ""),
        ("b", ""),
        ("c", ""),
        ("d", ""),
        ("e", "戊"),
    ]


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


def test_xliff_code_for_a_tag_outside_the_allowed_set_is_refused_in_target():
    data = xliff(
        '<trans-unit id="7/body" datatype="html"><source>S</source>'
        '<target><g id="1" ctype="x-html-script">alert(1)</g></target></trans-unit>'
    )

    with pytest.raises(ExchangeFormatError, match='7/body.*ctype="x-html-script"'):
        parse(data, "t.xlf")


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


# --- Both -----------------------------------------------------------------------------------


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


def test_sniffs_xliff_without_extension():
    language, imported = parse(export_xliff(UNITS, title="t"), "download")

    assert language == "zh-hans"
    assert_same_units(imported)


def test_export_refuses_duplicate_ids():
    units = [UNITS[1], UNITS[1]]

    for export in (export_po, export_xliff):
        with pytest.raises(ValueError, match="twice"):
            export(units, title="t")


def test_empty_export_round_trips():
    for export, name in ((export_po, "t.po"), (export_xliff, "t.xlf")):
        assert parse(export([], title="t"), name) == ("zh-hans", [])


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
