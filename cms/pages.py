"""Pages as readers reach them: the live, public ones (in one SQL statement), and their paths
on the front end in each language."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction

from cms.i18n.locales import LOCALES, field_name


def restricted_q(path_field="path"):
    """True for pages inside a private section, as a subquery (Wagtail's .public() runs a query).

    `path_field` names the page's tree path from the queried model, e.g. "page__path".
    """
    restrictions = PageViewRestriction.objects.annotate(prefix_length=Length("page__path")).filter(
        page__path=Substr(OuterRef(path_field), 1, F("prefix_length"))
    )
    return Exists(restrictions)


def public_live(queryset):
    return queryset.filter(live=True).exclude(restricted_q())


def front_end_path(url_path):
    """'/home/guides/slug/' -> '/guides/slug/': the path below the site root."""
    if not url_path:
        return None
    parts = url_path.strip("/").split("/", 1)
    return "/" + (parts[1] + "/" if len(parts) > 1 and parts[1] else "")


def front_end_paths(page):
    """{locale: front-end path}; a Chinese path falls back to the English one, as the API does."""
    english = getattr(page, "url_path_en", None) or page.url_path
    return {
        locale: front_end_path(getattr(page, field_name("url_path", locale), None) or english)
        for locale in LOCALES
    }


def page_slugs(page):
    """{locale: slug}, the English one where a page has no slug of its own in a language."""
    return {
        locale: getattr(page, field_name("slug", locale), None) or page.slug for locale in LOCALES
    }
