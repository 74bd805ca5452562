"""A translation import is an edit: it respects locks and review stages, and each unit is
validated as the editor's form would validate it. Tried through the admin's import view."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from guides.models import GuidePage
from tests.admin_post import AdminSession, edit_form_data

pytestmark = pytest.mark.django_db


def guide():
    return GuidePage.objects.order_by("number").first()


def po_file(units):
    """A PO file translating `units` ({unit id: (English, Chinese)})."""
    catalogue = polib.POFile()
    catalogue.metadata = {"Language": "zh_Hans", "Content-Type": "text/plain; charset=UTF-8"}
    for unit_id, (english, chinese) in units.items():
        catalogue.append(polib.POEntry(msgctxt=unit_id, msgid=english, msgstr=chinese))
    return str(catalogue).encode()


def import_units(user, units):
    page = guide()
    revisions = page.revisions.count()
    upload = SimpleUploadedFile("translations.po", po_file(units), "text/x-gettext-translation")
    response = AdminSession(user).post("/admin/translations/import/", {"file": upload})
    assert response.status_code == 200, response.content[:500]
    report = response.context["report"]
    return report, page.revisions.count() - revisions


def title_unit(page, chinese):
    english = GuidePage.objects.get(pk=page.pk).get_latest_revision_as_object().title_en
    return {f"{page.pk}/title": (english, chinese)}


def test_a_valid_import_writes_a_draft(demo_site, translator):
    page = guide()
    report, new_revisions = import_units(translator, title_unit(page, "导入的新标题"))
    assert report.problems == [] and new_revisions == 1
    assert guide().get_latest_revision_as_object().title_zh_hans == "导入的新标题"
    assert GuidePage.objects.get(pk=page.pk).title_zh_hans != "导入的新标题", "a draft only"


def test_a_page_a_reviewer_locked_takes_no_import(demo_site, translator, reviewer):
    page = guide()
    page.locked, page.locked_by = True, reviewer
    page.save(update_fields=["locked", "locked_by"])
    report, new_revisions = import_units(translator, title_unit(page, "锁定时导入"))
    assert new_revisions == 0
    (problem,) = report.problems
    assert problem.unit_id == f"{page.pk}/title" and "locked" in problem.message


def test_a_page_in_editorial_review_takes_no_import(demo_site, editor, translator):
    page = guide()
    data = edit_form_data(page.get_latest_revision_as_object(), editor, title_en="For review")
    AdminSession(editor).post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    assert GuidePage.objects.get(pk=page.pk).current_workflow_task.name == "Editorial review"
    report, new_revisions = import_units(translator, title_unit(page, "审核中导入"))
    assert new_revisions == 0
    assert report.problems and "locked" in report.problems[0].message


@pytest.mark.parametrize(
    ("segment", "chinese", "expected"),
    [
        ("summary", "长" * 3_000_000, "characters long"),
        ("title", "标" * 256, "256"),
        ("title", "控制\x01字符", "U+0001"),
        ("title", "转义\x1b字符", "U+001B"),
        ("title", "反向\u202e文字", "U+202E"),
        ("heading", "标" * 250, "200"),
    ],
    ids=["huge summary", "long title", "U+0001", "ESC", "U+202E", "heading"],
)
def test_each_unit_is_validated_as_the_form_would(
    demo_site, translator, segment, chinese, expected
):
    page = guide()
    draft = page.get_latest_revision_as_object()
    if segment == "heading":
        block = next(b for b in draft.body_en.raw_data if "heading" in b["value"])
        key, english = f"body.{block['id']}.heading", block["value"]["heading"]
    else:
        key, english = segment, getattr(draft, f"{segment}_en")
    report, new_revisions = import_units(translator, {f"{page.pk}/{key}": (english, chinese)})
    assert new_revisions == 0, "nothing is written"
    (problem,) = report.problems
    assert problem.unit_id == f"{page.pk}/{key}"
    assert expected in problem.message
