"""Exchange files tell the truth about each segment's state, and importing them keeps it.

Outdated units ask for review with the English they were translated from; a unit still
marked for review stays outdated when imported, and clearing the mark makes it current;
missing units are empty; a Chinese that only copies its English is missing. The admin
exports every format and imports it the same way.
"""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from cms.i18n.exchange import import_translations
from cms.i18n.formats import FORMATS, parse
from cms.i18n.status import CURRENT, MISSING, OUTDATED, segment_states
from cms.models import TranslationStatus
from tests.cms.exchange_helpers import NS, NS2, assert_msgfmt_clean, assert_strict_xliff, by_id
from tests.i18n.exchange_states_helpers import (
    FILES,
    NEW_SUMMARY,
    clear_review_mark,
    draft,
    export,
    guide,
    outdated_fixture,  # noqa: F401 - the `outdated` fixture
    rich_key,
    set_chinese,
    states,
)

pytestmark = pytest.mark.django_db


# --- Outdated -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_outdated_unit_asks_for_review_with_the_english_it_was_translated_from(
    outdated, fmt, tmp_path
):
    page, old_english, old_chinese = outdated
    unit_id = f"{page.pk}/summary"

    data = export(page, fmt, tmp_path)

    unit = by_id(parse(data, FILES[fmt])[1])[unit_id]
    assert (unit.source, unit.target, unit.needs_review) == (NEW_SUMMARY, old_chinese, True)
    if fmt == "po":
        entry = next(e for e in polib.pofile(data.decode("utf-8")) if e.msgctxt == unit_id)
        assert entry.fuzzy and entry.previous_msgid == old_english
    elif fmt == "xliff":
        element = etree.fromstring(data).find(f".//x:trans-unit[@id='{unit_id}']", NS)
        assert element.find("x:target", NS).get("state") == "needs-review-translation"
        assert element.find("x:alt-trans/x:source", NS).text == old_english
    else:
        element = etree.fromstring(data).find(f".//x:unit[@name='{unit_id}']", NS2)
        assert element.find("x:segment", NS2).get("state") == "initial"
        assert element.find("x:notes/x:note[@category='previous-source']", NS2).text == old_english
    current = by_id(parse(data, FILES[fmt])[1])[f"{page.pk}/title"]
    assert not current.needs_review


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reimporting_an_unchanged_export_keeps_it_outdated(outdated, fmt, tmp_path):
    page, _old_english, _old_chinese = outdated
    before = TranslationStatus.objects.get(page_id=page.pk)

    report = import_translations(export(page, fmt, tmp_path), FILES[fmt])

    assert report.problems == [] and report.kept_outdated == 1
    assert states(page)["summary"] == OUTDATED
    after = TranslationStatus.objects.get(page_id=page.pk)
    assert (after.missing, after.outdated, after.completeness) == (
        before.missing,
        before.outdated,
        before.completeness,
    )


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_clearing_the_review_mark_makes_it_current(outdated, fmt, tmp_path):
    page, _old_english, old_chinese = outdated
    data = clear_review_mark(export(page, fmt, tmp_path), fmt, f"{page.pk}/summary")

    report = import_translations(data, FILES[fmt])

    assert report.problems == [] and report.kept_outdated == 0
    assert states(page)["summary"] == CURRENT
    assert draft(page).summary_zh_hans == old_chinese
    assert TranslationStatus.objects.get(page_id=page.pk).outdated == 0


def test_new_chinese_still_fuzzy_is_saved_but_stays_outdated(outdated, tmp_path):
    page, old_english, _old_chinese = outdated
    catalogue = polib.pofile(export(page, "po", tmp_path).decode("utf-8"))
    next(e for e in catalogue if e.msgctxt == f"{page.pk}/summary").msgstr = "较新的中文摘要。"

    report = import_translations(str(catalogue).encode("utf-8"), "t.po")

    assert report.problems == [] and report.kept_outdated == 1
    assert draft(page).summary_zh_hans == "较新的中文摘要。"
    assert states(page)["summary"] == OUTDATED
    memory = TranslationStatus.objects.get(page_id=page.pk).memory["summary"]
    assert memory["s"] == old_english, "still recorded as written for the older English"


