"""Issue #22, findings 3 and 4: hostile input is a 400 or a form error, never a 500.

3. Anonymous API v2 filters: every field filter of every page type (and images), offset, limit
   and the find view's id are checked (cms.api.v2_parameters).
4. Crafted editor posts: StreamField and ListBlock counts, choosers and Draftail ContentState are
   checked before Wagtail reads them (cms.workflow.posted_data): an error on the field, nothing
   written.
"""

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Revision, get_page_models

from cms.api.v2 import PublicPagesAPIViewSet
from cms.rich_text_editor import CleaningDraftailRichTextArea, contentstate_problem
from guides.blocks import RICH_TEXT_FEATURES
from guides.models import FAQ, GuideIndexPage, GuidePage
from tests.admin_post import AdminSession, edit_form_data

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
BAD_VALUES = ["notadate", "2020-13-45", HUGE, "-" + HUGE, "1.5", "", "依恋", "[]"]


def assert_400_naming(response, parameter):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert parameter in error["message"]
    assert error["fields"][parameter]  # what it expects


# Finding 3: API v2 filters.


@pytest.mark.parametrize(
    ("params", "parameter", "expected"),
    [
        ({"last_reviewed": "notadate"}, "last_reviewed", "a date"),
        ({"last_reviewed": "2020-13-45"}, "last_reviewed", "a date"),
        ({"last_reviewed": ""}, "last_reviewed", "a date"),
        ({"first_published_at": "2020-13-45T99:00"}, "first_published_at", "a date and time"),
        ({"series": HUGE}, "series", "a whole number"),
        ({"series": "-" + HUGE}, "series", "a whole number"),
        ({"hero_image": HUGE}, "hero_image", "a whole number"),
        ({"quiz_cta": "9223372036854775808"}, "quiz_cta", "a whole number"),
        ({"alias_of": HUGE}, "alias_of", "a whole number"),
        ({"number": HUGE}, "number", "a whole number"),
        ({"number": "1.5"}, "number", "a whole number"),
        ({"reading_time": "-1"}, "reading_time", "a whole number"),
        ({"id": HUGE}, "id", "a whole number"),
        ({"show_in_menus": "maybe"}, "show_in_menus", "true or false"),
        ({"body": "1"}, "body", "a value"),
        ({"offset": HUGE}, "offset", "a whole number"),
        ({"limit": "-1"}, "limit", "a whole number from 0 to 100"),
    ],
    ids=str,
)
def test_a_bad_v2_filter_is_a_400_naming_it(demo_site, client, params, parameter, expected):
    response = client.get("/api/v2/pages/", {"type": "guides.GuidePage", **params})
    assert_400_naming(response, parameter)
    assert expected in response.json()["error"]["fields"][parameter]


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/v2/images/", {"width": "abc"}, "width"),
        ("/api/v2/images/", {"id": HUGE}, "id"),
        ("/api/v2/images/", {"offset": HUGE}, "offset"),
        ("/api/v2/pages/find/", {"id": "abc"}, "id"),
        ("/api/v2/pages/find/", {"id": HUGE}, "id"),
    ],
    ids=str,
)
def test_images_and_find_check_their_parameters_too(demo_site, client, url, params, parameter):
    assert_400_naming(client.get(url, params), parameter)


