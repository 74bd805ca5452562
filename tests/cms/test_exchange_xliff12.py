"""XLIFF 1.2 exchange files: strict validity, document shape, states coming back, and
malformed or unsafe files (no database)."""

import pytest

from cms.i18n.formats import ExchangeFormatError, ExportUnit, export_xliff, parse
from tests.cms.exchange_helpers import (
    NS,
    UNITS,
    assert_strict_xliff,
    by_id,
    trans_unit,
    xliff,
    xliff_tree,
)

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
