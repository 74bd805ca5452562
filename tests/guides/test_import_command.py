"""`import_guide`: the sample export and original fixtures, end to end through the command."""

import html
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import PageLogEntry, Revision

from cms.workflow.acknowledgements import acknowledge
from guides.content_checks import ends_with_ellipsis, looks_truncated
from guides.models import GuidePage, QuizCallToAction

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO.parent / "shared" / "samples" / "wiki-export-attachment-122.txt"
FIXTURES = REPO / "tests" / "fixtures" / "exports"


@pytest.fixture
def sample():
    if not SAMPLE.exists():
        pytest.skip(f"sample export not found at {SAMPLE}: CI provides ../shared/samples")
    return SAMPLE


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_guide", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return 1, out.getvalue() + str(error), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def blocks_of(guide, block_type, language="en"):
    body = guide.body_en if language == "en" else guide.body_zh_hans
    return [block.value for block in body if block.block_type == block_type]


def guide_number(number):
    return GuidePage.objects.get(number=number)


def test_sample_imports_into_the_full_structure(demo_site, sample):
    code, out, _err = run(sample, "--locale", "en")
    assert code == 0, out
    guide = guide_number(122).get_latest_revision_as_object()

    (pathway,) = blocks_of(guide, "pathway")
    ranges = [(s["day_from"], s["day_to"]) for s in pathway["steps"]]
    assert ranges == [(1, 3), (4, 10), (11, 17), (18, 25), (26, 35), (36, 50)]
    assert all(len(step["actions"]) == 6 for step in pathway["steps"])
    assert len(blocks_of(guide, "case_example")) == 1
    assert len(blocks_of(guide, "spotlight")) == 1
    (insights,) = blocks_of(guide, "key_insights")
    assert len(insights["insights"]) == 5
    assert len(blocks_of(guide, "faq")) == 1
    assert len(blocks_of(guide, "copy_phrase")) == 1
    (references,) = blocks_of(guide, "references")
    assert {"Bowlby", "Siegel"} <= {item["author"] for item in references["items"]}
    (scenario,) = blocks_of(guide, "scenario")
    assert scenario["persona"]["name"] == "Liu Min" and scenario["persona"]["age"] == 35
    assert guide.series.name_en == "Attachment and Communication"
    assert guide.quiz_cta.heading_en == "Take the relationship test"
    assert guide.quiz_cta.button_label_en == "Start the test"
    assert not guide.summary_en.endswith("…")


def test_sample_warnings_name_the_faults(demo_site, sample):
    _code, out, _err = run(sample, "--locale", "en")
    assert "step 2 repeats the action list of step 1" in out
    assert "steps 4, 5 and 6 repeat the action list of step 3" in out
    assert "(truncated_text)" in out and "Block 6 (Case example) · Process ends mid-sentence" in out
    assert "(trailing_ellipsis)" in out
    assert "the section label “常见问题” is in the other language" in out
    assert "the section label “可以直接复制的话” is in the other language" in out
    assert out.count("the summary is cut off") == 1
    assert "Import summary" in out


def test_every_sample_fault_is_in_the_panel_and_none_is_collapsed(demo_site, sample, admin_client):
    run(sample, "--locale", "en")
    guide = guide_number(122)
    page = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    panel = page[page.index("data-content-warnings") : page.index("data-last-import")]
    codes = re.findall(r'data-warning-code="(\w+)" data-warning-path="([^"]+)"', panel)
    assert sorted(codes) == [
        ("interface_label", "line 160"),  # the labels the import left out of the guide
        ("interface_label", "line 166"),
        ("repeated_actions", "body[4].steps[1].actions"),  # step 2 repeats step 1
        ("repeated_actions", "body[4].steps[3].actions"),  # steps 4-6 repeat step 3
        ("trailing_ellipsis", "body[9].phrase"),
        ("truncated_text", "body[5].process"),
    ]
    notes = html.unescape(page[page.index("data-last-import") :])
    assert "the summary is cut off with an ellipsis" in notes
    assert "wiki-export-attachment-122.txt" in notes
    assert "<details" not in page[page.index("data-content-warnings") : page.index("</form>")]


def test_the_import_record_reads_in_the_language_of_whoever_opens_it(
    demo_site, sample, admin_client, admin_user
):
    from wagtail.users.models import UserProfile

    run(sample, "--locale", "en")  # the command runs in English
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    guide = guide_number(122)
    page = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    (summary_note,) = summary_notes(import_entry(guide))
    assert summary_note["zh-hans"] != summary_note["en"]
    assert html.escape(summary_note["zh-hans"]) in page
    assert html.escape(summary_note["en"]) not in page
    assert "栏目标签“常见问题”是另一种语言" in page  # the source warning, in Chinese
    assert "the section label" not in page


