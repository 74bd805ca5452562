"""The one rich-text representation used by every API: Wagtail's stored HTML, expanded.

`<a linktype="page" id=…>` becomes a real link and `<embed embedtype="image" …>` a real image.
Wagtail's rewriter resolves every link of one kind in a single query, so expanding a value costs
one query per kind of link it contains, however many links there are.
"""

from wagtail.rich_text import expand_db_html


def expand_rich_text(html):
    if not html:
        return ""
    return expand_db_html(str(html))
