"""Demo home page, shared by the demo-data command and the tests."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage

HOME_CONTENT = {
    "title_en": "Relationship Guides",
    "title_zh_hans": "关系指南",
    "heading_en": "Understand your patterns, talk with care",
    "heading_zh_hans": "看见自己的模式，用心沟通",
    "introduction_en": (
        "<p>Practical, research-informed guides on attachment, conflict and everyday "
        "communication, written for couples and for the people who support them.</p>"
    ),
    "introduction_zh_hans": (
        "<p>关于依恋、冲突与日常沟通的实用指南，以研究为依据，写给伴侣，也写给支持他们的人。</p>"
    ),
}


@transaction.atomic
def load_home_page():
    """Create the home page and make it the default site's root. Returns (page, created)."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False

    root = Page.get_first_root_node()
    home = HomePage(slug="home", slug_en="home", slug_zh_hans="home", **HOME_CONTENT)
    root.add_child(instance=home)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    previous_root = site.root_page.specific if site else None
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.site_name = "Relationship Guides"
        site.save()
    # Wagtail's migration leaves a placeholder "Welcome" page; it is not part of this site.
    if previous_root is not None and type(previous_root) is Page and previous_root.depth == 2:
        previous_root.delete()
    return home, True