def import_entry(guide):
    return PageLogEntry.objects.filter(page=guide, action="guides.import").latest("timestamp")


def summary_notes(entry):
    """The notes of an import about the summary, each {language code: note}."""
    return [note for note in entry.data["notes"] if "summary" in note["en"]]


def summary_line_of(path):
    return path.read_text(encoding="utf-8").split("\n")[4]  # exports put the summary on line 5


def test_sample_summary_ends_in_a_full_sentence_and_is_noted_once(demo_site, sample):
    code, out, _err = run(sample, "--locale", "en")
    assert code == 0, out
    guide = guide_number(122)
    summary = guide.get_latest_revision_as_object().summary_en
    # A full sentence: the one the export cut off with "…", completed from where it is in full.
    assert not looks_truncated(summary) and not ends_with_ellipsis(summary)
    written = summary_line_of(sample)
    assert written.endswith("…") and summary.startswith(written[:-1])
    # No cut word: the summary is in the export, whole words at both ends, off the summary line.
    lines = sample.read_text(encoding="utf-8").split("\n")
    elsewhere = "\n".join(lines[:4] + lines[5:])
    assert re.search(rf"(?<!\w){re.escape(summary)}(?!\w)", elsewhere)
    # The notes say one thing, once, in both languages; no warning says otherwise.
    entry = import_entry(guide)
    (note,) = summary_notes(entry)
    assert "completed that sentence from line" in note["en"]
    assert note["zh-hans"].startswith("第 5 行：") and "补全" in note["zh-hans"]
    assert "removed" not in note["en"] and "kept as written" not in note["en"]
    assert not [w for w in entry.data["warnings"] if w["path"] == "summary"]
    assert out.count("the summary is cut off") == 1
    assert "Summary ends" not in out


def cut_summary_file(tmp_path, summary):
    """The minimal fixture with its summary line replaced by `summary`."""
    lines = (FIXTURES / "en-minimal-301.txt").read_text(encoding="utf-8").split("\n")
    lines[4] = summary
    path = tmp_path / "cut-summary.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_cut_off_summary_keeps_its_full_sentences(demo_site, tmp_path):
    written = summary_line_of(FIXTURES / "en-minimal-301.txt")
    first, second = written.split(". ", 1)
    code, out, _err = run(cut_summary_file(tmp_path, f"{first}. {second[:30]}…"), "--locale", "en")
    assert code == 0, out
    guide = guide_number(301)
    assert guide.get_latest_revision_as_object().summary_en == f"{first}."
    (note,) = summary_notes(import_entry(guide))
    assert "kept it up to its last full sentence and left out" in note["en"]
    assert "删去了" in note["zh-hans"]
    assert out.count("the summary is cut off") == 1
    assert "Summary ends" not in out


def test_a_summary_with_no_full_sentence_is_kept_flagged_and_still_written(demo_site, tmp_path):
    written = summary_line_of(FIXTURES / "en-minimal-301.txt")
    cut = written[:60]
    assert cut[-1].isalpha() and written[60].isalpha()  # cut in the middle of a word
    code, out, _err = run(cut_summary_file(tmp_path, cut + "…"), "--locale", "en")
    assert code == 0, out
    guide = guide_number(301)
    # Kept as written (a guide's summary may not end in "…", so without it) ...
    assert guide.get_latest_revision_as_object().summary_en == cut
    entry = import_entry(guide)
    assert entry.revision_id == guide.latest_revision_id  # the draft is written
    (note,) = summary_notes(entry)
    assert "no full sentence to keep" in note["en"] and "finish the sentence" in note["en"]
    assert "请在管理后台把句子写完整" in note["zh-hans"]
    # ... and flagged: a content warning the editor sees, saying the same thing as the note.
    (warning,) = [w for w in entry.data["warnings"] if w["path"] == "summary"]
    assert warning["code"] == "truncated_text"
    assert "Summary ends mid-sentence" in out and "(truncated_text)" in out
    assert out.count("the summary is cut off") == 1


