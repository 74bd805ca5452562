"""What a publish event says about a page: ids, type, and slug and path in each language."""

from cms.pages import front_end_paths, page_slugs


def page_payload(page):
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "slug": page_slugs(page),
        "path": front_end_paths(page),
    }
