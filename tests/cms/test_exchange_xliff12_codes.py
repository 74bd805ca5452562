"""XLIFF 1.2 inline codes: rich HTML travels as strict <g>/<x/> codes, a translator's edit
around them comes back as HTML, and codes the English does not have are refused
(no database)."""

import copy

import pytest
from lxml import etree

from cms.i18n.formats import ExchangeFormatError, ExportUnit, MarkupError, export_xliff, parse
from tests.cms.exchange_helpers import (
    NS,
    RICH_HTML,
    UNITS,
    by_id,
    resolved,
    trans_unit,
    xliff,
    xliff_tree,
)


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
