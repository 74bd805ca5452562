"""The translation glossary: which terms a text uses, which agreed Chinese a translation misses,
the guide editor's warning about it, and who may keep the glossary in the admin."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.urls import reverse

from cms.i18n.glossary import (
    Glossary,
    Term,
    current_glossary,
    terms_in,
    unused_terms,
    unused_terms_by_segment,
)
from cms.models import GlossaryTerm
from guides.content_checks import field_label
from guides.models import GuidePage
from guides.warnings import content_warnings_for, glossary_warnings, warnings_by_language

SEED = "cms.migrations.0012_glossary_roles_and_terms"

GLOSSARY = Glossary(
    [
        Term("attachment", "依恋"),
        Term("anxious attachment", "焦虑型依恋"),
        Term("attachment style", "依恋风格"),
        Term("anxious", "焦虑型"),
        Term("insecurity", "不安全感"),
        Term("reassurance loop", "安慰循环"),
        Term("self-soothing", "自我安抚"),
        Term("box", "盒子"),
    ]
)


def english_of(terms):
    return [term.english for term in terms]


def segment(key, source, target):
    """What the checks read of a segment (cms.i18n.segments.Segment)."""
    return SimpleNamespace(key=key, source=source, target=target)


# --- Matching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Attachment shapes how we reach out.", ["attachment"]),
        ("ATTACHMENT in capitals", ["attachment"]),
        ("Her attachment's pull", ["attachment"]),
        ("a non-attachment stance", ["attachment"]),
        ("reattachment surgery", []),
        ("attachmentless", []),
        ("two attachment styles", ["attachment style"]),
        ("Reassurance loops repeat.", ["reassurance loop"]),
        ("old insecurities", ["insecurity"]),
        ("boxes and more boxes", ["box"]),
        ("She felt anxious.", ["anxious"]),
        ("She waited anxiously; anxiety rose.", []),
        ("a self soothing habit", ["self-soothing"]),
        ("<p>an <b>attachment</b>&nbsp;style</p>", ["attachment style"]),
        ('<a href="/attachment/">a link</a>', []),
    ],
)
def test_terms_are_whole_words_in_any_case_with_plural_endings(text, found):
    assert english_of(GLOSSARY.terms_in(text)) == found


def test_the_longer_term_wins_where_terms_overlap():
    text = "Anxious attachment is one attachment style; attachment itself is universal."
    assert english_of(GLOSSARY.terms_in(text)) == [
        "anxious attachment",
        "attachment style",
        "attachment",
    ]
    # Inside the longer term, neither "anxious" nor "attachment" is counted on its own.
    assert english_of(GLOSSARY.terms_in("an anxious attachment")) == ["anxious attachment"]


def test_terms_are_listed_once_in_the_order_they_first_appear():
    text = "A box, an attachment, another box."
    assert english_of(GLOSSARY.terms_in(text)) == ["box", "attachment"]


def test_no_text_no_terms():
    assert GLOSSARY.terms_in("") == []
    assert GLOSSARY.terms_in(None) == []
    assert Glossary([]).terms_in("attachment") == []


# --- Unused terms ---------------------------------------------------------------------


def test_a_translation_without_the_agreed_chinese_misses_the_term():
    english = "<p>Anxious attachment and attachment style.</p>"
    assert english_of(GLOSSARY.unused_terms(english, "<p>依附焦虑与依恋风格。</p>")) == [
        "anxious attachment"
    ]
    assert GLOSSARY.unused_terms(english, "焦虑型依恋与依恋风格。") == []
    tagged = "<p>焦虑型依恋与依恋<b>风</b>格。</p>"
    assert GLOSSARY.unused_terms(english, tagged) == [], "tags in the Chinese are not its text"


def test_only_a_real_translation_is_checked():
    english = "Attachment matters."
    assert GLOSSARY.unused_terms(english, "") == []
    assert GLOSSARY.unused_terms(english, "   ") == []
    assert GLOSSARY.unused_terms(english, english) == [], "a prepared copy is untranslated"
    assert GLOSSARY.unused_terms(english, None) == []
    assert english_of(GLOSSARY.unused_terms(english, "关系很重要。")) == ["attachment"]


def test_unused_terms_by_segment_names_the_segments():
    segments = [
        segment("title", "Attachment", "依恋"),
        segment("summary", "An attachment style", "一种风格"),
    ]
    found = GLOSSARY.unused_terms_by_segment(segments)
    assert [(segment.key, english_of(terms)) for segment, terms in found] == [
        ("summary", ["attachment style"])
    ]


# --- The stored glossary and its cache -------------------------------------------------


@pytest.mark.django_db
def test_the_seed_terms_exist_after_migrations():
    pairs = set(GlossaryTerm.objects.values_list("english", "chinese"))
    assert {
        ("attachment", "依恋"),
        ("anxious attachment", "焦虑型依恋"),
        ("avoidant attachment", "回避型依恋"),
        ("secure attachment", "安全型依恋"),
        ("reassurance loop", "安慰循环"),
        ("nervous system", "神经系统"),
    } <= pairs
    assert 20 <= len(pairs) <= 40
    dictionary = Path(apps.get_app_config("cms").path) / "search" / "dictionary.txt"
    lines = dictionary.read_text(encoding="utf-8").splitlines()
    domain_words = {line.split()[0] for line in lines if line.strip()}
    # Each term's Chinese is, or is built on, a domain word of the search dictionary.
    assert all(any(word in chinese for word in domain_words) for _english, chinese in pairs)


@pytest.mark.django_db
def test_the_module_functions_use_the_stored_terms():
    assert english_of(terms_in("An anxious attachment style")) == ["anxious attachment"]
    assert english_of(unused_terms("Attachment theory", "依恋的理论")) == ["attachment theory"]


@pytest.mark.django_db
def test_the_glossary_is_read_once_and_forgotten_when_a_term_changes(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_assert_num_queries(1):
        current_glossary()
        current_glossary()
        assert terms_in("wholeheartedness") == []

    term = GlossaryTerm.objects.create(english="wholeheartedness", chinese="全心投入")
    assert english_of(terms_in("Wholeheartedness helps.")) == ["wholeheartedness"]

    term.chinese = "全心全意"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert [t.chinese for t in terms_in("wholeheartedness")] == ["全心全意"]

    term.delete()
    assert terms_in("wholeheartedness") == []


@pytest.mark.django_db
def test_seventy_segments_are_checked_with_one_query(django_assert_num_queries):
    segments = [segment(f"body.{n}", "Attachment style and trauma", "依恋风格") for n in range(70)]
    with django_assert_num_queries(1):
        found = unused_terms_by_segment(segments)
    assert len(found) == 70
    assert all(english_of(terms) == ["trauma"] for _segment, terms in found)


# --- The warning on a guide ------------------------------------------------------------


def guide_with_attachment():
    """A demo guide with a text inside a block whose only glossary term is "attachment",
    translated with 依恋; and that text's path, block type and leaf."""
    from cms.streams import is_text, leaves, raw_items

    glossary = current_glossary()
    for guide in GuidePage.objects.order_by("number"):
        block = guide._meta.get_field("body").stream_block
        for leaf in leaves(block, raw_items(guide.body_en), raw_items(guide.body_zh_hans)):
            if (
                is_text(leaf.block)
                and leaf.path.count("[") > 1  # a place inside a block, e.g. a step
                and english_of(glossary.terms_in(leaf.value)) == ["attachment"]
                and "依恋" in (leaf.counterpart or "")
            ):
                return guide, f"body{leaf.path}", leaf.trail[0][1].name, leaf
    raise AssertionError("no demo guide has such a text")


