"""Responsive image renditions: made ahead of time, only read when a reader asks.

Renditions are made when an image is saved (upload), by the background worker for images that
miss some, and by `manage.py make_renditions`. Readers' requests never make one: the API serves
the renditions that exist and leaves missing ones out of `srcset`.
"""

from types import SimpleNamespace

from django.db import transaction
from django.db.models import (
    CharField,
    Count,
    IntegerField,
    JSONField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, JSONObject
from PIL import features
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from cms.db_functions import JSONArrayAgg

WIDTHS = (480, 960, 1440)
OG_IMAGE_FILTER = "fill-1200x630"  # the size Open Graph and schema.org readers prefer
FORMATS = ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")


def filter_spec(width, fmt):
    return f"width-{width}|format-{fmt}"


SRCSET_SPECS = {filter_spec(width, fmt): (width, fmt) for fmt in FORMATS for width in WIDTHS}
ALL_SPECS = (*SRCSET_SPECS, OG_IMAGE_FILTER)
# What a picture needs of its image, read with its renditions in one subquery.
IMAGE_FIELDS = (
    "title",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)


def rendition_model():
    return get_image_model().get_rendition_model()


def rendition_storage():
    return rendition_model()._meta.get_field("file").storage


def renditions_subquery(image_ref):
    """The renditions of the image at `image_ref` (an OuterRef) as a JSON array of
    {spec, file, width}: annotated on a query so that it reads them without one of its own."""
    return Subquery(
        rendition_model()
        .objects.filter(image=OuterRef(image_ref), filter_spec__in=list(SRCSET_SPECS))
        .order_by()
        .values("image")
        .annotate(items=JSONArrayAgg(JSONObject(spec="filter_spec", file="file", width="width")))
        .values("items"),
        output_field=JSONField(),
    )


def referenced_renditions_subquery(page_ref="pk"):
    """The renditions of every image a page's fields refer to (Wagtail's reference index),
    with their image's size, title and focal point, as one flat JSON array: the detail query
    reads the body's images without a query of their own."""
    references = ReferenceIndex.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef(OuterRef(page_ref)), CharField()),  # the page, two levels out
        to_content_type__app_label=get_image_model()._meta.app_label,
        to_content_type__model=get_image_model()._meta.model_name,
    ).values(image_id=Cast("to_object_id", IntegerField()))
    return Subquery(
        rendition_model()
        .objects.filter(image_id__in=references, filter_spec__in=list(SRCSET_SPECS))
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(
            items=JSONArrayAgg(
                JSONObject(
                    spec="filter_spec",
                    file="file",
                    width="width",
                    image="image_id",
                    **{f"image_{name}": f"image__{name}" for name in IMAGE_FIELDS},
                )
            )
        )
        .values("items"),
        output_field=JSONField(),
    )


def referenced_images(items):
    """{id: image} from `referenced_renditions_subquery`'s rows, each with `rendition_list`
    (images with no rendition made are not among them)."""
    images = {}
    for item in items or []:
        image = images.get(item["image"])
        if image is None:
            image = images[item["image"]] = SimpleNamespace(
                pk=item["image"],
                rendition_list=[],
                **{name: item[f"image_{name}"] for name in IMAGE_FIELDS},
            )
        image.rendition_list.append(item)
    return images


def images_with_renditions(ids):
    """{id: image} of the images `ids`, each with `rendition_list`, in one query."""
    if not ids:
        return {}
    images = (
        get_image_model()
        .objects.filter(pk__in=set(ids))
        .only("id", "file", *IMAGE_FIELDS)
        .annotate(rendition_list=renditions_subquery("pk"))
    )
    return {image.pk: image for image in images}


def focal_point(image):
    if image.focal_point_x is None:
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width,
        "height": image.focal_point_height,
    }


def picture(image, renditions, alt):
    """The API's picture of `image`: its size, focal point, a JPEG `src` and a `srcset` per
    format, from the `renditions` ([{spec, file, width}]) that exist."""
    storage = rendition_storage()
    by_format = {fmt: [] for fmt in FORMATS}
    for rendition in renditions or []:
        spec = SRCSET_SPECS.get(rendition.get("spec"))
        if spec is None:
            continue
        by_format[spec[1]].append((spec[0], storage.url(rendition["file"]), rendition["width"]))
    srcset = {}
    for fmt, items in by_format.items():
        widths = {}  # a small original is not enlarged: keep one rendition per real width
        for _w, url, width in sorted(items):
            widths.setdefault(width, url)
        if widths:
            srcset[fmt] = ", ".join(f"{url} {width}w" for width, url in widths.items())
    jpegs = by_format.get("jpeg") or []
    return {
        "id": image.pk,
        "alt": alt,
        "width": image.width,
        "height": image.height,
        "focal_point": focal_point(image),
        "src": jpegs[len(jpegs) // 2][1] if jpegs else None,
        "srcset": srcset,
    }


# Making renditions (never on a reader's request)


def make_renditions(image):
    """Make the renditions of `image` that are missing. Returns how many were made."""
    existing = set(
        rendition_model()
        .objects.filter(image=image, filter_spec__in=ALL_SPECS)
        .values_list("filter_spec", flat=True)
    )
    missing = [spec for spec in ALL_SPECS if spec not in existing]
    if missing:
        image.get_renditions(*missing)  # (they count in the content versions by their ids)
    return len(missing)


def images_missing_renditions():
    """Images that miss at least one of the renditions the site serves."""
    return (
        get_image_model()
        .objects.annotate(
            made=Count("renditions", filter=Q(renditions__filter_spec__in=ALL_SPECS), distinct=True)
        )
        .filter(made__lt=len(ALL_SPECS))
        .order_by("pk")
    )


def make_missing_renditions(limit=None):
    """Make the missing renditions of up to `limit` images (the worker's round)."""
    made = 0
    images = images_missing_renditions()
    for image in images[:limit] if limit else images:
        made += make_renditions(image)
    return made


def on_image_saved(instance, created=False, raw=False, **kwargs):
    """An uploaded (or replaced) image gets its renditions once the upload is committed."""
    if raw:
        return
    transaction.on_commit(lambda: make_renditions(instance))
