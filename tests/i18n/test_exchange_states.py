"""Exchange files tell the truth about each segment's state, and importing them keeps it.

Outdated units ask for review with the English they were translated from; a unit still marked
for review stays outdated when imported, and clearing the mark makes it current; missing units
are empty; a Chinese that only copies its English is missing. The same holds for files
converted by translate-toolkit, and for XLIFF 2.0 with inline markup.
"""

import copy
from io import StringIO

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from lxml import etree

from cms.i18n.exchange import export_units, import_translations
from cms.i18n.formats import FORMATS, parse
from cms.i18n.segments import set_targets
from cms.i18n.status import CURRENT, MISSING, OUTDATED, segment_states
from cms.models import TranslationStatus
from guides.models import GuidePage
from tests.cms.test_exchange_formats import (
    NS,
    NS2,
    assert_msgfmt_clean,
    assert_strict_xliff,
    by_id,
    convert,
)

pytestmark = pytest.mark.django_db

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


@pytest.fixture
def outdated(demo_site):
    """The first guide, its summary's English changed after it was translated."""
    page = guide()
    before = draft(page)
    change_english(page, "summary", NEW_SUMMARY)
    assert states(page)["summary"] == OUTDATED
    return page, before.summary_en, before.summary_zh_hans


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


# --- translate-toolkit ----------------------------------------------------------------------


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


# --- XLIFF 2.0 and links --------------------------------------------------------------------

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
    assert response["Content-Type"] == content_type
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
