"""translate-toolkit conversions (po2xliff, xliff2po) of exports read back the same
(no database)."""

from cms.i18n.formats import export_po, export_xliff, parse
from tests.cms.exchange_helpers import UNITS, by_id, convert, resolved

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
    # without its markup, which the import names as such
    # (tests/i18n/test_exchange_states_toolkit.py).
    _language, imported = parse(
        convert("xliff2po", export_xliff(UNITS, title="t"), ".xlf", tmp_path), "t.po"
    )

    assert by_id(imported)[UNITS[0].unit_id].source == "Hello you, read this first."
