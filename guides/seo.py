"""What makes a guide findable: its search title and description, canonical and hreflang
addresses on the public front end, Open Graph data and schema.org JSON-LD (API v1 detail).

A Chinese request for a guide with no approved Chinese gets the English page's data: that is
what it shows, and its canonical address is the English one.
"""

import html
import re
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils.html import strip_tags
from wagtail.images import get_image_model

from cms.i18n.locales import HTML_LANGS, LOCALES, SOURCE, field_name
from cms.images import OG_IMAGE_FILTER
from cms.pages import front_end_paths
from cms.sitemaps import has_locale, public_url

DESCRIPTION_LENGTH = 160
OG_LOCALES = {"en": "en_US", "zh-hans": "zh_CN"}
SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？]")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def og_image_subquery():
    """The hero image's Open Graph rendition ({file, width, height}) as a subquery, so that
    the detail query reads it without one of its own."""
    renditions = get_image_model().get_rendition_model().objects
    return Subquery(
        renditions.filter(image=OuterRef("hero_image"), filter_spec=OG_IMAGE_FILTER)
        .order_by("-pk")
        .values(data=JSONObject(file="file", width="width", height="height"))[:1],
        output_field=JSONField(),
    )


def trim(text, limit=DESCRIPTION_LENGTH):
    """`text` on one line, cut to at most `limit` characters at the end of a sentence, or of a
    word with an ellipsis (Chinese, without spaces, at any character)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    ends = [match.end() for match in SENTENCE_END.finditer(text[:limit])]
    if ends and ends[-1] >= limit // 2:
        return text[: ends[-1]]
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space >= limit // 2 else head).rstrip(" ,;:") + "…"


def plain_text(rich):
    return " ".join(html.unescape(strip_tags(BLOCK_END.sub(" ", rich or ""))).split())


def absolute(url):
    """Media URLs are the CMS's own: absolute from WAGTAILADMIN_BASE_URL."""
    return urljoin(f"{settings.WAGTAILADMIN_BASE_URL}/", url)


def og_image(page):
    """{url, width, height} of the hero image's Open Graph rendition, if it has been made
    (cms.images: a reader's request never makes one)."""
    if page.hero_image_id is None:
        return None
    if hasattr(page, "og_image"):  # annotated by the API's detail query
        stored = page.og_image
    else:  # a preview
        rendition = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(image_id=page.hero_image_id, filter_spec=OG_IMAGE_FILTER)
            .order_by("-pk")
            .first()
        )
        stored = rendition and {
            "file": rendition.file.name,
            "width": rendition.width,
            "height": rendition.height,
        }
    if not stored:
        return None
    storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    return {
        "url": absolute(storage.url(stored["file"])),
        "width": stored["width"],
        "height": stored["height"],
    }


def guide_seo(page, data, locale):
    """The `seo` object of the guide `page`, whose API detail in `locale` is `data`."""
    if not has_locale(page, locale):
        locale = SOURCE
    paths = front_end_paths(page)
    urls = {code: public_url(paths[code], code) for code in LOCALES if has_locale(page, code)}
    canonical = urls[locale]
    title = getattr(page, field_name("seo_title", locale), "") or data["title"]
    description = getattr(page, field_name("search_description", locale), "") or trim(
        data["summary"]
    )
    image = og_image(page)
    open_graph = {
        "title": title,
        "description": description,
        "type": "article",
        "locale": OG_LOCALES[locale],
        "url": canonical,
    }
    if image:
        open_graph["image"] = image
    return {
        "title": title,
        "description": description,
        "canonical": canonical,
        "alternates": [
            *({"hreflang": HTML_LANGS[code], "href": url} for code, url in urls.items()),
            {"hreflang": "x-default", "href": urls[SOURCE]},
        ],
        "open_graph": open_graph,
        "json_ld": json_ld(page, data, locale, canonical, description, image),
    }


def json_ld(page, data, locale, canonical, description, image):
    organisation = {"@type": "Organization", "name": str(settings.WAGTAIL_SITE_NAME)}
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": data["title"],
        "description": description,
        "inLanguage": HTML_LANGS[locale],
        "datePublished": page.first_published_at and page.first_published_at.isoformat(),
        "dateModified": page.last_published_at and page.last_published_at.isoformat(),
        "author": organisation,
        "publisher": organisation,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
    }
    if image:
        article["image"] = image["url"]
    items = [article]
    faqs = [faq for faq in data["faqs"] if faq.get("question")]
    if faqs:
        items.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "inLanguage": HTML_LANGS[locale],
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": faq["question"],
                        "acceptedAnswer": {"@type": "Answer", "text": plain_text(faq["answer"])},
                    }
                    for faq in faqs
                ],
            }
        )
    return items
