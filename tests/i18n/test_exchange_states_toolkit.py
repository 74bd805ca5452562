"""Files converted by translate-toolkit (po2xliff, xliff2po) import like the export they
came from: states are kept, and a rich unit whose markup the conversion dropped is named."""

import polib
import pytest
from django.db import transaction
from lxml import etree

from cms.i18n.exchange import import_translations
from cms.i18n.status import CURRENT, OUTDATED
from tests.cms.exchange_helpers import NS, convert
from tests.i18n.exchange_states_helpers import (
    chinese,
    clear_review_mark,
    export,
    outdated_fixture,  # noqa: F401 - the `outdated` fixture
    rich_key,
    set_chinese,
    states,
)

pytestmark = pytest.mark.django_db


def outcome(page, data, filename):
    """What importing `data` does (problems, and each segment's Chinese and state), undone."""
    with transaction.atomic():
        report = import_translations(data, filename)
        result = (
            [(problem.unit_id, problem.message) for problem in report.problems],
            {key: (text, states(page)[key]) for key, text in chinese(page).items()},
        )
        transaction.set_rollback(True)
    return result


@pytest.fixture
def work_in_progress(outdated, tmp_path):
    """An export a translator has worked on: a missing heading translated, the outdated summary
    retyped but still fuzzy, a section's Chinese edited."""
    page = outdated[0]
    heading = next(key for key in chinese(page) if key.endswith(".heading"))
    set_chinese(page, {heading: ""})
    rich = rich_key(page)
    catalogue = polib.pofile(export(page, "po", tmp_path).decode("utf-8"))
    for entry in catalogue:
        segment = entry.msgctxt.split("/", 1)[1]
        if segment == heading:
            entry.msgstr = "新译的标题"
        elif segment == "summary":
            entry.msgstr = "重新译过、仍待审校的摘要。"
        elif segment == rich:
            entry.msgstr = entry.msgstr.replace("<p>", "<p>【修订】", 1)
    return page, str(catalogue).encode("utf-8"), heading


def test_po2xliff_and_xliff2po_conversions_import_like_the_po(work_in_progress, tmp_path):
    page, original, heading = work_in_progress
    as_xliff = convert("po2xliff", original, ".po", tmp_path)
    back_to_po = convert("xliff2po", as_xliff, ".xlf", tmp_path)

    expected = outcome(page, original, "t.po")

    assert expected[0] == []
    assert expected[1][heading] == ("新译的标题", CURRENT)
    assert expected[1]["summary"] == ("重新译过、仍待审校的摘要。", OUTDATED)
    assert outcome(page, as_xliff, "converted.xlf") == expected
    assert outcome(page, back_to_po, "converted.po") == expected


def test_xliff2po_conversion_of_an_xliff_export_imports_like_the_xliff(outdated, tmp_path):
    page = outdated[0]
    data = clear_review_mark(
        export(page, "xliff", tmp_path), "xliff", f"{page.pk}/summary", "新摘要"
    )
    converted = convert("xliff2po", data, ".xlf", tmp_path)

    expected = outcome(page, data, "t.xlf")

    assert expected[0] == [] and expected[1]["summary"] == ("新摘要", CURRENT)
    assert outcome(page, converted, "converted.po") == expected


def test_xliff2po_names_a_rich_unit_whose_markup_it_dropped(outdated, tmp_path):
    page = outdated[0]
    key = rich_key(page)
    root = etree.fromstring(export(page, "xliff", tmp_path))
    target = root.find(f".//x:trans-unit[@id='{page.pk}/{key}']/x:target", NS)
    target[0].text = "【修订】" + (target[0].text or "")
    converted = convert("xliff2po", etree.tostring(root), ".xlf", tmp_path)
    revisions = page.revisions.count()

    report = import_translations(converted, "converted.po")

    ((unit_id, message),) = [(p.unit_id, p.message) for p in report.problems]
    assert unit_id == f"{page.pk}/{key}" and "lost its markup" in message
    assert page.revisions.count() == revisions
