"""The one rich-text representation of the APIs: stored HTML with internal links made real.

`<a linktype="page" id="…">` becomes `<a href="/front-end/path/">` in the requested language,
resolved for every link of a whole page in one query. A link to a page that is not live and
public keeps its text and loses its link. Anything else Wagtail stores (documents, embeds) goes
through Wagtail's own rewriter.
"""

import re

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.pages import front_end_path, public_live

PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>", re.IGNORECASE)
PAGE_ID = re.compile(r"\bid=\"(\d+)\"")
OTHER_REFERENCES = re.compile(r"\blinktype=|<embed\b", re.IGNORECASE)


def _page_paths(page_ids, locale):
    rows = public_live(Page.objects.filter(pk__in=page_ids)).values_list(
        "pk", "url_path_zh_hans", "url_path_en"
    )
    if locale == "zh-hans":
        return {pk: front_end_path(chinese or english) for pk, chinese, english in rows}
    return {pk: front_end_path(english) for pk, _chinese, english in rows}


def expand_many(htmls, locale="en"):
    """Expand a list of stored rich-text values; all their page links cost one query."""
    htmls = [html or "" for html in htmls]
    page_ids = {
        int(match.group(1))
        for html in htmls
        for tag in PAGE_LINK.findall(html)
        if (match := PAGE_ID.search(tag))
    }
    paths = _page_paths(page_ids, locale) if page_ids else {}

    def link(tag_match):
        found = PAGE_ID.search(tag_match.group(0))
        path = paths.get(int(found.group(1))) if found else None
        return f'<a href="{escape(path)}">' if path else "<a>"

    expanded = []
    for html in htmls:
        html = PAGE_LINK.sub(link, html)
        expanded.append(expand_db_html(html) if OTHER_REFERENCES.search(html) else html)
    return expanded


def expand_rich_text(html, locale="en"):
    return expand_many([html], locale)[0]