# --- Missing, and copies of the English -----------------------------------------------------


@pytest.fixture
def missing(demo_site):
    """The first guide with no Chinese summary, and a Chinese section that copies its English
    (only its tags written differently and its block key left out)."""
    page = guide()
    key = rich_key(page)
    english = next(
        s.segment.source for s in segment_states(draft(page), {}) if s.segment.key == key
    )
    copy_of_english = english.replace("<strong>", "<b>").replace("</strong>", "</b>")
    set_chinese(page, {"summary": "", key: copy_of_english})
    return page, key


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_missing_units_and_copies_of_the_english_are_exported_empty(missing, fmt, tmp_path):
    page, key = missing

    units = by_id(parse(export(page, fmt, tmp_path, only_pending=True), FILES[fmt])[1])

    for segment in ("summary", key):
        assert units[f"{page.pk}/{segment}"].blank
        assert states(page)[segment] == MISSING
    data = export(page, fmt, tmp_path)
    if fmt == "xliff":
        target = etree.fromstring(data).find(
            f".//x:trans-unit[@id='{page.pk}/summary']/x:target", NS
        )
        assert (target.get("state"), target.text) == ("new", None)
    elif fmt == "xliff2":
        unit = etree.fromstring(data).find(f".//x:unit[@name='{page.pk}/summary']", NS2)
        assert unit.find("x:segment/x:target", NS2) is None
    else:
        entry = next(
            e for e in polib.pofile(data.decode("utf-8")) if e.msgctxt == f"{page.pk}/summary"
        )
        assert (entry.msgstr, entry.fuzzy) == ("", False)


def test_a_copy_of_the_english_is_not_imported(missing, tmp_path):
    page, key = missing
    catalogue = polib.pofile(export(page, "po", tmp_path, only_pending=True).decode("utf-8"))
    for entry in catalogue:
        entry.msgstr = entry.msgid.replace("<strong>", "<b>").replace("</strong>", "</b>")
    revisions = page.revisions.count()

    report = import_translations(str(catalogue).encode("utf-8"), "t.po")

    assert report.problems == [] and report.segments == 0
    assert report.skipped == len(catalogue)
    assert page.revisions.count() == revisions
    assert states(page)["summary"] == MISSING


def test_a_fuzzy_guess_for_a_missing_unit_is_left_out(missing, tmp_path):
    page, _key = missing
    catalogue = polib.pofile(export(page, "po", tmp_path, only_pending=True).decode("utf-8"))
    entry = next(e for e in catalogue if e.msgctxt == f"{page.pk}/summary")
    entry.msgstr, entry.flags = "机器猜的摘要。", ["fuzzy"]

    report = import_translations(str(catalogue).encode("utf-8"), "t.po")

    assert report.problems == [] and report.segments == 0
    assert draft(page).summary_zh_hans == ""


# --- The admin ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("po", "text/x-gettext-translation"),
        ("xliff", "application/x-xliff+xml"),
        ("xliff2", "application/xliff+xml"),
    ],
)
def test_admin_exports_every_format_and_imports_it(
    outdated, admin_client, fmt, content_type, tmp_path
):
    page = outdated[0]
    response = admin_client.get(
        "/admin/translations/export/", {"scope": "page", "page": page.pk, "format": fmt}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    assert response["Content-Disposition"].endswith(f'.zh-hans.{FORMATS[fmt].extension}"')
    if fmt == "xliff":
        assert_strict_xliff(response.content)
    elif fmt == "po":
        assert_msgfmt_clean(response.content, tmp_path)
    upload = SimpleUploadedFile(f"t.{FORMATS[fmt].extension}", response.content)
    html = admin_client.post("/admin/translations/import/", {"file": upload}).content.decode()
    assert "data-import-kept-outdated" in html and "data-import-problems" not in html
    assert states(page)["summary"] == OUTDATED


def test_report_and_page_view_offer_every_format(demo_site, admin_client):
    for url in ("/admin/translations/", f"/admin/translations/{guide().pk}/"):
        html = admin_client.get(url).content.decode()
        assert all(f'format={fmt}"' in html for fmt in FORMATS), url
