"""Turn a guide's row into the JSON-ready values of the guides API.

Everything is built from raw StreamField data, never block by block from the database: reusable
FAQs are fetched in one query and every rich text of the page is expanded in one call, so the
cost of a guide does not grow with its number of blocks. In Chinese, each text is the live
Chinese laid over its English by id (cms.streams), or the English, listed in `meta.fallback`;
Chinese written for an older English is listed in `meta.outdated`.
"""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.i18n.locales import SOURCE, LocaleView, suffix
from cms.images import images_with_renditions, picture, referenced_images
from cms.pages import front_end_path
from cms.rich_text import expand_many
from cms.streams import item_value, raw_items
from guides.blocks import GuideBodyBlock
from guides.models import FAQ
from guides.outline import guide_outline
from guides.seo import guide_seo

BODY_BLOCK = GuideBodyBlock()


class _RichText:
    """Stored rich text waiting to be expanded with every other one of the page."""

    __slots__ = ("html",)

    def __init__(self, html):
        self.html = html or ""


class _FAQRef:
    """A reusable FAQ waiting to be fetched with every other one of the page."""

    __slots__ = ("faq_id", "path")

    def __init__(self, faq_id, path):
        self.faq_id = faq_id
        self.path = path


class _ImageRef:
    """A chosen image waiting to be fetched, with its renditions, with every other one."""

    __slots__ = ("image_id",)

    def __init__(self, image_id):
        self.image_id = image_id


class GuideRepresentation:
    """Builds one guide (or a list of guides) as a reader of one locale sees it
    (cms.i18n.locales.LocaleView), with every rich text and reusable FAQ resolved in bulk."""

    def __init__(self, locale):
        self.locale = locale
        self.suffix = suffix(locale)
        self.view = LocaleView(locale)
        self.pending = []  # (container, key, placeholder) to fill in once, in bulk
        self.body_images = None

    def text(self, obj, name, path=None):
        return self.view.text(obj, name, path)

    def summary(self, page):
        series = live_or_none(page.series)
        return {
            "id": page.pk,
            "slug": self.text(page, "slug"),
            "title": self.text(page, "title", "title"),
            "subtitle": self.text(page, "subtitle", "subtitle"),
            "summary": self.text(page, "summary", "summary"),
            "series": series
            and {"code": series.code, "slug": series.slug, "name": self.text(series, "name")},
            "number": page.number,
            "topics": topics_of(page, self.suffix),
            "reading_time": getattr(page, f"reading_time_{self.suffix}") or page.reading_time_en,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "path": front_end_path(self.text(page, "url_path")),
            "available_locales": available_locales(page),
            "translation_state": listing_translation_state(page, self.locale),
        }

    def detail(self, page, revision_id=None):
        self.view, self.pending = LocaleView(self.locale, live_sources(page)), []
        self.body_images = getattr(page, "body_images", None)  # read by the detail query
        data = self.summary(page)
        raw = self.raw_body(page)
        body = self.body(raw)
        self.resolve_pending()
        faqs, references = [], []
        for block in body:
            if block["type"] == "faq":
                faqs.append({"id": None, **block["value"]})
            elif block["type"] == "faq_snippet" and block["value"]["faq"] is not None:
                faqs.append(block["value"]["faq"])
            elif block["type"] == "references":
                references.extend(block["value"]["items"])
        data.update(
            {
                "hero_image": self.hero_image(page),
                "body": body,
                "outline": self.outline(body, raw),
                "faqs": faqs,
                "references": references,
                "quiz_cta": self.quiz_cta(live_or_none(page.quiz_cta)),
                "expert_reviewer": page.expert_reviewer,
                "last_reviewed": page.last_reviewed,
            }
        )
        data["seo"] = guide_seo(page, data, self.locale)
        state = self.view.state(translated=has_chinese(page))
        data["translation_state"] = state
        data["meta"] = {
            "revision_id": revision_id if revision_id is not None else page.live_revision_id,
            "last_published_at": page.last_published_at,
            "locale": self.locale,
            "fallback": list(self.view.fallback),
            "outdated": list(self.view.outdated),
            "translation_state": state,
        }
        return data

    def hero_image(self, page):
        """The hero image with the renditions that exist (read with the detail query)."""
        image = page.hero_image
        if image is None:
            return None
        if hasattr(page, "hero_renditions"):
            renditions = page.hero_renditions
        else:  # a preview: its revision was not read with the detail query
            renditions = images_with_renditions([image.pk])[image.pk].rendition_list
        # Images are not translated: the title is English alt text, so a Chinese reader gets
        # the hero as decoration (alt="", beside the guide's title) rather than English.
        return picture(image, renditions, image.title if self.view.in_english else "")

    def outline(self, body, raw):
        """The guide's outline. Its titles are copies of the body's: English among them is
        listed at its place in the body, and the whole outline when the whole body is."""
        if "body" in self.view.fallback:
            self.view.fallback.append("outline")
        return guide_outline(body, raw, self.locale)

    def quiz_cta(self, cta):
        if cta is None:
            return None
        fields = ("heading", "text", "button_label", "quiz_url", "closing_heading", "closing_text")
        return {name: self.text(cta, name, f"quiz_cta.{name}") for name in fields}

    # Body

    def raw_body(self, page):
        raw = raw_items(page.body_en)
        if not self.view.in_english:  # (an English request does not load the Chinese body)
            raw = self.view.stream(BODY_BLOCK, raw, raw_items(page.body_zh_hans), "body")
        return raw

    def body(self, raw):
        return [
            {
                "type": item["type"],
                "id": item["id"],
                "value": self.to_api(
                    BODY_BLOCK.child_blocks[item["type"]], item["value"], f"body[{index}]"
                ),
            }
            for index, item in enumerate(raw)
            if item.get("type") in BODY_BLOCK.child_blocks
        ]

    def defer(self, container, key, value):
        container[key] = value
        if isinstance(value, _RichText | _FAQRef | _ImageRef):
            self.pending.append((container, key, value))

    def to_api(self, block, raw, path):
        if isinstance(block, blocks.StructBlock):
            raw = raw if isinstance(raw, dict) else {}
            result = {}
            for name, child in block.child_blocks.items():
                self.defer(result, name, self.to_api(child, raw.get(name), f"{path}.{name}"))
            return result
        if isinstance(block, blocks.ListBlock):
            items = raw if isinstance(raw, list) else []
            result = [None] * len(items)
            for index, item in enumerate(items):
                value = self.to_api(block.child_block, item_value(item), f"{path}[{index}]")
                self.defer(result, index, value)
            return result
        if isinstance(block, blocks.RichTextBlock):
            return _RichText(raw)
        if isinstance(block, SnippetChooserBlock):
            return _FAQRef(raw, path) if raw else None
        if isinstance(block, ImageChooserBlock):
            return _ImageRef(raw) if isinstance(raw, int) else None
        if isinstance(block, blocks.IntegerBlock):
            return raw if isinstance(raw, int) else None
        if raw is None:
            return ""
        return raw

    # Deferred values: images, reusable FAQs, then every rich text, each in one go

    def resolve_pending(self):
        images = [entry for entry in self.pending if isinstance(entry[2], _ImageRef)]
        found = referenced_images(self.body_images) if images else {}
        missing = {ref.image_id for _c, _k, ref in images} - set(found)
        found |= images_with_renditions(missing)  # a preview, or no rendition made yet
        for container, key, ref in images:
            image = found.get(ref.image_id)
            alt = container.get("alt") or (image and image.title) or ""
            container[key] = image and picture(image, image.rendition_list, alt)
        refs = [entry for entry in self.pending if isinstance(entry[2], _FAQRef)]
        ids = {ref.faq_id for _c, _k, ref in refs}
        faqs = FAQ.objects.filter(live=True).in_bulk(ids) if refs else {}
        for container, key, ref in refs:
            faq = faqs.get(ref.faq_id)
            if faq is None:
                container[key] = None
                continue
            resolved = {
                "id": faq.pk,
                "question": self.text(faq, "question", f"{ref.path}.question"),
            }
            self.defer(
                resolved, "answer", _RichText(self.text(faq, "answer", f"{ref.path}.answer"))
            )
            container[key] = resolved
        rich = [entry for entry in self.pending if isinstance(entry[2], _RichText)]
        expanded = expand_many([placeholder.html for _c, _k, placeholder in rich], self.locale)
        for (container, key, _placeholder), html in zip(rich, expanded, strict=True):
            container[key] = html
        self.pending = []