def test_nothing_goes_live_without_publish_and_history_is_logged(demo_site, sample):
    run(sample, "--locale", "en")
    guide = guide_number(122)
    assert not guide.live
    entry = PageLogEntry.objects.filter(page=guide, action="guides.import").get()
    assert entry.revision_id == guide.latest_revision_id
    assert "Imported the English version from “wiki-export-attachment-122.txt”" in entry.message


def test_publish_refuses_a_file_with_warnings_unless_they_are_accepted(demo_site, sample):
    code, out, _err = run(sample, "--locale", "en", "--publish")
    assert code == 1 and "Not published: 6 content warnings" in out and "--accept-warnings" in out
    assert not GuidePage.objects.filter(number=122).exists()  # the file wrote nothing

    code, _out, _err = run(sample, "--locale", "en", "--publish", "--accept-warnings")
    guide = guide_number(122)
    assert code == 0 and guide.live
    entry = PageLogEntry.objects.get(page=guide, action="cms.acknowledge_warnings")
    assert entry.revision_id == guide.live_revision_id
    assert entry.data["step"] == "import" and len(entry.data["warnings"]) == 6
    assert "--accept-warnings" in entry.data["note"]
    assert "Acknowledged 6 content warnings when importing" in entry.message


def test_a_locked_guide_takes_no_import(demo_site, sample, reviewer):
    run(sample, "--locale", "en")
    guide = guide_number(122)
    guide.locked, guide.locked_by = True, reviewer
    guide.save(update_fields=["locked", "locked_by"])
    revisions = guide.revisions.count()
    code, out, _err = run(sample, "--locale", "zh-hans")
    assert code == 1 and "locked" in out
    assert guide.revisions.count() == revisions


def test_a_chinese_import_publishes_chinese_only_on_published_english(demo_site, sample):
    run(sample, "--locale", "en")
    code, out, _err = run(sample, "--locale", "zh-hans", "--publish")
    assert code == 1 and "no published English yet" in out
    guide = guide_number(122)
    assert not guide.live and not guide.get_latest_revision_as_object().title_zh_hans
    revision = guide.get_latest_revision()
    acknowledge(guide, revision, user=None, note="Known faults", step="publish", warnings=[])
    guide.publish(revision, scope="source")  # a reviewer's publish
    english_only = guide_number(122)
    assert english_only.live and not english_only.title_zh_hans
    code, _out, _err = run(sample, "--locale", "zh-hans", "--publish", "--accept-warnings")
    assert code == 0
    live = guide_number(122)
    assert live.live_revision_id == live.latest_revision_id != english_only.live_revision_id
    assert live.title_en == english_only.title_en
    approvals = PageLogEntry.objects.filter(page=live, action="cms.translation_approved")
    assert approvals.filter(revision_id=live.live_revision_id).exists()


def test_reimport_is_idempotent_and_a_change_is_a_new_draft(demo_site, sample, tmp_path):
    run(sample, "--locale", "en")
    guide = guide_number(122)
    revisions = Revision.page_revisions.filter(object_id=str(guide.pk)).count()

    code, out, _err = run(sample, "--locale", "en")
    assert code == 0
    assert GuidePage.objects.filter(number=122).count() == 1
    assert Revision.page_revisions.filter(object_id=str(guide.pk)).count() == revisions
    assert "unchanged" in out

    changed = tmp_path / "changed.txt"
    changed.write_text(sample.read_text(encoding="utf-8").replace("Liu Min", "Lin Mei"), "utf-8")
    code, _out, _err = run(changed, "--locale", "en")
    assert code == 0
    assert Revision.page_revisions.filter(object_id=str(guide.pk)).count() == revisions + 1
    draft = guide_number(122).get_latest_revision_as_object()
    (scenario,) = blocks_of(draft, "scenario")
    assert scenario["persona"]["name"] == "Lin Mei"


def test_chinese_export_fills_the_same_guide_and_leaves_english_alone(demo_site, sample):
    run(sample, "--locale", "en")
    english = guide_number(122).get_latest_revision_as_object()

    code, out, _err = run(FIXTURES / "zh-attachment-122.txt", "--locale", "zh-hans")
    assert code == 0, out
    assert GuidePage.objects.filter(number=122).count() == 1
    guide = guide_number(122).get_latest_revision_as_object()
    assert guide.title_en == english.title_en
    assert guide.summary_en == english.summary_en
    assert list(guide.body_en.raw_data) == list(english.body_en.raw_data)
    assert guide.title_zh_hans and guide.title_zh_hans != guide.title_en
    (pathway,) = blocks_of(guide, "pathway", "zh-hans")
    assert [(s["day_from"], s["day_to"]) for s in pathway["steps"]][-1] == (36, 50)
    en_ids = [block.id for block in guide.body_en]
    zh_ids = [block.id for block in guide.body_zh_hans]
    assert len(set(en_ids) & set(zh_ids)) >= 6, "Chinese blocks reuse their English ids"
    with translation.override("zh-hans"):
        assert guide.quiz_cta.heading == "参加关系测试"


