"""The demo guides' images: abstract gradients and shapes drawn here with Pillow (no text, no
stock photos), saved as Wagtail images in one collection with a focal point, and their
renditions made at load time (cms.images: readers' requests never make them)."""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.images import make_renditions

COLLECTION_NAME = "Demo images"
SIZE = (1600, 1000)
SCALE = 4  # drawn at a quarter of SIZE

# key: (title, used as the hero's alt text; top colour, bottom colour, shape colours, seed)
DEMO_IMAGES = {
    "reassurance": (
        "Two warm circles drifting towards each other over a dusk gradient",
        ("#f6d5c3", "#7a5c8e"),
        ("#f08a5d", "#fbe3b9"),
        101,
    ),
    "withdraw-pursue": (
        "A blue shape moving away from an orange one across a calm sea-green field",
        ("#cfe8e3", "#2f6f73"),
        ("#2e5e9e", "#f29e4c"),
        102,
    ),
    "repair": (
        "Overlapping soft shapes meeting in the middle of a morning-yellow gradient",
        ("#fff4d6", "#d98c5f"),
        ("#6aa5a0", "#f2c14e"),
        103,
    ),
    "pause": (
        "A quiet horizon of layered hills in muted greens and greys",
        ("#e9efe6", "#5b6e5d"),
        ("#8fa68e", "#3e4e41"),
        104,
    ),
}
# The hero image of each demo guide, by number.
HERO_IMAGES = {101: "reassurance", 102: "withdraw-pursue", 103: "repair"}
# Image blocks in guides.json name these keys (guide 103 uses "pause" and "repair").


def draw(key):
    """A JPEG of the abstract picture `key`: a vertical gradient, soft circles and a band,
    drawn small and enlarged (the blur hides it, and loading the demo stays quick)."""
    _title, (top, bottom), shapes, seed = DEMO_IMAGES[key]
    rng = random.Random(seed)  # noqa: S311 (a picture, not a secret)
    width, height = SIZE[0] // SCALE, SIZE[1] // SCALE
    small = (width, height)
    gradient = Image.linear_gradient("L").resize(small)
    picture = Image.composite(
        Image.new("RGB", small, bottom), Image.new("RGB", small, top), gradient
    )
    layer = Image.new("RGBA", small, (255, 255, 255, 0))
    pen = ImageDraw.Draw(layer)
    for index in range(6):
        radius = rng.randint(height // 8, height // 3)
        x, y = rng.randint(radius, width - radius), rng.randint(radius, height - radius)
        colour = Image.new("RGB", (1, 1), shapes[index % 2]).getpixel((0, 0))
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 110))
    band = rng.randint(height // 2, height - height // 6)
    pen.rectangle((0, band, width, band + height // 14), fill=(255, 255, 255, 60))
    layer = layer.filter(ImageFilter.GaussianBlur(18 // SCALE))
    picture = Image.alpha_composite(picture.convert("RGBA"), layer).convert("RGB")
    buffer = BytesIO()
    picture.resize(SIZE, Image.Resampling.BICUBIC).save(buffer, "JPEG", quality=90)
    return buffer


def demo_collection():
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


def load_demo_images():
    """{key: image id} of the demo images, drawing those that are missing."""
    collection = demo_collection()
    model = get_image_model()
    ids = {}
    for key, (title, *_rest) in DEMO_IMAGES.items():
        image = model.objects.filter(collection=collection, title=title).first()
        if image is None:
            width, height = SIZE
            image = model(
                title=title,
                collection=collection,
                file=ImageFile(draw(key), name=f"demo-{key}.jpg"),
                # The middle third, where the shapes meet: crops keep it.
                focal_point_x=width // 2,
                focal_point_y=height // 2,
                focal_point_width=width // 3,
                focal_point_height=height // 3,
            )
            image.save()
        make_renditions(image)
        ids[key] = image.pk
    return ids