def replace_chinese(guide, leaf, text):
    """Write `text` as the Chinese of `leaf` (matched by its key, as the editor saves)."""
    from cms.i18n.segments import set_targets

    assert set_targets(guide, {f"body.{leaf.key}": text}) == []
    guide.save()
    return GuidePage.objects.get(pk=guide.pk)


@pytest.mark.django_db
def test_a_guide_whose_chinese_misses_an_agreed_term_is_warned_about_it(demo_site):
    guide, path, block_type, leaf = guide_with_attachment()
    assert not [w for w in glossary_warnings(guide) if w.path == path]

    guide = replace_chinese(guide, leaf, leaf.counterpart.replace("依恋", "依附"))

    warnings = [w for w in content_warnings_for(guide, "zh-hans") if w.code == "glossary_term"]
    place = field_label(path, block_type)
    assert place.startswith("Block ")
    message = f"{place}: “attachment” is “依恋” in the glossary; the Chinese does not use it."
    assert [w.message for w in warnings if w.path == path] == [message]
    assert not [w for w in content_warnings_for(guide, "en") if w.code == "glossary_term"]
    by_language = {str(name): found for name, found in warnings_by_language(guide)}
    assert message in [w.message for w in by_language["Simplified Chinese"]]


@pytest.mark.django_db
def test_the_guide_editor_shows_the_warning(demo_site, admin_client):
    guide = GuidePage.objects.order_by("number").first()
    guide.subtitle_zh_hans = "关于依恋的一篇指南"
    guide.subtitle_en = "A guide to anxious attachment"
    guide.save_revision()  # the Chinese is written for this English (cms.i18n.status)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))

    assert response.status_code == 200
    expected = "Subtitle: “anxious attachment” is “焦虑型依恋” in the glossary"
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_untranslated_chinese_is_not_warned_about(demo_site):
    guide, path, _block_type, leaf = guide_with_attachment()
    guide = replace_chinese(guide, leaf, leaf.value)  # a prepared copy of the English
    assert not [w for w in glossary_warnings(guide) if w.path == path]


