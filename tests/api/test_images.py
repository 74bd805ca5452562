"""Images in API v1: renditions made ahead of time, served in bulk, never made on a GET."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.images import FORMATS, WIDTHS, make_renditions, rendition_model
from guides.content_checks import check_guide
from guides.models import GuidePage
from tests.api.helpers import add_guide, get_json

pytestmark = pytest.mark.django_db


def new_image(title="Two chairs by a window", **fields):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(size=(1600, 1000)), **fields
    )


def detail(client, guide, locale="en"):
    cache.clear()
    _, data = get_json(client, f"/api/v1/guides/{guide.slug_en}/", locale=locale)
    return data


def widths(srcset):
    return [int(part.split()[1].removesuffix("w")) for part in srcset.split(", ")]


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_hero_image_has_a_srcset_per_format(demo_site, client, publish, locale):
    image = new_image(focal_point_x=800, focal_point_y=400, focal_point_width=200)
    image.focal_point_height = 100
    image.save()
    make_renditions(image)
    guide = add_guide(publish, 910, hero_image=image)
    hero = detail(client, guide, locale)["hero_image"]
    # Image titles are English: in Chinese the hero is decoration, never English alt text.
    assert hero["alt"] == ("Two chairs by a window" if locale == "en" else "")
    assert (hero["width"], hero["height"]) == (1600, 1000)
    assert hero["focal_point"] == {"x": 800, "y": 400, "width": 200, "height": 100}
    assert set(hero["srcset"]) == set(FORMATS)
    for fmt in FORMATS:
        assert widths(hero["srcset"][fmt]) == list(WIDTHS)
        assert f".{'jpg' if fmt == 'jpeg' else fmt} " in hero["srcset"][fmt] + " "
    assert hero["src"].endswith(".jpg")


def test_a_get_makes_no_rendition_and_serves_only_those_made(demo_site, client, publish):
    image = new_image()
    guide = add_guide(publish, 911, hero_image=image)
    before = rendition_model().objects.count()
    hero = detail(client, guide)["hero_image"]
    assert rendition_model().objects.count() == before
    assert hero["srcset"] == {}
    assert hero["src"] is None
    assert "image" not in detail(client, guide)["seo"]["open_graph"]
    image.get_renditions("width-480|format-webp")  # one made, the others still missing
    hero = detail(client, guide)["hero_image"]
    assert set(hero["srcset"]) == {"webp"}
    assert widths(hero["srcset"]["webp"]) == [480]
    assert rendition_model().objects.count() == before + 1


def test_make_renditions_command_makes_the_missing_ones(demo_site, client, publish, capsys):
    image = new_image()
    call_command("make_renditions")
    assert image.renditions.count() == len(FORMATS) * len(WIDTHS) + 1
    assert "Made" in capsys.readouterr().out
    guide = add_guide(publish, 912, hero_image=image)
    data = detail(client, guide)
    assert data["seo"]["open_graph"]["image"]["width"] == 1200


def test_an_upload_makes_its_renditions(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = new_image()
    assert image.renditions.count() == len(FORMATS) * len(WIDTHS) + 1


def test_the_worker_makes_missing_renditions(db):
    image = new_image()
    call_command("run_worker", "--once")
    assert image.renditions.count() == len(FORMATS) * len(WIDTHS) + 1


def demo_guide_with_images():
    return GuidePage.objects.get(number=103)


@pytest.mark.parametrize(
    ("locale", "alt_start"), [("en", "Layered hills"), ("zh-hans", "淡色天空下")]
)
def test_image_blocks_are_served_with_their_renditions(demo_site, client, locale, alt_start):
    data = detail(client, demo_guide_with_images(), locale)
    images = [block["value"] for block in data["body"] if block["type"] == "image"]
    assert len(images) == 2
    first = images[0]
    assert first["image"]["alt"].startswith(alt_start)
    assert first["alt"] == first["image"]["alt"]
    assert first["caption"]
    assert first["image"]["focal_point"] is not None
    for fmt in FORMATS:
        assert widths(first["image"]["srcset"][fmt]) == list(WIDTHS)
    assert data["hero_image"]["srcset"]["webp"]  # the demo's heroes are made at load time
    assert data["seo"]["open_graph"]["image"]["width"] == 1200


def test_a_demo_get_makes_no_rendition(demo_site, client):
    before = rendition_model().objects.count()
    for locale in ("en", "zh-hans"):
        detail(client, demo_guide_with_images(), locale)
    assert rendition_model().objects.count() == before


def image_block(image, alt="Soft shapes", index=0):
    return {
        "type": "image",
        "id": f"00000000-0000-0000-0000-00000000000{index}",
        "value": {"image": image.pk, "alt": alt, "caption": "A caption."},
    }


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_query_count_does_not_grow_with_image_blocks(demo_site, client, publish, locale):
    images = [new_image(f"Image {n}") for n in range(3)]
    for image in images:
        make_renditions(image)
    counts = []
    for number, count in ((920, 1), (921, 3)):
        guide = add_guide(publish, number)
        guide.body_en = [image_block(images[i], index=i) for i in range(count)]
        guide.body_zh_hans = guide.body_en
        publish(guide)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            data = detail(client, guide, locale)
        assert [b["type"] for b in data["body"]] == ["image"] * count
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert counts[1] <= 4


@pytest.mark.parametrize(("language", "alt"), [("en", ""), ("zh-hans", "  ")])
def test_missing_alt_text_is_a_content_warning(language, alt):
    block = {"type": "image", "id": "x", "value": {"image": 1, "alt": alt, "caption": ""}}
    warnings = check_guide({}, [block], language)
    assert [w.code for w in warnings] == ["image_alt_missing"]
    assert warnings[0].path == "body[0].alt"
    described = {**block, "value": {**block["value"], "alt": "Soft shapes."}}
    assert check_guide({}, [described], "en") == []
