"""Script in rich text never survives the admin editor, the saved revision, or the APIs.

Modelled on Wagtail's rich-text XSS advisories (e.g. CVE-2023-45809-style javascript: links,
CVE-2021-29434 URL fields, CVE-2024-39317 editor input).
"""

import json

import pytest

from guides.models import GuideIndexPage, GuidePage
from tests.admin_post import edit_form_data

pytestmark = pytest.mark.django_db

PAYLOAD = "6lXyY2hlY2s"  # base64 noise
HOSTILE_HTML = [
    '<p><a href="javascript:alert(1)">click</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">click</a></p>',
    '<p><a href=" javascript:alert(1)">click</a></p>',
    '<p><a href="java&#x09;script:alert(1)">click</a></p>',
    f'<p><a href="data:text/html;base64,{PAYLOAD}">click</a></p>',
    '<p><a href="vbscript:msgbox(1)">click</a></p>',
    "<p>text<img src=x onerror=alert(1)></p>",
    '<p onclick="alert(1)">click me</p>',
    '<p><a href="https://example.com/" onclick="alert(1)">click</a></p>',
    "<p><script>alert(1)</script>text</p>",
    '<p><iframe src="https://evil.example/"></iframe>text</p>',
    '<p><svg onload="alert(1)"></svg>text</p>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
]
# What must not be in anything stored or served (lower-cased).
FORBIDDEN = [
    "javascript:",
    "vbscript:",
    "data:text/html",
    PAYLOAD.lower(),
    "onerror",
    "onclick",
    "onload",
    "<script",
    "<iframe",
    "<svg",
    "<img",
    "style=",
    "alert(1)</script",
]
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "  javascript:alert(1)",
    f"data:text/html;base64,{PAYLOAD}",
    "vbscript:msgbox(1)",
]


def contentstate_link(url):
    """What Draftail submits for a paragraph holding one external link."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "click <img src=x onerror=alert(1)>",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                    "data": {"onclick": "alert(1)"},
                }
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": url, "onclick": "alert(1)"},
                }
            },
        }
    )


def assert_clean(text, allow_escaped=False):
    lowered = text.lower()
    if allow_escaped:  # typed text, shown as text: escaped, so never markup
        for escaped in ("&lt;img src=x onerror=alert(1)&gt;", "\\u003cimg"):
            lowered = lowered.replace(escaped, "")
        lowered = lowered.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    for needle in FORBIDDEN:
        assert needle not in lowered, (needle, lowered[max(lowered.find(needle) - 150, 0) :][:300])


def post_and_publish(client, user, page, **changes):
    data = {**edit_form_data(page, user, **changes), "action-publish": "1"}
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def api_texts(client, page):
    requests = [(f"/api/v2/pages/{page.pk}/", {}), ("/api/v2/pages/", {"fields": "*"})]
    if isinstance(page, GuidePage):
        requests.append((f"/api/v1/guides/{page.slug_en}/", {"locale": None}))
    requests.append(("/api/v1/guides/", {"locale": None}))
    texts = []
    for url, params in requests:
        for locale in ("en", "zh-hans"):
            query = {key: value or locale for key, value in params.items()}
            response = client.get(url, query, HTTP_ACCEPT_LANGUAGE=locale)
            assert response.status_code == 200, (url, response.content[:200])
            texts.append(response.content.decode())
    return texts


def stored_texts(page):
    page = type(page).objects.get(pk=page.pk)
    revision = page.get_latest_revision()
    return [json.dumps(revision.content), json.dumps(page.introduction_en)]


@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_raw_html_posted_to_the_editor_is_saved_cleaned(demo_site, admin_client, admin_user, html):
    """HTML posted where Draftail sends JSON (a script, an old form) is cleaned, then saved."""
    index = GuideIndexPage.objects.get()
    response = post_and_publish(admin_client, admin_user, index, introduction_en=html)
    assert response.status_code == 302, response.content[:500]
    index = GuideIndexPage.objects.get(pk=index.pk)
    assert index.live_revision_id == index.latest_revision_id  # it was published
    assert any(word in index.introduction_en for word in ("click", "text", "styled"))
    for text in stored_texts(index):
        assert_clean(text)
    for text in api_texts(admin_client, index):
        assert_clean(text)


@pytest.mark.parametrize("posted", ["123", "[]", '"text"', '{"blocks": 5}', "{not json"])
def test_json_that_is_not_contentstate_is_saved_as_text_not_a_500(
    demo_site, admin_client, admin_user, posted
):
    index = GuideIndexPage.objects.get()
    admin_client.raise_request_exception = False
    response = post_and_publish(admin_client, admin_user, index, introduction_en=posted)
    assert response.status_code == 302, response.content[:500]
    index = GuideIndexPage.objects.get(pk=index.pk)
    assert index.live_revision_id == index.latest_revision_id
    assert "<script" not in index.introduction_en


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_link_urls_with_script_schemes_do_not_survive(demo_site, admin_client, admin_user, url):
    index = GuideIndexPage.objects.get()
    response = post_and_publish(
        admin_client, admin_user, index, introduction_en=contentstate_link(url)
    )
    assert response.status_code == 302, response.content[:500]
    index = GuideIndexPage.objects.get(pk=index.pk)
    assert index.live_revision_id == index.latest_revision_id  # it was published
    assert "click" in index.introduction_en
    for text in stored_texts(index):
        assert_clean(text, allow_escaped=True)
    for text in api_texts(admin_client, index):
        assert_clean(text, allow_escaped=True)


@pytest.mark.parametrize("url", HOSTILE_URLS[:2] + HOSTILE_URLS[3:4])
def test_guide_body_rich_text_is_cleaned_too(demo_site, admin_client, admin_user, url):
    guide = GuidePage.objects.order_by("number").first()
    data = edit_form_data(guide, admin_user)
    field = next(
        name for name, value in data.items() if name.startswith("body_en-") and "blocks" in value
    )
    data[field] = contentstate_link(url)
    data["action-publish"] = "1"
    data["acknowledge_warnings"] = "A one-word narrative is what this test needs."
    response = admin_client.post(f"/admin/pages/{guide.pk}/edit/", data)
    assert response.status_code == 302, response.content[:500]
    guide = GuidePage.objects.get(pk=guide.pk)
    assert guide.live_revision_id == guide.latest_revision_id
    assert "click" in json.dumps(guide.get_latest_revision().content)
    assert_clean(json.dumps(guide.get_latest_revision().content), allow_escaped=True)
    for text in api_texts(admin_client, guide):
        assert_clean(text, allow_escaped=True)