@pytest.mark.django_db
def test_glossary_warnings_read_the_glossary_once_and_one_status_per_guide(
    demo_site, django_assert_num_queries
):
    guides = list(GuidePage.objects.order_by("number"))
    with django_assert_num_queries(1 + len(guides)):
        for guide in guides:
            glossary_warnings(guide)


# --- The glossary in the admin ---------------------------------------------------------


XHR = {"headers": {"x-requested-with": "XMLHttpRequest"}}
DENIED = "Sorry, you do not have permission to access this area."


def url(action, *args):
    return reverse(GlossaryTerm.snippet_viewset.get_url_name(action), args=args)


def term_data(english="wholeheartedness", chinese="全心投入", note=""):
    return {"english": english, "chinese": chinese, "note": note}


@pytest.mark.django_db
def test_a_translation_reviewer_adds_edits_and_deletes_terms(translation_reviewer, login):
    client = login(translation_reviewer)

    assert client.get(url("add")).status_code == 200
    response = client.post(url("add"), term_data())
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(english="wholeheartedness")
    assert english_of(terms_in("Wholeheartedness")) == ["wholeheartedness"]

    response = client.post(url("edit", term.pk), term_data(chinese="全心全意", note="Brené Brown."))
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.chinese, term.note) == ("全心全意", "Brené Brown.")

    assert client.post(url("delete", term.pk)).status_code == 302
    assert not GlossaryTerm.objects.filter(pk=term.pk).exists()
    assert terms_in("Wholeheartedness") == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["translator", "editor", "reviewer"])
