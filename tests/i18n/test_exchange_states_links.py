"""XLIFF 2.0 with inline markup and links: a command round trip keeps the markup, and a
link the English does not have is refused (XLIFF 2.0 and PO)."""

import copy
from io import StringIO

import polib
import pytest
from django.core.management import call_command
from lxml import etree

from cms.i18n.exchange import import_translations
from cms.i18n.status import CURRENT
from tests.cms.exchange_helpers import NS2
from tests.i18n.exchange_states_helpers import (
    change_english,
    chinese,
    export,
    guide,
    rich_key,
    set_chinese,
    states,
)

pytestmark = pytest.mark.django_db


LINKED = '<p>Read <a href="https://example.org/guide">this guide</a> <strong>today</strong>.</p>'


@pytest.fixture
def linked(demo_site):
    """The first guide with a link in a section's English, not yet translated."""
    page = guide()
    key = rich_key(page)
    change_english(page, key, LINKED)
    set_chinese(page, {key: ""})
    return page, key


def translate_units(data, unit_id, texts, state="translated"):
    """An XLIFF 2.0 file whose unit `unit_id` has the source's codes with `texts` in order."""
    root = etree.fromstring(data)
    unit = root.find(f".//x:unit[@name='{unit_id}']", NS2)
    segment = unit.find("x:segment", NS2)
    segment.set("state", state)
    for old in segment.findall("x:target", NS2):
        segment.remove(old)
    target = copy.deepcopy(segment.find("x:source", NS2))
    target.tag = f"{{{NS2['x']}}}target"
    nodes = [target, *target.iterdescendants()]
    for node, text in zip(nodes, texts, strict=False):
        node.text = text
    for node in nodes[1:]:
        node.tail = None
    segment.append(target)
    return root, target


def test_xliff2_command_round_trip_keeps_inline_markup(linked, tmp_path):
    page, key = linked
    path = tmp_path / "guide.xlf"
    call_command(
        "export_translations",
        "--page",
        str(page.pk),
        "--format",
        "xliff2",
        "--output",
        str(path),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    root, _target = translate_units(
        path.read_bytes(), f"{page.pk}/{key}", ["", "阅读", "这篇指南", "今天"]
    )
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    out = StringIO()
    call_command("import_translations", str(path), stdout=out, stderr=StringIO())

    assert chinese(page)[key] == (
        '<p>阅读<a href="https://example.org/guide">这篇指南</a><strong>今天</strong></p>'
    )
    assert states(page)[key] == CURRENT


def test_xliff2_code_for_a_link_the_english_does_not_have_is_refused(linked, tmp_path):
    page, key = linked
    root, target = translate_units(export(page, "xliff2", tmp_path), f"{page.pk}/{key}", ["", "读"])
    paragraph = target[0]
    etree.SubElement(paragraph, f"{{{NS2['x']}}}pc", {"id": "99", "type": "link"}).text = "别处"
    revisions = page.revisions.count()

    report = import_translations(etree.tostring(root), "t.xlf")

    ((problem),) = report.problems
    assert problem.unit_id == f"{page.pk}/{key}" and "99" in problem.message
    assert report.written == {} and page.revisions.count() == revisions


def test_po_link_the_english_does_not_have_is_refused(linked, tmp_path):
    page, key = linked
    catalogue = polib.pofile(export(page, "po", tmp_path).decode("utf-8"))
    entry = next(e for e in catalogue if e.msgctxt == f"{page.pk}/{key}")
    entry.msgstr = '<p>阅读<a href="https://elsewhere.example/">这篇指南</a></p>'
    entry.flags = ["rich-text"]

    report = import_translations(str(catalogue).encode("utf-8"), "t.po")

    ((problem),) = report.problems
    assert (
        problem.unit_id == f"{page.pk}/{key}"
        and "links where its English does not" in problem.message
    )
