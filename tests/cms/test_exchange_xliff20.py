"""XLIFF 2.0 exchange files: document shape, inline codes, states coming back, resegmented
units, and malformed files (no database)."""

import pytest
from lxml import etree

from cms.i18n.formats import ExchangeFormatError, ExportUnit, MarkupError, export_xliff2, parse
from tests.cms.exchange_helpers import NS2, UNITS, xliff2_unit, xliff_tree


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
