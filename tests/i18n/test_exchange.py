"""Export, translate in a tool, import: the Chinese lands in the same blocks, validated first."""

from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from cms.i18n.exchange import import_translations
from cms.models import TranslationStatus
from guides.models import GuidePage
from tests.cms.exchange_helpers import assert_msgfmt_clean, assert_strict_xliff

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_only(demo_site):
    """The first demo guide with its Chinese body and summary removed (a draft)."""
    page = GuidePage.objects.order_by("number").first()
    draft = page.get_latest_revision_as_object()
    draft.body_zh_hans = []
    draft.summary_zh_hans = ""
    draft.save_revision()
    return GuidePage.objects.get(pk=page.pk)


def export(tmp_path, *args):
    path = tmp_path / "out.po"
    call_command(
        "export_translations", *args, "--output", str(path), stdout=StringIO(), stderr=StringIO()
    )
    assert_msgfmt_clean(path.read_bytes(), tmp_path)
    return path


def translate_all(path):
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if "rich-text" in entry.flags:
            entry.msgstr = entry.msgid.replace("<p>", "<p>译：", 1)
        else:
            entry.msgstr = "译：" + entry.msgid
    catalogue.save(str(path))
    return catalogue


def run_import(path, *args):
    out = StringIO()
    try:
        call_command("import_translations", str(path), *args, stdout=out, stderr=StringIO())
    except CommandError as error:
        return 1, out.getvalue() + str(error)
    return 0, out.getvalue()


def test_export_edit_import_round_trip(english_only, tmp_path):
    page = english_only
    path = export(tmp_path, "--page", str(page.pk))
    catalogue = translate_all(path)
    assert len(catalogue) == TranslationStatus.objects.get(page_id=page.pk).total
    assert all(entry.msgctxt.startswith(f"{page.pk}/") for entry in catalogue)

    code, out = run_import(path)
    assert code == 0, out
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [b.id for b in draft.body_zh_hans] == [b.id for b in draft.body_en]
    assert draft.summary_zh_hans == "译：" + draft.summary_en
    first = draft.body_zh_hans[0].value
    assert first["heading"].startswith("译：")
    status = TranslationStatus.objects.get(page_id=page.pk)
    assert (status.missing, status.outdated, status.completeness) == (0, 0, 100)
    live = GuidePage.objects.get(pk=page.pk)
    assert live.has_unpublished_changes, "an import saves a draft; it does not publish"
    assert not live.summary_zh_hans.startswith("译：")
    entry = PageLogEntry.objects.filter(page=page, action="cms.translation_import").get()
    assert entry.data["segments"] == len(catalogue) and entry.data["file"] == "out.po"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("xliff", ['target-language="zh-Hans"', "<g "]), ("xliff2", ['trgLang="zh-Hans"', "<pc "])],
)
def test_xliff_round_trip(english_only, tmp_path, fmt, expected):
    page = english_only
    path = tmp_path / "out.xlf"
    call_command(
        "export_translations",
        "--page",
        str(page.pk),
        "--format",
        fmt,
        "--output",
        str(path),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    if fmt == "xliff":
        assert_strict_xliff(path.read_bytes())
    text = path.read_text(encoding="utf-8")
    assert all(part in text for part in expected)
    report = import_translations(text.encode(), "out.xlf")
    assert report.problems == [] and report.skipped > 0  # nothing translated yet in the file


def test_pending_scope_exports_only_what_needs_work(english_only, tmp_path):
    path = export(tmp_path, "--pending")
    contexts = {entry.msgctxt.split("/")[0] for entry in polib.pofile(str(path))}
    assert contexts == {str(english_only.pk)}


def test_conflict_is_rejected_and_writes_nothing(english_only, tmp_path):
    page = english_only
    path = export(tmp_path, "--page", str(page.pk))
    translate_all(path)
    draft = page.get_latest_revision_as_object()
    draft.summary_en = "The English changed after the export."
    draft.save_revision()
    revisions = page.revisions.count()

    code, out = run_import(path)
    assert code == 1
    assert f"{page.pk}/summary" in out and "Conflict" in out and "nothing was written" in out
    assert page.revisions.count() == revisions


def test_partial_writes_the_valid_segments(english_only, tmp_path):
    page = english_only
    path = export(tmp_path, "--page", str(page.pk))
    translate_all(path)
    draft = page.get_latest_revision_as_object()
    draft.summary_en = "The English changed after the export."
    draft.save_revision()
    code, out = run_import(path, "--partial")
    assert code == 1 and "the valid segments were written" in out
    draft = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.body_zh_hans[0].value["heading"].startswith("译：")
    assert draft.summary_zh_hans == ""


def edited_po(tmp_path, page, edit):
    path = export(tmp_path, "--page", str(page.pk))
    catalogue = translate_all(path)
    edit(catalogue)
    catalogue.save(str(path))
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: setattr(c[0], "msgctxt", "999999/title"), "Unknown page or segment id"),
        (lambda c: setattr(c[0], "msgctxt", c[0].msgctxt + ".nope"), "Unknown segment id"),
        (
            lambda c: setattr(
                next(e for e in c if "rich-text" in e.flags), "msgstr", '<p onclick="x()">译</p>'
            ),
            "on",
        ),
        (
            lambda c: setattr(
                next(e for e in c if "rich-text" not in e.flags), "msgstr", "<b>译</b>"
            ),
            "cannot contain HTML tags",
        ),
        (lambda c: c.metadata.update({"Language": "fr"}), "only zh-hans can be imported"),
    ],
    ids=[
        "unknown-page",
        "unknown-segment",
        "unsafe-markup",
        "markup-in-plain-text",
        "wrong-language",
    ],
)
def test_malformed_units_are_reported_and_write_nothing(english_only, tmp_path, edit, expected):
    page = english_only
    path = edited_po(tmp_path, page, edit)
    revisions = page.revisions.count()
    code, out = run_import(path)
    assert code == 1 and expected in out
    assert page.revisions.count() == revisions


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b'msgid "a"\nmsgstr "b"\nnonsense here\n', "syntax error at line 3"),
    ],
    ids=["empty", "not-utf8", "syntax"],
)
def test_unparseable_files(english_only, tmp_path, content, expected):
    path = tmp_path / "bad.po"
    path.write_bytes(content)
    code, out = run_import(path)
    assert code == 1 and expected in out