def live_or_none(snippet):
    """A chosen snippet as readers may see it: only once it has been published."""
    return snippet if snippet is not None and snippet.live else None


def topics_of(page, suffix):
    """The page's topics named in the language of `suffix` (the English name where a topic
    has no Chinese one), sorted by that name."""
    if hasattr(page, "topic_list"):
        topics = page.topic_list or []
    else:  # a revision being previewed: its tags are held in memory
        topics = [
            {"slug": tag.slug, "name_en": tag.name, "name_zh_hans": tag.name_zh_hans}
            for tag in page.topics.all()
            if tag.live
        ]
    named = [
        {"slug": topic["slug"], "name": topic.get(f"name_{suffix}") or topic["name_en"]}
        for topic in topics
    ]
    return sorted(named, key=lambda topic: topic["name"])


def has_chinese(page):
    """Whether the guide has been translated: its live row (which holds only approved Chinese)
    has a Chinese title."""
    return bool(page.title_zh_hans)


def available_locales(page):
    return ["en", "zh-hans"] if has_chinese(page) else ["en"]


def live_sources(page):
    """{segment key: hash of the English} the page's live Chinese was translated from."""
    approval = getattr(page, "translation_approval", None) if page.pk else None
    return (approval.sources if approval else None) or {}


def listing_translation_state(page, locale):
    """The state the detail gives (kept on the live translation record by every publish)."""
    if locale == SOURCE:
        return "source"
    if not has_chinese(page):
        return "missing"
    approval = getattr(page, "translation_approval", None)
    return (approval.state if approval else "") or "complete"
