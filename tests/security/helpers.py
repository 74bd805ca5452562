"""Shared pieces of the security tests: hidden content, and what must never be served."""

import json

from wagtail.models import Page, PageViewRestriction

from guides.demo.loader import build_guide, load_snippets, read_demo_data
from guides.models import GuideIndexPage, GuidePage

MARKER = "zqxsecret"  # in every draft or private text; never in a public response
LOCALES = ["en", "zh-hans"]
INTERNAL_KEYS = {
    "owner",
    "locked_by",
    "locked",
    "locked_at",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "draft_title",
    "has_unpublished_changes",
    "content_type",
}


def link_to(page, text="read more"):
    return f'<p>See also <a linktype="page" id="{page.pk}">{text}</a>.</p>'


def add_to_first_rich_text(raw, html):
    """Append `html` to the first rich-text value (the scenario narrative) of a guide body."""
    raw = json.loads(json.dumps(list(raw)))
    raw[0]["value"]["narrative"] += html
    return raw


def make_hidden_content(publish):
    """A draft-only guide, a live guide with a secret newer draft, and two private guides.

    Published rich text (the guide index introduction and the live guide's body) links to the
    draft-only and the private pages. Returns a dict describing it all.
    """
    live, private_login, private_password = GuidePage.objects.order_by("number")
    index = GuideIndexPage.objects.get()

    data = read_demo_data()
    series, cta, faqs = load_snippets(data)
    draft_only = build_guide(
        {
            **data["guides"][0],
            "number": 999,
            "slug": {"en": f"{MARKER}-draft-only", "zh_hans": f"{MARKER}-cao-gao"},
            "title": {"en": f"{MARKER} draft-only title", "zh_hans": f"{MARKER} 草稿标题"},
            "summary": {"en": f"{MARKER} draft summary.", "zh_hans": f"{MARKER} 草稿摘要。"},
        },
        series,
        cta,
        faqs,
    )
    draft_only.live = False
    index.add_child(instance=draft_only)
    draft_only.save_revision()

    for page, kind in ((private_login, "login"), (private_password, "password")):
        page = page.get_latest_revision_as_object()
        page.title_en = f"{MARKER} private {kind} title"
        page.title_zh_hans = f"{MARKER} 私密 {kind}"
        page.summary_en = f"{MARKER} private {kind} summary."
        page.summary_zh_hans = f"{MARKER} 私密摘要。"
        publish(page)
        PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="pw" if kind == "password" else ""
        )

    links = link_to(draft_only) + link_to(private_login) + link_to(private_password)
    index = index.get_latest_revision_as_object()
    index.introduction_en = f"<p>Guides.</p>{links}"
    index.introduction_zh_hans = f"<p>指南。</p>{links}"
    publish(index)

    live = live.get_latest_revision_as_object()
    live.body_en = add_to_first_rich_text(live.body_en.raw_data, links)
    live.body_zh_hans = add_to_first_rich_text(live.body_zh_hans.raw_data, links)
    publish(live)
    live_title = {"en": live.title_en, "zh-hans": live.title_zh_hans}

    draft = GuidePage.objects.get(pk=live.pk).get_latest_revision_as_object()
    draft.title_en = f"{MARKER} newer draft title"
    draft.title_zh_hans = f"{MARKER} 更新的草稿标题"
    draft.summary_en = f"{MARKER} newer draft summary."
    draft.summary_zh_hans = f"{MARKER} 更新的草稿摘要。"
    draft.save_revision()

    from cms.caching.version import bump_content_version

    bump_content_version()
    hidden = [draft_only, private_login, private_password]
    return {
        "live": GuidePage.objects.get(pk=live.pk),
        "live_title": live_title,
        "hidden": [GuidePage.objects.get(pk=page.pk) for page in hidden],
        "index": index,
        "home": Page.objects.get(pk=index.get_parent().pk),
    }


def _around(body, needle):
    at = body.find(needle)
    return body[max(at - 200, 0) : at + 200]


def assert_nothing_hidden(response, content, echoed=()):
    """No marker, no hidden page's slug, path or id-link in a public response.

    `echoed` are strings the request itself sent, which an error message may repeat.
    """
    assert response.status_code < 500, response.content[:300]
    body = response.content.decode()
    for text in echoed:
        body = body.replace(str(text), "")
    assert MARKER not in body.lower(), _around(body.lower(), MARKER)
    for page in content["hidden"]:
        for slug in (page.slug_en, page.slug_zh_hans):
            assert f"/{slug}/" not in body, _around(body, slug)
        assert f'id="{page.pk}"' not in body, _around(body, f'id="{page.pk}"')
        assert f'id=\\"{page.pk}\\"' not in body, _around(body, f'id=\\"{page.pk}')
        assert f"/api/v2/pages/{page.pk}/" not in body