def test_translator_imports_only_into_pages_they_may_edit(
    english_only, tmp_path, django_user_model
):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Page

    page = english_only
    path = export(tmp_path, "--page", str(page.pk))
    translate_all(path)
    outsider = django_user_model.objects.create_user("outsider", password="pw")
    group = Group.objects.create(name="No pages")
    outsider.groups.add(group)
    report = import_translations(path.read_bytes(), "out.po", user=outsider)
    assert report.written == {} and report.problems
    assert all(p.message.startswith("You may not edit “") for p in report.problems)

    translator = django_user_model.objects.create_user("translator2", password="pw")
    translator.groups.add(Group.objects.get(name="zh-hans Translators"))
    report = import_translations(path.read_bytes(), "out.po", user=translator)
    assert report.problems == [] and report.written == {page.pk: report.segments}
    assert GroupPagePermission.objects.filter(page=Page.get_first_root_node()).exists()


def test_admin_buttons_export_and_import(english_only, admin_client, tmp_path):
    page = english_only
    response = admin_client.get(
        "/admin/translations/export/", {"scope": "page", "page": page.pk, "format": "po"}
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert_msgfmt_clean(response.content, tmp_path)
    catalogue = polib.pofile(response.content.decode())
    for entry in catalogue:
        entry.msgstr = "<p>译</p>" if "rich-text" in entry.flags else "译"
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("t.po", str(catalogue).encode())
    html = admin_client.post("/admin/translations/import/", {"file": upload}).content.decode()
    assert "data-import-written" in html and "data-import-problems" not in html
    assert TranslationStatus.objects.get(page_id=page.pk).completeness == 100
