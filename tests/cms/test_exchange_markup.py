"""validate_markup: which HTML a translation may carry, plain or rich (no database)."""

import pytest

from cms.i18n.formats import validate_markup


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