def test_other_roles_read_the_glossary_but_cannot_change_it(request, role, login):
    client = login(request.getfixturevalue(role))
    term = GlossaryTerm.objects.get(english="attachment")

    listing = client.get(url("list"))
    assert listing.status_code == 200
    assert "依恋" in listing.content.decode()
    assert client.get(url("inspect", term.pk)).status_code == 200

    attempts = [
        ("get", url("add"), None),
        ("post", url("add"), term_data()),
        ("get", url("edit", term.pk), None),
        ("post", url("edit", term.pk), term_data(english="attachment", chinese="依附")),
        ("get", url("delete", term.pk), None),
        ("post", url("delete", term.pk), None),
    ]
    for method, address, data in attempts:
        # Wagtail answers a script 403 and sends a browser to the dashboard, saying why.
        assert getattr(client, method)(address, data, **XHR).status_code == 403
        response = getattr(client, method)(address, data, follow=True)
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert DENIED in [str(message).strip() for message in response.context["messages"]]
    term.refresh_from_db()
    assert term.chinese == "依恋"
    assert not GlossaryTerm.objects.filter(english="wholeheartedness").exists()


@pytest.mark.django_db
def test_the_glossary_list_searches_both_languages(translator, login):
    client = login(translator)
    by_chinese = client.get(url("list"), {"q": "神经"}).content.decode()
    assert "nervous system" in by_chinese
    assert "neuroplasticity" in by_chinese
    assert "trauma" not in by_chinese
    by_english = client.get(url("list"), {"q": "trauma"}).content.decode()
    assert "创伤" in by_english
    assert "神经系统" not in by_english


@pytest.mark.django_db
def test_the_glossary_is_in_the_menu_for_those_who_may_read_it(translator, login):
    assert url("list") in login(translator).get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    term = GlossaryTerm.objects.get(english="attachment")
    for response in (
        client.get(url("list")),
        client.get(url("add")),
        client.post(url("add"), term_data()),
        client.post(url("edit", term.pk), term_data(english="attachment")),
        client.post(url("delete", term.pk)),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
    assert GlossaryTerm.objects.filter(pk=term.pk, chinese="依恋").exists()


@pytest.mark.django_db
def test_the_migration_grants_the_glossary_permissions():
    from django.contrib.auth.models import Group

    from cms.workflow import roles

    def codenames(name):
        group = Group.objects.get(name=name)
        return set(
            group.permissions.filter(codename__endswith="_glossaryterm").values_list(
                "codename", flat=True
            )
        )

    assert codenames(roles.TRANSLATION_REVIEWERS) == {
        "add_glossaryterm",
        "change_glossaryterm",
        "delete_glossaryterm",
        "view_glossaryterm",
    }
    for name in (roles.TRANSLATORS, roles.EDITORS, roles.REVIEWERS):
        assert codenames(name) == {"view_glossaryterm"}


@pytest.mark.django_db
def test_installing_again_restores_the_seed_and_keeps_edits():
    """What tests/conftest.py re-runs after a transactional test flushed the tables."""
    from importlib import import_module

    GlossaryTerm.objects.filter(english="attachment").update(chinese="依恋（编辑过）")
    GlossaryTerm.objects.filter(english="trauma").delete()
    import_module(SEED).install(apps, None)
    assert GlossaryTerm.objects.get(english="attachment").chinese == "依恋（编辑过）"
    assert GlossaryTerm.objects.get(english="trauma").chinese == "创伤"


@pytest.mark.django_db
def test_outdated_chinese_is_not_warned_about(demo_site):
    """An English rewrite leaves the Chinese written for the old English: it is to be
    translated again (outdated), not checked against the new English's terms."""
    guide = GuidePage.objects.order_by("number").first()
    guide.subtitle_zh_hans = "关于依附的一篇指南"  # not the glossary's 依恋
    guide.subtitle_en = "A guide to attachment"
    guide.save_revision()
    assert [w.path for w in glossary_warnings(guide)] == ["subtitle"]
    guide.subtitle_en = "A guide to anxious attachment"  # the English moves on
    guide.save_revision()
    assert "subtitle" not in [w.path for w in glossary_warnings(guide)]
