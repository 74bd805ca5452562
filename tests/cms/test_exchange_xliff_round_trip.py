"""Rich text and whitespace through both XLIFF versions: what inline codes can carry comes
back exactly, and what they cannot travels as text (no database)."""

import pytest

from cms.i18n.formats import FORMATS, ExportUnit, parse


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