def test_english_reimport_leaves_chinese_alone(demo_site, sample):
    run(sample, "--locale", "en")
    run(FIXTURES / "zh-attachment-122.txt", "--locale", "zh-hans")
    zh_before = guide_number(122).get_latest_revision_as_object().title_zh_hans
    run(FIXTURES / "en-conflict-207.txt", "--locale", "en")
    code, _out, _err = run(SAMPLE, "--locale", "en")
    assert code == 0
    assert guide_number(122).get_latest_revision_as_object().title_zh_hans == zh_before


def test_chinese_export_without_an_english_guide_fails_clearly(demo_site):
    code, out, _err = run(FIXTURES / "zh-attachment-122.txt", "--locale", "zh-hans")
    assert code == 1
    assert "Import the English export first" in out
    assert not GuidePage.objects.filter(number=122).exists()


def test_articles_of_other_shapes_and_a_directory(demo_site):
    code, out, _err = run(FIXTURES, "--locale", "en")
    # The directory also holds the Chinese fixture, which fails as English has no guide 122.
    guide = guide_number(207).get_latest_revision_as_object()
    (pathway,) = blocks_of(guide, "pathway")
    assert len(pathway["steps"]) == 3
    assert len(blocks_of(guide, "case_example")) == 2
    assert len(blocks_of(guide, "faq")) == 4
    minimal = guide_number(301).get_latest_revision_as_object()
    assert blocks_of(minimal, "spotlight") == []
    assert len(blocks_of(minimal, "faq")) == 2
    assert minimal.series.name_en == "Everyday Communication"


def test_dry_run_writes_nothing(demo_site, sample):
    pages, ctas = GuidePage.objects.count(), QuizCallToAction.objects.count()
    code, out, _err = run(sample, "--locale", "en", "--dry-run")
    assert code == 0
    assert "dry run" in out
    assert (GuidePage.objects.count(), QuizCallToAction.objects.count()) == (pages, ctas)


BAD_FILES = {
    "empty.txt": (b"", "the file is empty"),
    "binary.txt": (b"\x00\x01\x02binary\x00", "binary"),
    "latin1.txt": (
        "Relationship Communication Wiki\n\nSeries-1: Title\n\ncaf\xe9\n".encode("latin-1"),
        "not UTF-8",
    ),
    "untitled.txt": (
        b"Relationship Communication Wiki\n\nJust some words\n",
        "no recognisable title",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_malformed_files_fail_clearly_and_write_nothing(demo_site, tmp_path, name):
    content, expected = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    pages = GuidePage.objects.count()
    code, out, _err = run(bad, "--locale", "en")
    assert code == 1
    assert str(bad) in out and expected in out
    assert "Traceback" not in out
    assert GuidePage.objects.count() == pages


def test_backwards_day_range_names_file_and_line(demo_site, tmp_path):
    source = (FIXTURES / "en-minimal-301.txt").read_text(encoding="utf-8")
    lines = source.splitlines()
    step_line = next(i for i, line in enumerate(lines) if line.startswith("### Step 2"))
    lines[step_line] = "### Step 2: Backwards (Recommended Days 10-3)"
    bad = tmp_path / "backwards.txt"
    bad.write_text("\n".join(lines), encoding="utf-8")
    good = FIXTURES / "en-conflict-207.txt"

    code, out, _err = run(bad, good, "--locale", "en")
    assert code == 1
    assert f"{bad}: line {step_line + 1}:" in out
    assert "10-3" in out
    assert not GuidePage.objects.filter(number=301).exists()
    assert GuidePage.objects.filter(number=207).exists(), "the other file still imports"
    assert "1 of 2 file(s) failed" in out


def test_unknown_locale_and_missing_path(demo_site, sample, tmp_path):
    code, out, _err = run(sample, "--locale", "fr")
    assert code == 1 and "Unknown --locale “fr”" in out and "en, zh-hans" in out
    code, out, _err = run(tmp_path / "nope.txt", "--locale", "en")
    assert code == 1 and "no such file or directory" in out
