"""Pages, edits, exports and the `outdated` fixture shared by the exchange state tests
(tests/i18n/test_exchange_states_*.py). A test module takes the fixture by importing
`outdated_fixture`; pytest knows it as `outdated`."""

import copy

import polib
import pytest
from lxml import etree

from cms.i18n.exchange import export_units
from cms.i18n.formats import FORMATS
from cms.i18n.segments import set_targets
from cms.i18n.status import OUTDATED, segment_states
from cms.models import TranslationStatus
from guides.models import GuidePage
from tests.cms.exchange_helpers import NS, NS2, assert_msgfmt_clean, assert_strict_xliff

FILES = {"po": "t.po", "xliff": "t.xlf", "xliff2": "t.xlf"}
NEW_SUMMARY = "A newer English summary."


def guide():
    return GuidePage.objects.order_by("number").first()


def draft(page):
    return GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def states(page):
    memory = TranslationStatus.objects.get(page_id=page.pk).memory
    return {s.segment.key: s.state for s in segment_states(draft(page), memory)}


def chinese(page):
    return {s.segment.key: s.segment.target for s in segment_states(draft(page), {})}


def _set_in(raw, path, text):
    """`raw` (stream data) with the leaf at `path` (block id, then struct names) set."""
    raw = copy.deepcopy(raw)
    block_id, *names = path.split(".")
    node = next(item for item in raw if item["id"] == block_id)["value"]
    for name in names[:-1]:
        node = node[name]
    node[names[-1]] = text
    return raw


def change_english(page, key, text):
    """Save a revision in which the English of segment `key` is `text`."""
    revision = draft(page)
    field, _dot, path = key.partition(".")
    if path:
        text = _set_in(list(getattr(revision, f"{field}_en").raw_data), path, text)
    setattr(revision, f"{field}_en", text)
    revision.save_revision()


def set_chinese(page, translations):
    revision = draft(page)
    set_targets(revision, translations)
    revision.save_revision()


def rich_key(page):
    return next(
        unit.unit_id.split("/", 1)[1]
        for unit in export_units(GuidePage.objects.get(pk=page.pk), only_pending=False)
        if unit.rich and "<strong>" in unit.source
    )


def export(page, fmt, tmp_path, only_pending=False):
    """An export of `page`, checked as every export is: strict XLIFF 1.2, clean msgfmt."""
    page = GuidePage.objects.get(pk=page.pk)  # its latest revision as of now
    data = FORMATS[fmt].export(export_units(page, only_pending=only_pending), title="t")
    if fmt == "po":
        assert_msgfmt_clean(data, tmp_path)
    elif fmt == "xliff":
        assert_strict_xliff(data)
    return data


def clear_review_mark(data, fmt, unit_id, target=None):
    """What a translator does in their tool to confirm a unit (and, with `target`, retype it)."""
    if fmt == "po":
        catalogue = polib.pofile(data.decode("utf-8"))
        entry = next(e for e in catalogue if e.msgctxt == unit_id)
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = None
        entry.msgstr = entry.msgstr if target is None else target
        return str(catalogue).encode("utf-8")
    root = etree.fromstring(data)
    if fmt == "xliff":
        element = root.find(f".//x:trans-unit[@id='{unit_id}']/x:target", NS)
        element.getparent().set("approved", "yes")
        element.set("state", "translated")
    else:
        segment = root.find(f".//x:unit[@name='{unit_id}']/x:segment", NS2)
        segment.set("state", "translated")
        element = segment.find("x:target", NS2)
    if target is not None:
        element.text = target
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture(name="outdated")
def outdated_fixture(demo_site):
    """The first guide, its summary's English changed after it was translated."""
    page = guide()
    before = draft(page)
    change_english(page, "summary", NEW_SUMMARY)
    assert states(page)["summary"] == OUTDATED
    return page, before.summary_en, before.summary_zh_hans
