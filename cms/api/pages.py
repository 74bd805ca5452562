"""Page queries for public APIs: live, not view-restricted, in one SQL statement."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


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
