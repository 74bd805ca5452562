"""The wiki-export parser: the problem scenario, case examples and spotlights, key insights,
copy phrases, FAQs and references."""

from guides.importer.parser import parse_article
from tests.guides.test_import_parser import FOOTER, HEADER, only, values


def test_case_example_paragraph_roles_and_spotlight_kinds():
    text = (
        HEADER + "IV. Case Examples\n\n"
        "### Example 1: Learning to Pause\n\n"
        "Mei Lin had a habit of replying to every message at once.\n\n"
        "Approach: Short pauses before replying.\n\n"
        "She practised waiting ten minutes first.\n\n"
        "She then tried waiting half an hour.\n\n"
        "After a month she felt calmer.\n\n"
        "### The Strange Situation Study\n\n"
        "A laboratory procedure observing infants.\n\n"
        "### Bowlby's Early Work\n\n"
        "Notes on early work.\n\n"
        "### Attachment Basics\n\n"
        "A plain theory heading.\n" + FOOTER
    )
    article = parse_article(text, "en")
    case = only(article, "case_example")
    assert case == {
        "title": "Learning to Pause",
        "person": "Mei Lin",
        "presenting_pattern": "Mei Lin had a habit of replying to every message at once.",
        "approach": "Short pauses before replying.",
        "process": (
            "She practised waiting ten minutes first.\n\nShe then tried waiting half an hour."
        ),
        "outcome": "After a month she felt calmer.",
    }
    spotlights = values(article, "spotlight")
    assert [(s["kind"], s["subject"]) for s in spotlights] == [
        ("study", ""),
        ("researcher", "Bowlby"),
        ("theory", ""),
    ]
    assert spotlights[0]["title"] == "The Strange Situation Study"


def test_chinese_persona_forms():
    for sentence, expected in [
        ("刘敏是一位35岁的咨询师，她说：“我知道。”", {"name": "刘敏", "age": 35, "role": "咨询师"}),
        ("王强，42岁，是一名工程师。他说「还好」。", {"name": "王强", "age": 42, "role": "工程师"}),
    ]:
        text = "关系沟通百科\n\n系列-3：标题\n\n摘要。\n\n一、问题场景\n\n" + sentence + "\n"
        article = parse_article(text, "zh-hans")
        scenario = only(article, "scenario")
        assert scenario["persona"] == expected
        assert scenario["quote"] in {"我知道。", "还好"}


def test_scenario_without_persona_and_html_escaping():
    text = HEADER + "I. Problem Scenario\n\nCouples argue about <money> & time.\n" + FOOTER
    article = parse_article(text, "en")
    scenario = only(article, "scenario")
    assert scenario["persona"] == {"name": "", "age": None, "role": ""}
    assert scenario["quote"] == ""
    assert scenario["narrative"] == "<p>Couples argue about &lt;money&gt; &amp; time.</p>"
    assert any("no persona sentence" in note for note in article.notes)


def test_references_with_years_and_fallback():
    with_years = (
        HEADER + "---\n\n*This article draws on attachment research (Main, 1985; Hesse 1999).*"
    )
    items = only(parse_article(with_years + FOOTER, "en"), "references")["items"]
    assert items == [
        {"author": "Main", "year": 1985, "work": "attachment research", "url": ""},
        {"author": "Hesse", "year": 1999, "work": "attachment research", "url": ""},
    ]
    unparsed = parse_article(HEADER + "---\n\n*Based on years of practice.*" + FOOTER, "en")
    assert only(unparsed, "references")["items"] == [
        {"author": "", "year": None, "work": "Based on years of practice.", "url": ""}
    ]
    assert any("no 'topic (Author)' groups" in note for note in unparsed.notes)


def test_copy_phrases_faqs_and_key_insight_variants():
    text = (
        HEADER + "Summary\n\nA short intro.\n\n**Key Insights:**\n"
        "1. First insight.\n2. Second insight.\n\n"
        "Phrases you can copy directly\n\n"
        "When you need a break\n\n"
        "“Can we pause for twenty minutes and come back to this?”,\n\n"
        "FAQ\n\n"
        "Is this normal？\n\n"
        "Yes, it is common.\n\n"
        "It also gets easier.\n" + FOOTER
    )
    article = parse_article(text, "en")
    insights = only(article, "key_insights")
    assert insights["insights"] == ["First insight.", "Second insight."]
    assert insights["intro"] == "A short intro." and insights["closing"] == ""
    assert only(article, "copy_phrase") == {
        "phrase": "Can we pause for twenty minutes and come back to this?",
        "situation": "When you need a break",
    }
    faq = only(article, "faq")
    assert faq == {
        "question": "Is this normal？",
        "answer": "<p>Yes, it is common.</p><p>It also gets easier.</p>",
    }