def test_wagtails_own_400s_share_the_error_shape(demo_site, client):
    response = client.get("/api/v2/pages/", {"child_of": "x"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["code"] == "bad_request"
    assert body["message"] == body["error"]["message"], "stock v2 clients read `message`"


def test_good_filters_still_filter(demo_site, client):
    guide = GuidePage.objects.live().order_by("number").first()
    for params in (
        {"series": str(guide.series_id)},
        {"last_reviewed": str(guide.last_reviewed or "2020-01-01")},
        {"show_in_menus": "false", "offset": "0", "limit": "100"},
        {"number": str(guide.number)},
    ):
        response = client.get("/api/v2/pages/", {"type": "guides.GuidePage", **params})
        assert response.status_code == 200, (params, response.content[:300])
    ids = [item["id"] for item in response.json()["items"]]
    assert ids == [guide.pk]


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_no_field_filter_of_any_page_type_is_a_500(demo_site, client, model):
    """Every filter the router accepts for the type, with every kind of bad value."""
    client.raise_request_exception = False
    page_type = f"{model._meta.app_label}.{model.__name__}"
    names = PublicPagesAPIViewSet.get_available_fields(model, db_fields_only=True)
    for name in [*names, "offset", "limit", "child_of", "descendant_of", "translation_of"]:
        for value in BAD_VALUES:
            response = client.get("/api/v2/pages/", {"type": page_type, name: value})
            assert response.status_code < 500, (name, value, response.content[:300])
            if response.status_code == 400:
                assert set(response.json()) == {"error", "message"}


v2_names = st.sampled_from(
    [*PublicPagesAPIViewSet.known_query_parameters, "series", "number", "last_reviewed", "id"]
)
v2_values = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
    st.sampled_from([*BAD_VALUES, "guides.GuidePage", "root", "-id", "random", "2024-02-29"]),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(v2_names, v2_values, max_size=4))
def test_fuzzed_v2_queries_never_500(demo_site, client, params):
    client.raise_request_exception = False
    response = client.get("/api/v2/pages/", {"type": "guides.GuidePage", **params})
    assert response.status_code < 500, (params, response.content[:300])


# Finding 4: crafted editor posts.


def link_state(ranges, entities=None, depth=0):
    """Draftail ContentState: one paragraph, with `ranges` as its entity ranges."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": depth,
                    "text": "click here",
                    "inlineStyleRanges": [],
                    "entityRanges": ranges,
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "/"}}}
            if entities is None
            else entities,
        }
    )


MISSING_ENTITY = link_state([{"offset": 0, "length": 5, "key": 7}])
DAMAGED_STATES = [
    MISSING_ENTITY,
    link_state([], depth=-1),
    link_state([{"offset": 0, "length": 5, "key": 0}, {"offset": 2, "length": 5, "key": 0}]),
    link_state([{"offset": 0, "length": 5, "key": 0}], entities={"0": "LINK"}),
    json.dumps({"blocks": [{"text": 5}], "entityMap": {}}),
]


def first_key(data, matches):
    return next(key for key, value in data.items() if matches(key, value))


def is_count_of(depth):
    """A `-count` key of a list or stream nested `depth` levels inside the body."""
    return lambda key, value: (
        key.endswith("-count")
        and key.count("-count") == 1
        and (key.startswith("body_en-") and key.count("-value-") == depth)
    )


CRAFTED = {
    "stream count not a number": lambda data: {"body_en-count": "abc"},
    "stream count negative": lambda data: {"body_en-count": "-1"},
    "stream count above the items": lambda data: {"body_en-count": "999"},
    "stream count huge": lambda data: {"body_en-count": HUGE},
    "stream count missing": lambda data: {"body_en-count": None},
    "list count not a number": lambda data: {first_key(data, is_count_of(1)): "abc"},
    "list count above the items": lambda data: {first_key(data, is_count_of(1)): "99"},
    "nested list count": lambda data: {first_key(data, is_count_of(2)): "abc"},
    "item order not a number": lambda data: {"body_en-0-order": "first"},
    "item type missing": lambda data: {"body_en-0-type": None},
    "hero image not an id": lambda data: {"hero_image": "abc"},
    "snippet chooser in a block": lambda data: {
        first_key(data, lambda key, value: key.endswith("-value-faq")): "abc"
    },
    "rich text entity missing": lambda data: {
        first_key(data, lambda key, value: key.startswith("body_en-") and '"blocks"' in value): (
            MISSING_ENTITY
        )
    },
    "Chinese rich text malformed": lambda data: {
        first_key(
            data, lambda key, value: key.startswith("body_zh_hans-") and '"blocks"' in value
        ): DAMAGED_STATES[-1]
    },
}


def crafted(data, change):
    data = dict(data)
    for key, value in change(data).items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return data


def assert_refused(response, form_field=None):
    assert response.status_code == 200, response.status_code
    assert re.search("could not be (saved|created)", response.content.decode())
    form = response.context["form"]
    errors = form.errors.get(form_field, []) if form_field else sum(form.errors.values(), [])
    assert any("What was sent for this field is damaged" in error for error in errors), errors


@pytest.fixture
def guide(demo_site):
    return GuidePage.objects.order_by("number").first()


def snapshot(page):
    page = type(page).objects.get(pk=page.pk)
    return (
        page.revisions.count(),
        page.latest_revision_id,
        json.dumps(list(page.body_en.raw_data)),
        page.hero_image_id,
    )


@pytest.mark.parametrize("case", CRAFTED)
def test_a_crafted_edit_is_a_form_error_and_writes_nothing(guide, reviewer, case):
    session = AdminSession(reviewer)
    data = crafted(edit_form_data(guide, reviewer), CRAFTED[case])
    before = snapshot(guide)
    response = session.post(f"/admin/pages/{guide.pk}/edit/", data)
    field = "hero_image" if case.startswith("hero") else None
    assert_refused(response, field)
    assert snapshot(guide) == before


@pytest.mark.parametrize("case", ["stream count not a number", "rich text entity missing"])
def test_a_crafted_preview_is_invalid_not_a_500(guide, reviewer, case):
    data = crafted(edit_form_data(guide, reviewer), CRAFTED[case])
    response = AdminSession(reviewer).post(f"/admin/pages/{guide.pk}/edit/preview/", data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is False


@pytest.mark.parametrize("state", DAMAGED_STATES)
def test_damaged_rich_text_of_a_page_field_is_a_form_error(demo_site, reviewer, state):
    index = GuideIndexPage.objects.get()
    data = edit_form_data(index, reviewer, introduction_en=state)
    before = index.latest_revision_id, Revision.objects.count()
    response = AdminSession(reviewer).post(f"/admin/pages/{index.pk}/edit/", data)
    assert_refused(response, "introduction_en")
    index.refresh_from_db()
    assert (index.latest_revision_id, Revision.objects.count()) == before


@pytest.mark.parametrize(
    "case", ["stream count not a number", "hero image not an id", "rich text entity missing"]
)
def test_a_crafted_new_page_is_a_form_error_and_creates_nothing(guide, reviewer, case):
    data = edit_form_data(guide, reviewer, slug_en="crafted", title_en="Crafted")
    data = crafted(data, CRAFTED[case])
    pages = GuidePage.objects.count()
    parent = guide.get_parent()
    response = AdminSession(reviewer).post(f"/admin/pages/add/guides/guidepage/{parent.pk}/", data)
    assert_refused(response)
    assert GuidePage.objects.count() == pages


def test_a_translators_crafted_chinese_body_is_a_form_error(guide, translator):
    data = crafted(edit_form_data(guide, translator), lambda data: {"body_zh_hans-count": "x"})
    before = snapshot(guide)
    response = AdminSession(translator).post(f"/admin/pages/{guide.pk}/edit/", data)
    assert_refused(response, "body_zh_hans")
    assert snapshot(guide) == before


def snippet_form_data(instance, user):
    from wagtail.admin.panels import get_edit_handler

    form = get_edit_handler(type(instance)).get_form_class()(instance=instance, for_user=user)
    return {
        name: field.widget.format_value(form[name].value()) for name, field in form.fields.items()
    }


@pytest.mark.parametrize("state", [MISSING_ENTITY, DAMAGED_STATES[1]])
def test_a_crafted_snippet_edit_is_a_form_error(demo_site, reviewer, state):
    faq = FAQ.objects.order_by("pk").first()
    data = {**snippet_form_data(faq, reviewer), "answer_en": state}
    response = AdminSession(reviewer).post(f"/admin/snippets/guides/faq/edit/{faq.pk}/", data)
    assert_refused(response, "answer_en")
    assert FAQ.objects.get(pk=faq.pk).answer_en == faq.answer_en


# Every ContentState the check lets through converts without an exception.

widget = CleaningDraftailRichTextArea(features=RICH_TEXT_FEATURES)
number = st.one_of(st.integers(-2, 14), st.none(), st.text(max_size=2))
entity_range = st.fixed_dictionaries(
    {"offset": number, "length": number, "key": st.sampled_from([0, 1, "1", 5, None])}
)
style_range = st.fixed_dictionaries(
    {"offset": number, "length": number, "style": st.sampled_from(["BOLD", "ITALIC", "X", 3])}
)
draft_block = st.fixed_dictionaries(
    {
        "key": st.just("k"),
        "text": st.one_of(st.text(max_size=10), st.none()),
        "type": st.sampled_from(["unstyled", "ordered-list-item", "header-three", "atomic", "x"]),
        "depth": number,
        "inlineStyleRanges": st.lists(style_range, max_size=3),
        "entityRanges": st.lists(entity_range, max_size=3),
    }
)
entity = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["LINK", "DOCUMENT", "IMAGE", "EMBED", "X", None]),
        "data": st.one_of(
            st.dictionaries(st.sampled_from(["url", "id", "alt", "format"]), number, max_size=3),
            st.none(),
        ),
    }
)
content_state = st.fixed_dictionaries(
    {
        "blocks": st.lists(draft_block, max_size=3),
        "entityMap": st.dictionaries(st.sampled_from(["0", "1"]), entity, max_size=2),
    }
)


@settings(max_examples=400, deadline=None)
@given(state=content_state)
def test_contentstate_that_passes_the_check_converts(state):
    posted = json.dumps(state)
    if contentstate_problem(posted) is None:
        widget.value_from_datadict({"text": posted}, {}, "text")
